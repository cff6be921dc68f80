package org.uepdeid.jobs.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.anonymizer.input.UserInputException;

/**
 * The data root's lock, {@value #FILE_NAME}: the commands that change what a data root holds ({@code run},
 * {@code ingest}, {@code erase}, {@code retention}, ...) take it, so that an erasure cannot interleave with an ingest
 * that would write the erased device back, and two schedulers' runs cannot number a day's releases alike.
 *
 * <p>The file is created atomically (create-new on a local disk, a create without overwrite on HDFS) and holds who
 * took it: command, host, pid, when. Its holder renews its modification time every quarter of the stale time; a lock
 * not renewed for the stale time, or held by a process of this host that no longer runs, was left by a dead command
 * and is broken. Closing releases it; so does the JVM's shutdown (a SIGTERM from a scheduler).
 */
public final class DataRootLock implements AutoCloseable {

    public static final String FILE_NAME = "_lock.json";

    private static final Logger LOG = LoggerFactory.getLogger(DataRootLock.class);
    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration POLL = Duration.ofSeconds(2);

    private final FileSystem fs;
    private final Path file;
    private final String token;
    private final ScheduledExecutorService renewal;
    private final Thread onShutdown;
    private boolean released;

    private DataRootLock(FileSystem fs, Path file, String token, Duration staleAfter) {
        this.fs = fs;
        this.file = file;
        this.token = token;
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "uep-deid lock renewal");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, staleAfter.toMillis() / 4);
        renewal.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
        this.onShutdown = new Thread(this::releaseQuietly, "uep-deid lock release");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /**
     * Takes the lock of {@code root} for {@code command}, waiting up to {@code wait} while another command holds it.
     *
     * @throws UserInputException naming the holder when it is still held after {@code wait} (exit code 2)
     */
    public static DataRootLock acquire(DataRoot root, Configuration hadoop, String command, Duration wait,
                                       Duration staleAfter) throws IOException {
        Path file = new Path(root.path(), FILE_NAME);
        FileSystem fs = file.getFileSystem(hadoop);
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (create(fs, file, holder(command, token))) {
                LOG.info("took the lock {} for {}", file, command);
                return new DataRootLock(fs, file, token, staleAfter);
            }
            Optional<Held> held = read(fs, file);
            if (held.isPresent() && held.get().isStale(staleAfter)) {
                LOG.warn("breaking the lock {}: {} (not renewed since {})", file, held.get().describe(),
                        held.get().renewed());
                breakStale(fs, file);
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new UserInputException("the data root " + root.path() + " is locked by "
                        + held.map(Held::describe).orElse("another command that is just starting")
                        + "; wait for it to finish, or pass --wait SECONDS to wait for it (lock file: " + file
                        + ")");
            }
            sleep(Math.min(left, POLL.toNanos()));
        }
    }

    /** Releases the lock if it is still this holder's. */
    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        renewal.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is running us
        }
        Optional<Held> held = read(fs, file);
        if (held.isPresent() && token.equals(held.get().token())) {
            fs.delete(file, false);
            LOG.info("released the lock {}", file);
        } else {
            LOG.warn("the lock {} is no longer this command's (broken as stale?); left as it is", file);
        }
    }

    private void releaseQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.warn("could not release the lock {} on shutdown ({})", file, e.getClass().getSimpleName());
        }
    }

    private void renew() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            LOG.warn("could not renew the lock {} ({})", file, e.getClass().getSimpleName());
        }
    }

    private static byte[] holder(String command, String token) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("holder", command);
        json.put("host", hostName());
        json.put("pid", ProcessHandle.current().pid());
        json.put("started", Instant.now().toString());
        json.put("token", token);
        return JSON.writeValueAsBytes(json);
    }

    /** Creates the file only if it does not exist, atomically; false when it exists. */
    private static boolean create(FileSystem fs, Path file, byte[] content) throws IOException {
        fs.mkdirs(file.getParent());
        if ("file".equals(fs.getScheme())) {
            // Hadoop's local create checks and then opens; the JDK's CREATE_NEW is one atomic open.
            try {
                Files.write(java.nio.file.Path.of(file.toUri().getPath()), content, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException held) {
                return false;
            }
        }
        try (OutputStream out = fs.create(file, false)) {
            out.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException held) {
            return false;
        }
    }

    /** Moves a stale lock aside under a name of its own, so that of two commands breaking it only one succeeds. */
    private static void breakStale(FileSystem fs, Path file) throws IOException {
        Path aside = new Path(file.getParent(), "_lock-broken-" + UUID.randomUUID() + ".json");
        if (fs.rename(file, aside)) {
            fs.delete(aside, false);
        }
    }

    private static Optional<Held> read(FileSystem fs, Path file) throws IOException {
        FileStatus status;
        byte[] bytes;
        try {
            status = fs.getFileStatus(file);
            try (InputStream in = fs.open(file)) {
                bytes = in.readAllBytes();
            }
        } catch (FileNotFoundException gone) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException beingWritten) {
            json = null;
        }
        return Optional.of(new Held(json == null ? JSON.createObjectNode() : json,
                Instant.ofEpochMilli(status.getModificationTime())));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the data root's lock", e);
        }
    }

    /** What a lock file says, and when its holder last renewed it. */
    private record Held(JsonNode json, Instant renewed) {

        String token() {
            return json.path("token").asText("");
        }

        boolean isStale(Duration staleAfter) {
            if (renewed.plus(staleAfter).isBefore(Instant.now())) {
                return true;
            }
            // A process of this host that is gone cannot renew: no need to wait out the stale time.
            long pid = json.path("pid").asLong(-1);
            return pid > 0 && hostName().equals(json.path("host").asText())
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        String describe() {
            return "'" + json.path("holder").asText("?") + "' (pid " + json.path("pid").asText("?") + " on "
                    + json.path("host").asText("?") + ", since " + json.path("started").asText("?") + ")";
        }
    }
}
