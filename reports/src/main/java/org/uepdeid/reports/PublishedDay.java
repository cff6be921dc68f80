package org.uepdeid.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A day on which device profiles were published, as its microdata manifest describes the release in force.
 *
 * @param suppression  the records published (suppressed ones included) and those suppressed, against the limit
 * @param levels       the chosen level of each quasi-identifier, in the policy's order
 * @param products     statistics products published for the day
 * @param verification the verification status the manifest records ({@code passed}, {@code failed}), or {@code null}
 *                     when it records none
 */
public record PublishedDay(LocalDate date, Suppression suppression, InformationLoss informationLoss,
                           List<QiLevel> levels, int products, String verification) {

    public PublishedDay {
        Require.present("published day", date);
        Require.present(date + ": suppression", suppression);
        Require.present(date + ": information loss", informationLoss);
        levels = List.copyOf(levels);
        Require.count(date + ": statistics products", products);
    }
}
