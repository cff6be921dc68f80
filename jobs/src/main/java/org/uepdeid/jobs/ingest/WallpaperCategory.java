package org.uepdeid.jobs.ingest;

import java.util.List;

/**
 * What is kept of {@code system.wallpaper}: whether it is a wallpaper the system ships or the user's own picture.
 *
 * <p>The path itself is free text that may hold a user name ({@code /home/zhangsan/Pictures/cat.jpg}), so it never
 * reaches staging.
 */
public enum WallpaperCategory {
    /** A picture under a system wallpaper folder. */
    BUILTIN("builtin"),
    /** Anything else, including paths that try to climb out of a system folder with {@code ..}. */
    CUSTOM("custom"),
    /** No wallpaper given. */
    NONE("none");

    /** Where Deepin / UOS, Debian and freedesktop systems install their wallpapers. */
    private static final List<String> SYSTEM_FOLDERS = List.of("/usr/share/wallpapers/", "/usr/share/backgrounds/",
            "/usr/share/deepin/", "/usr/share/uos/", "/usr/share/images/desktop-base/", "/usr/share/pixmaps/");
    private static final String FILE_URI = "file://";

    private final String code;

    WallpaperCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The category of a wallpaper path or {@code file://} URI; {@code null} or blank is {@link #NONE}. */
    public static WallpaperCategory of(String wallpaper) {
        if (wallpaper == null || wallpaper.isBlank()) {
            return NONE;
        }
        String path = wallpaper.strip();
        if (path.startsWith(FILE_URI)) {
            path = path.substring(FILE_URI.length());
        }
        if (path.contains("/../") || path.contains("/./") || path.contains("//")) {
            return CUSTOM;
        }
        String candidate = path;
        return SYSTEM_FOLDERS.stream().anyMatch(candidate::startsWith) ? BUILTIN : CUSTOM;
    }
}
