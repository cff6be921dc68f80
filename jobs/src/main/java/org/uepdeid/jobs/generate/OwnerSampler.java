package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws the person behind a device: a pinyin user name, the host name and wallpaper path that leak it (as
 * real clients do), and now and then an e-mail address, mobile number or resident ID inside those fields.
 */
final class OwnerSampler {

    // Shares of devices; "occasionally" in the brief: rare enough to be realistic, common enough to test.
    private static final double CUSTOM_WALLPAPER = 0.45;
    private static final double EMAIL_IN_WALLPAPER = 0.05;
    private static final double MOBILE_IN_WALLPAPER = 0.03;
    private static final double RESIDENT_ID_IN_WALLPAPER = 0.02;
    private static final double MOBILE_IN_HOSTNAME = 0.02;
    private static final double RESIDENT_ID_IN_HOSTNAME = 0.005;
    private static final double TEENAGER = 0.08;
    // Shorter user names are common words or initials; a planted value must be specific enough to search for.
    private static final int MIN_USERNAME_LENGTH = 6;
    private static final List<String> DEPARTMENTS =
            List.of("caiwu", "renshi", "bangongshi", "xingzheng", "jishu", "shichang", "kefu", "yanfa", "cangku");

    private final Catalogues catalogues;
    private final Shares shares;

    OwnerSampler(Catalogues catalogues, Shares shares) {
        this.catalogues = catalogues;
        this.shares = shares;
    }

    Owner sample(SeededRandom random, BoardModel board, String language) {
        double ageDraw = random.nextDouble();
        boolean minor = ageDraw < shares.minor();
        boolean reportsBirthYear = minor || ageDraw < shares.minor() + shares.birthYear();
        int age = minor ? random.between(6, Owner.OLDEST_CHILD_YEARS) : adultAge(random);

        String username = username(random);
        Optional<String> mobile = Optional.empty();
        Optional<String> residentId = Optional.empty();
        Optional<String> email = Optional.empty();

        String hostname;
        double hostDraw = random.nextDouble();
        if (hostDraw < MOBILE_IN_HOSTNAME) {
            mobile = Optional.of(mobile(random));
            hostname = username + "-" + mobile.get();
        } else if (hostDraw < MOBILE_IN_HOSTNAME + RESIDENT_ID_IN_HOSTNAME) {
            residentId = Optional.of(residentId(random));
            hostname = username + "-" + residentId.get();
        } else if (hostDraw < 0.72) {
            hostname = username + "-PC";  // the installer's default
        } else if (hostDraw < 0.82) {
            hostname = username + "-" + board.vendor().toLowerCase(Locale.ROOT).replace(" ", "");
        } else if (hostDraw < 0.92) {
            hostname = random.pickUniform(DEPARTMENTS) + "-" + random.digits(2);
        } else {
            hostname = "uos-" + random.characters("0123456789abcdef", 6);
        }

        boolean custom = random.chance(CUSTOM_WALLPAPER);
        String wallpaper;
        if (!custom) {
            wallpaper = catalogues.builtinWallpapers().pick(random);
        } else {
            String home = "/home/" + username + "/";
            String pictures = language.startsWith("zh") && random.chance(0.5) ? "图片" : "Pictures";
            String file = catalogues.customWallpaperFiles().pick(random);
            double embed = random.nextDouble();
            if (embed < EMAIL_IN_WALLPAPER) {
                email = Optional.of(email(random, username));
                wallpaper = home + ".foxmail/" + email.get() + "/attachments/" + file;
            } else if (embed < EMAIL_IN_WALLPAPER + MOBILE_IN_WALLPAPER && mobile.isEmpty()) {
                mobile = Optional.of(mobile(random));
                wallpaper = home + pictures + "/" + mobile.get() + "_" + file;
            } else if (embed < EMAIL_IN_WALLPAPER + MOBILE_IN_WALLPAPER + RESIDENT_ID_IN_WALLPAPER
                    && residentId.isEmpty()) {
                residentId = Optional.of(residentId(random));
                wallpaper = home + "Documents/身份证_" + residentId.get() + ".jpg";
            } else {
                String folder = random.chance(0.75) ? pictures : random.chance(0.6) ? "Desktop" : "Downloads";
                wallpaper = home + folder + "/" + file;
            }
        }
        return new Owner(username, hostname, wallpaper, custom, email, mobile, residentId, age, reportsBirthYear);
    }

    private String username(SeededRandom random) {
        String surname = catalogues.surnames().pick(random);
        String given = catalogues.givenNames().pick(random);
        int style = random.nextInt(100);
        String name;
        if (style < 50) {
            name = surname + given;
        } else if (style < 65) {
            name = given + surname;
        } else if (style < 80) {
            name = surname + given + random.digits(2);
        } else if (style < 90) {
            name = surname + "_" + given;
        } else {
            name = surname.charAt(0) + given + random.between(1970, 2010);
        }
        return name.length() >= MIN_USERNAME_LENGTH ? name : name + random.between(10, 99);
    }

    /** Adults, skewed to working age, with a few 16-17-year-olds on the right side of the children's limit. */
    private static int adultAge(SeededRandom random) {
        if (random.chance(TEENAGER)) {
            return random.between(Owner.OLDEST_CHILD_YEARS + 1, 17);
        }
        return 18 + (int) ((random.nextDouble() + random.nextDouble()) * 26);
    }

    private String mobile(SeededRandom random) {
        return random.pickUniform(catalogues.mobilePrefixes()) + random.digits(8);
    }

    private String email(SeededRandom random, String username) {
        String domain = catalogues.emailDomains().pick(random);
        String local = domain.equals("qq.com") && random.chance(0.6)
                ? random.between(1, 9) + random.digits(random.between(4, 9))
                : username + (random.chance(0.5) ? random.digits(random.between(2, 4)) : "");
        return local + "@" + domain;
    }

    /** The number of a scanned ID card: not necessarily the owner's own (it may be a relative's). */
    private String residentId(SeededRandom random) {
        LocalDate birthDate = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(50 * 365));
        return ResidentIdNumber.of(random.pickUniform(catalogues.residentIdRegions()), birthDate, random.nextInt(1000));
    }
}
