package org.uepdeid.reports;

/** Units a job did not carry forward, and why ({@code quarantined: bad_json}, {@code minors}, ...). */
public record Outflow(String label, long count) {

    public Outflow {
        Require.text("outflow label", label);
        Require.count("outflow " + label, count);
    }
}
