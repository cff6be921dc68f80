package org.uepdeid.jobs.generate;

import java.io.Serializable;
import java.util.List;

/** A board (machine model) from the catalogue, with the CPU vendors and BIOS vendors it ships with. */
record BoardModel(String vendor, String model, List<String> cpuVendors, List<String> biosVendors,
                  String biosVersionPattern) implements Serializable {
}
