package org.uepdeid.jobs.generate;

/** A personal value planted in one device's landing data, so tests can assert it never reaches a release. */
public record PlantedValue(String deviceId, PlantedKind kind, String value) {
}
