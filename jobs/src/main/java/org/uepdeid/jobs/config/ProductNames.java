package org.uepdeid.jobs.config;

import java.util.List;

/** The statistics products' names, which the config keys {@code aggregates.privacy.weights} and L0 by. */
public final class ProductNames {

    public static final String OS_ADOPTION = "os_adoption";
    public static final String HARDWARE_LANDSCAPE = "hardware_landscape";
    public static final String APP_USAGE = "app_usage";
    public static final String LOGIN_PATTERNS = "login_patterns";
    public static final String DOWNLOAD_SOURCES = "download_sources";
    public static final String SETTINGS_POPULARITY = "settings_popularity";
    public static final String BOARDS_AND_BIOS = "boards_and_bios";
    public static final String STORAGE_LAYOUT = "storage_layout";
    public static final String NETWORK_CARDS = "network_cards";
    public static final String KERNEL_VERSIONS = "kernel_versions";
    public static final String UPDATE_RECENCY = "update_recency";
    /** Every product, in publication order. */
    public static final List<String> PRODUCTS = List.of(OS_ADOPTION, HARDWARE_LANDSCAPE, APP_USAGE, LOGIN_PATTERNS,
            DOWNLOAD_SOURCES, SETTINGS_POPULARITY, BOARDS_AND_BIOS, STORAGE_LAYOUT, NETWORK_CARDS, KERNEL_VERSIONS,
            UPDATE_RECENCY);

    private ProductNames() {
    }
}
