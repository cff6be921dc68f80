package org.uepdeid.jobs.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;

class DataRootLockTest {

    private static final Duration STALE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void aSecondCommandIsRefusedNamingTheHolderUntilTheFirstReleases() throws IOException {
        DataRoot root = new DataRoot(dir.toUri());
        try (DataRootLock first = acquire(root, "run --date 2026-11-27", Duration.ZERO)) {
            Path file = dir.resolve(DataRootLock.FILE_NAME);
            assertThat(Files.readString(file)).contains("\"holder\":\"run --date 2026-11-27\"")
                    .contains("\"pid\":" + ProcessHandle.current().pid()).contains("\"host\"").contains("\"started\"");
            assertThatThrownBy(() -> acquire(root, "erase", Duration.ZERO))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("is locked by 'run --date 2026-11-27' (pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("--wait SECONDS");
        }
        assertThat(dir.resolve(DataRootLock.FILE_NAME)).doesNotExist();
        try (DataRootLock second = acquire(root, "erase", Duration.ZERO)) {
            assertThat(Files.readString(dir.resolve(DataRootLock.FILE_NAME))).contains("\"holder\":\"erase\"");
        }
    }

    @Test
    void aWaitingCommandTakesTheLockOnceItIsReleased() throws Exception {
        DataRoot root = new DataRoot(dir.toUri());
        DataRootLock first = acquire(root, "ingest --date 2026-11-27", Duration.ZERO);
        CompletableFuture<DataRootLock> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return acquire(root, "erase", Duration.ofSeconds(60));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(waiting).as("still waiting while the ingest holds the lock").isNotDone();
        first.close();
        try (DataRootLock second = waiting.get(30, TimeUnit.SECONDS)) {
            assertThat(Files.readString(dir.resolve(DataRootLock.FILE_NAME))).contains("\"holder\":\"erase\"");
        }
    }

    @Test
    void aLockNotRenewedForTheStaleTimeIsBroken() throws IOException {
        DataRoot root = new DataRoot(dir.toUri());
        Path file = dir.resolve(DataRootLock.FILE_NAME);
        Files.writeString(file, "{\"holder\":\"run --date 2026-11-01\",\"host\":\"another-host\",\"pid\":1,"
                + "\"token\":\"x\"}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(STALE).minusSeconds(5)));
        try (DataRootLock lock = acquire(root, "retention", Duration.ZERO)) {
            assertThat(Files.readString(file)).contains("\"holder\":\"retention\"");
        }
    }

    @Test
    void aLockOfAProcessOfThisHostThatIsGoneIsBrokenAtOnce() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        DataRoot root = new DataRoot(dir.toUri());
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Path file = dir.resolve(DataRootLock.FILE_NAME);
        Files.writeString(file, "{\"holder\":\"run --date 2026-11-01\",\"host\":\"" + host + "\",\"pid\":"
                + gone.pid() + ",\"token\":\"x\"}");
        try (DataRootLock lock = acquire(root, "run --date 2026-11-02", Duration.ZERO)) {
            assertThat(Files.readString(file)).contains("\"holder\":\"run --date 2026-11-02\"");
        }
    }

    @Test
    void aFreshLockOfAnotherHostIsRespected() throws IOException {
        DataRoot root = new DataRoot(dir.toUri());
        Files.writeString(dir.resolve(DataRootLock.FILE_NAME), "{\"holder\":\"run --date 2026-11-01\","
                + "\"host\":\"another-host\",\"pid\":1,\"token\":\"x\"}");
        assertThatThrownBy(() -> acquire(root, "erase", Duration.ZERO)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("another-host");
    }

    private static DataRootLock acquire(DataRoot root, String command, Duration wait) throws IOException {
        return DataRootLock.acquire(root, new Configuration(), command, wait, STALE);
    }
}
