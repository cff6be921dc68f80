package org.uepdeid.jobs.manifest;

/** One input or output of a run: where it is and how many rows (or lines) it holds. */
public record DatasetCount(String path, long rows) {

    public DatasetCount {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("manifest dataset: path must not be blank");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("manifest dataset " + path + ": rows must not be negative, got " + rows);
        }
    }
}
