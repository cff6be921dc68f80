package org.uepdeid.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/** What a published folder's manifest says about who may receive it. */
class PublishedFolderTest {

    @TempDir
    Path dir;

    @Test
    void aManifestsAudienceIsReadAndAnUnknownOneIsAnErrorNamingTheFileAndTheValue() throws IOException {
        org.apache.hadoop.fs.Path folder = folder("app_usage", "affiliates");
        org.apache.hadoop.fs.Path tampered = folder("login_patterns", "everyone");
        PublishedFolder published = new PublishedFolder(new DataRoot(dir.toUri()), new Configuration());

        assertThat(published.read(folder).audience()).isEqualTo(Audience.AFFILIATES);
        assertThatThrownBy(() -> published.read(tampered)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("login_patterns/dt=2026-12-01/_manifest.json")
                .hasMessageContaining("audience: must be one of internal, affiliates, got \"everyone\"");
    }

    private org.apache.hadoop.fs.Path folder(String product, String audience) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("published/stats/" + product + "/dt=2026-12-01"));
        Files.writeString(folder.resolve("part-0.parquet"), "cells");
        RunManifest manifest = new RunManifest("20261201T000000Z-0000abcd", "aggregate", LocalDate.of(2026, 12, 1),
                "test", "0".repeat(64), List.of(), List.of(new DatasetCount("published/stats/" + product, 3)), null,
                null, null, Map.of(PublishedFolder.AUDIENCE, TextNode.valueOf(audience)));
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder.toUri());
        new ManifestFile(new Configuration()).write(path, manifest);
        return path;
    }
}
