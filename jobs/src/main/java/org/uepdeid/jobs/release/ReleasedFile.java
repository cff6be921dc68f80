package org.uepdeid.jobs.release;

/**
 * One file of a released output, as recipients can check it.
 *
 * @param name   the file's name in its output folder
 * @param bytes  its length
 * @param sha256 its SHA-256, 64 lowercase hex digits
 */
public record ReleasedFile(String name, long bytes, String sha256) {

    public ReleasedFile {
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("a released file's name must be a plain file name, got " + name);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException(name + ": a length cannot be negative");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + ": sha256 must be 64 lowercase hex digits");
        }
    }
}
