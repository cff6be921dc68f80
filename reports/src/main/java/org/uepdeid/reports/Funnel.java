package org.uepdeid.reports;

import java.util.List;

/**
 * Where one job's input went: every unit either left through an outflow or was kept. The accounting identity of a
 * run manifest, drawn as a funnel.
 *
 * @param job       the job whose accounting this is
 * @param unit      what is counted ({@code lines}, {@code devices}, ...)
 * @param outflows  in the order the job applies them
 * @param keptLabel what the kept units became ({@code accepted}, {@code published rows}, ...)
 */
public record Funnel(String job, String unit, long input, List<Outflow> outflows, String keptLabel, long kept) {

    public Funnel {
        Require.text("funnel job", job);
        Require.text(job + ": unit", unit);
        Require.count(job + ": input", input);
        Require.text(job + ": kept label", keptLabel);
        Require.count(job + ": kept", kept);
        outflows = List.copyOf(outflows);
    }

    /** Whether every input unit is accounted for exactly once. */
    public boolean balanced() {
        return input == kept + outflows.stream().mapToLong(Outflow::count).sum();
    }
}
