package org.uepdeid.jobs.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicPublisherTest {

    @TempDir
    Path dir;

    private final AtomicPublisher publisher = new AtomicPublisher(new Configuration());

    @Test
    void publishesIntoPlaceAndReplacesThePreviousOutput() throws IOException {
        Path target = dir.resolve("zone/dt=2026-11-27");
        write(target, "old.txt");

        try (StagedOutput output = publisher.stage(hadoop(target))) {
            assertThat(output.temporary().getName()).startsWith("_tmp-dt=2026-11-27-");
            write(Path.of(output.temporary().toUri()), "new.txt");
            output.publish();
        }

        assertThat(target.resolve("new.txt")).exists();
        assertThat(target.resolve("old.txt")).doesNotExist();
        assertThat(siblings(target)).containsExactly("dt=2026-11-27");
    }

    @Test
    void anOutputThatIsNotPublishedLeavesThePreviousOneAndNoLeftovers() throws IOException {
        Path target = dir.resolve("zone/dt=2026-11-27");
        write(target, "old.txt");

        try (StagedOutput output = publisher.stage(hadoop(target))) {
            write(Path.of(output.temporary().toUri()), "half.txt");
        }

        assertThat(target.resolve("old.txt")).exists();
        assertThat(siblings(target)).containsExactly("dt=2026-11-27");
    }

    @Test
    void removesADirectoryWithEverythingInItAndLeavesNoHiddenSibling() throws IOException {
        Path target = dir.resolve("zone/dt=2026-11-27");
        write(target.resolve("part"), "data.txt");
        write(dir.resolve("zone/dt=2026-11-28"), "kept.txt");

        publisher.remove(hadoop(target));

        assertThat(target).doesNotExist();
        assertThat(siblings(target)).containsExactly("dt=2026-11-28");
    }

    private static org.apache.hadoop.fs.Path hadoop(Path path) {
        return new org.apache.hadoop.fs.Path(path.toUri());
    }

    private static void write(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(name), name);
    }

    private static String[] siblings(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toArray(String[]::new);
        }
    }
}
