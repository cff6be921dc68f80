package org.uepdeid.anonymizer.search;

/**
 * What a search found.
 *
 * @param best                    the best anonymous transformation, or null when none satisfies the models
 * @param transformationsChecked  how many transformations were evaluated on data
 * @param optimal                 whether the search proved {@code best} optimal (false when a time limit cut it)
 * @param maxSuppressedRecords    the suppression limit in records, ⌊limit·n⌋
 * @param heights                 the hierarchies' heights, in quasi-identifier order
 */
public record SearchResult(Evaluation best, int transformationsChecked, boolean optimal, long maxSuppressedRecords,
                           int[] heights) {

    SearchResult(Evaluation best, int transformationsChecked, boolean optimal) {
        this(best, transformationsChecked, optimal, -1, null);
    }

    SearchResult withLimits(long maxSuppressedRecords, int[] heights) {
        return new SearchResult(best, transformationsChecked, optimal, maxSuppressedRecords, heights.clone());
    }

    @Override
    public int[] heights() {
        return heights == null ? null : heights.clone();
    }
}
