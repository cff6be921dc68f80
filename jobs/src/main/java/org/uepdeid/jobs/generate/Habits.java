package org.uepdeid.jobs.generate;

import java.util.List;

/** How a device is used: activity level (1 is typical), favourite apps, consent version, network home. */
record Habits(double activity, List<String> favouriteApps, String consentVersion, int homeBlock, boolean staticIp) {
}
