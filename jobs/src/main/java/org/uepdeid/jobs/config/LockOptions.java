package org.uepdeid.jobs.config;

import java.io.IOException;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DataRootLock;
import picocli.CommandLine.Option;

/**
 * {@code --wait SECONDS}: how long a command that changes the data root waits for another one to release its lock
 * ({@link DataRootLock}) before it gives up with exit code 2.
 */
public final class LockOptions {

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to SECONDS for another command holding the data root's lock (default: "
                    + "${DEFAULT-VALUE}: exit 2 at once, naming the holder).")
    long waitSeconds;

    /**
     * Takes the lock of the config's data root for {@code command}, a description without personal data (the
     * command's name and dates, never its ids).
     */
    public DataRootLock lock(PipelineConfig config, String command) throws IOException {
        if (waitSeconds < 0) {
            throw new ConfigException("--wait: must be 0 or more seconds, got " + waitSeconds);
        }
        return DataRootLock.acquire(new DataRoot(config.dataRoot()), new Configuration(), command,
                Duration.ofSeconds(waitSeconds), config.releases().lockStaleAfter());
    }
}
