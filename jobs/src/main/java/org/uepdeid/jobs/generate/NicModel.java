package org.uepdeid.jobs.generate;

import java.io.Serializable;

/** A network controller model from the catalogue, with its vendor's MAC prefix (OUI). */
record NicModel(String vendor, String model, String oui, boolean wireless) implements Serializable {
}
