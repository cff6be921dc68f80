package org.uepdeid.jobs.aggregate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * What one aggregate run published.
 *
 * @param published    each published product's manifest, by product name, in publication order
 * @param notPublished each product that could not be built from this day's inputs, with the reason
 */
public record AggregateRun(Map<String, RunManifest> published, Map<String, String> notPublished) {

    public AggregateRun {
        published = Collections.unmodifiableMap(new LinkedHashMap<>(published));
        notPublished = Collections.unmodifiableMap(new LinkedHashMap<>(notPublished));
    }
}
