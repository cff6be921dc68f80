package org.uepdeid.jobs.generate;

import java.io.Serializable;

/** A disk model from the catalogue: type is ssd, hdd or nvme. */
record DiskModel(String model, String type, int sizeGb) implements Serializable {
}
