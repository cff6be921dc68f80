package org.uepdeid.jobs.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/** Reads a published output folder ({@code published/<zone>/<product>/dt=D}) as a {@link ReleasedOutput}. */
public final class PublishedFolder {

    /** The manifest key that states an output's audience. */
    public static final String AUDIENCE = "audience";

    private final DataRoot root;
    private final Configuration hadoop;

    public PublishedFolder(DataRoot root, Configuration hadoop) {
        this.root = root;
        this.hadoop = hadoop;
    }

    /** The output published at {@code folder}: its place, product, kind, audience and rows, and every file's digest. */
    public ReleasedOutput read(Path folder) throws IOException {
        RunManifest manifest = new ManifestFile(hadoop).read(folder);
        JsonNode audience = manifest.extra().get(AUDIENCE);
        String zone = folder.getParent().getParent().getName();
        return new ReleasedOutput(relative(folder), folder.getParent().getName(),
                "microdata".equals(zone) ? ReleasedOutput.MICRODATA : ReleasedOutput.STATISTICS,
                audience == null ? Audience.INTERNAL
                        : Audience.read(DocumentNode.of(audience, new Path(folder, RunManifest.FILE_NAME).toString(),
                                AUDIENCE)),
                manifest.outputs().isEmpty() ? 0 : manifest.outputs().get(0).rows(),
                new FileDigests(hadoop).of(folder));
    }

    /** {@code folder} relative to the data root. */
    public String relative(Path folder) {
        String prefix = root.path().toUri().getPath() + "/";
        String full = folder.toUri().getPath();
        if (!full.startsWith(prefix)) {
            throw new IllegalArgumentException(folder + " is not under the data root " + root.path());
        }
        return full.substring(prefix.length());
    }
}
