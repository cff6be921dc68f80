package org.uepdeid.jobs.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release holds its outputs past the jobs' try blocks and publishes, or discards, them together. */
class ReleaseTest {

    @TempDir
    Path dir;

    private final AtomicPublisher publisher = new AtomicPublisher(new Configuration());

    @Test
    void heldOutputsSurviveTheJobAndArePublishedTogether() throws IOException {
        Path first = dir.resolve("a/dt=2026-11-27");
        Path second = dir.resolve("b/dt=2026-11-27");
        write(first, "old.txt");
        try (Release release = new Release()) {
            stageAndComplete(first, release);
            stageAndComplete(second, release);

            assertThat(release.outputs()).hasSize(2);
            assertThat(Path.of(release.outputs().get(0).temporary().toUri()).resolve("new.txt"))
                    .as("still there for a verifier to read").exists();
            assertThat(first.resolve("old.txt")).as("nothing published yet").exists();
            release.publishAll();
        }
        assertThat(first.resolve("new.txt")).exists();
        assertThat(first.resolve("old.txt")).doesNotExist();
        assertThat(second.resolve("new.txt")).exists();
    }

    @Test
    void aReleaseClosedUnpublishedLeavesThePreviousOutputsAndNoLeftovers() throws IOException {
        Path target = dir.resolve("a/dt=2026-11-27");
        write(target, "old.txt");
        try (Release release = new Release()) {
            stageAndComplete(target, release);
        }
        assertThat(target.resolve("old.txt")).exists();
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactly("dt=2026-11-27");
        }
    }

    @Test
    void immediatePublicationPublishesAtOnce() throws IOException {
        Path target = dir.resolve("a/dt=2026-11-27");
        stageAndComplete(target, Publication.IMMEDIATE);
        assertThat(target.resolve("new.txt")).exists();
    }

    /** What a job does: write, complete, and close its staged output in a try block. */
    private void stageAndComplete(Path target, Publication publication) throws IOException {
        try (StagedOutput output = publisher.stage(new org.apache.hadoop.fs.Path(target.toUri()))) {
            write(Path.of(output.temporary().toUri()), "new.txt");
            publication.complete(output);
        }
    }

    private static void write(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(name), name);
    }
}
