package org.uepdeid.reports;

/**
 * One job run behind the report, for provenance: which code and config produced the figures.
 *
 * @param name          the job, with the product for a statistics product ({@code aggregate: os_adoption})
 * @param configSha256  the SHA-256 of the pipeline config the run used
 * @param inputRows     rows (or lines) the run read
 * @param outputRows    rows the run wrote
 */
public record JobRun(String name, String runId, String codeVersion, String configSha256, long inputRows,
                     long outputRows) {

    public JobRun {
        Require.text("run name", name);
        Require.text(name + ": run id", runId);
        Require.text(name + ": code version", codeVersion);
        Require.text(name + ": config hash", configSha256);
        Require.count(name + ": input rows", inputRows);
        Require.count(name + ": output rows", outputRows);
    }
}
