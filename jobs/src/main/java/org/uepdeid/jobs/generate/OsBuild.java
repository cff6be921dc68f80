package org.uepdeid.jobs.generate;

import java.io.Serializable;

/** An OS build from the catalogue; its kernel name depends on the CPU architecture. */
record OsBuild(String version, String kernelPattern) implements Serializable {

    String kernelFor(String arch) {
        return kernelPattern.replace("{arch}", arch);
    }
}
