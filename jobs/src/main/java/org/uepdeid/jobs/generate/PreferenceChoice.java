package org.uepdeid.jobs.generate;

import java.io.Serializable;

/** The values one desktop preference (a dotted key such as {@code dock.size}) takes, with their weights. */
record PreferenceChoice(String key, WeightedChoice<String> values) implements Serializable {
}
