package org.uepdeid.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A day on which device profiles were published, as its microdata manifest describes the release in force.
 *
 * @param suppression  the records published (suppressed ones included) and those suppressed, against the limit
 * @param levels       the chosen level of each quasi-identifier, in the policy's order
 * @param products     statistics products published for the day
 * @param verification the verification status the manifest records ({@code passed}, {@code failed}), or {@code null}
 *                     when it records none
 * @param budget       for differentially private statistics, the ε the window ending on the day had spent with this
 *                     release, against the budget's; empty for exact statistics
 */
public record PublishedDay(LocalDate date, Suppression suppression, InformationLoss informationLoss,
                           List<QiLevel> levels, int products, String verification, Optional<BudgetSpent> budget) {

    /** The privacy budget's ε spent in the window ending on a day, and the budget's ε. */
    public record BudgetSpent(double spent, double budget) {
    }

    public PublishedDay {
        Require.present("published day", date);
        Require.present(date + ": suppression", suppression);
        Require.present(date + ": information loss", informationLoss);
        levels = List.copyOf(levels);
        Require.count(date + ": statistics products", products);
        Require.present(date + ": privacy budget", budget);
    }

    /** A day whose statistics are exact. */
    public PublishedDay(LocalDate date, Suppression suppression, InformationLoss informationLoss,
                        List<QiLevel> levels, int products, String verification) {
        this(date, suppression, informationLoss, levels, products, verification, Optional.empty());
    }
}
