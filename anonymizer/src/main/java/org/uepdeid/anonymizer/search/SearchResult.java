package org.uepdeid.anonymizer.search;

/**
 * What a search found.
 *
 * @param best                    the best anonymous transformation, or null when none satisfies the models
 * @param transformationsChecked  how many transformations were evaluated on data
 * @param optimal                 whether the search proved {@code best} optimal (false when a time limit cut it)
 */
public record SearchResult(Evaluation best, int transformationsChecked, boolean optimal) {
}
