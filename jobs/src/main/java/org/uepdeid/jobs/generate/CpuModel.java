package org.uepdeid.jobs.generate;

import java.io.Serializable;

/** A CPU model from the catalogue; {@code arch} is the kernel's architecture tag for it. */
record CpuModel(String vendor, String family, String model, int cores, String arch) implements Serializable {
}
