package org.uepdeid.jobs.release;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DocumentFolder;

/**
 * The release log, {@code published/_releases/}: one {@link ReleaseRecord} per release, and the retraction notices of
 * the superseded ones in {@code published/_retractions/}. Recipients keep every release they get, so what was released
 * must be known for ever: entries are written once, whole, and never changed. The standing release of a day is its
 * latest: each release supersedes the one standing before it.
 *
 * <p>Writers hold the data root's lock ({@code DataRootLock}), so two runs never number a day's releases alike.
 */
public final class ReleaseLog {

    static final String RELEASES = "published/_releases";
    static final String RETRACTIONS = "published/_retractions";

    private final DocumentFolder releases;
    private final DocumentFolder retractions;

    public ReleaseLog(DataRoot root, Configuration hadoop) {
        this.releases = new DocumentFolder(new Path(root.path(), RELEASES), hadoop);
        this.retractions = new DocumentFolder(new Path(root.path(), RETRACTIONS), hadoop);
    }

    /** The day's releases, oldest first. */
    public List<ReleaseRecord> history(LocalDate date) throws IOException {
        return between(date, date);
    }

    /** The releases of the days from {@code first} to {@code last}, by day and then oldest first. */
    public List<ReleaseRecord> between(LocalDate first, LocalDate last) throws IOException {
        List<ReleaseRecord> records = new ArrayList<>();
        for (String name : within(releases, first, last)) {
            ReleaseRecord record = ReleaseRecord.fromJson(releases.read(name), releases.path(name).toString());
            if (!record.id().toString().equals(name)) {
                throw DocumentNode.of(null, releases.path(name).toString(), "release_id").error("must be " + name
                        + ", the file's name, got " + record.id());
            }
            records.add(record);
        }
        records.sort(Comparator.comparing(ReleaseRecord::id));
        return records;
    }

    /** The release in force for the day, if it has one. */
    public Optional<ReleaseRecord> standing(LocalDate date) throws IOException {
        List<ReleaseRecord> history = history(date);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /**
     * Refuses a job that would change a released day's published outputs outside {@code run}: published days are
     * immutable, and a new release of one is made only by {@code run --replace}, which checks it as a second release.
     */
    public void requireUnreleased(LocalDate date, String job) throws IOException {
        Optional<ReleaseRecord> standing = standing(date);
        if (standing.isPresent()) {
            throw new UserInputException(job + ": " + date + " is published as release " + standing.get().id()
                    + ", and published days are immutable; release it again with run --date " + date
                    + " --replace --reason TEXT");
        }
    }

    /** Adds a release; refuses one whose id is taken (each is written once). */
    public void append(ReleaseRecord record) throws IOException {
        releases.writeOnce(record.id().toString(), record.toJson());
    }

    /** Writes the notice that {@code notice.retracted()} is withdrawn, and returns where. */
    public Path retract(RetractionNotice notice) throws IOException {
        return retractions.writeOnce(notice.id().toString(), notice.toJson());
    }

    /** A retraction notice as written: where it is, and the audiences that may hold a copy of the release. */
    public record PublishedNotice(Path path, Set<Audience> audiences) {
    }

    /** The retraction notices of the releases of the days from {@code first} to {@code last}, by release. */
    public List<PublishedNotice> retractionNotices(LocalDate first, LocalDate last) throws IOException {
        List<PublishedNotice> notices = new ArrayList<>();
        for (String name : within(retractions, first, last)) {
            Set<Audience> audiences = EnumSet.noneOf(Audience.class);
            for (DocumentNode audience : DocumentNode.parse(retractions.read(name), retractions.path(name).toString(),
                    DocumentNode.Format.JSON).get("audiences").list()) {
                audiences.add(Audience.read(audience));
            }
            notices.add(new PublishedNotice(retractions.path(name), audiences));
        }
        return notices;
    }

    private static List<String> within(DocumentFolder folder, LocalDate first, LocalDate last) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : folder.names()) {
            Optional<ReleaseId> id = ReleaseId.parse(name);
            if (id.isPresent() && !id.get().date().isBefore(first) && !id.get().date().isAfter(last)) {
                names.add(name);
            }
        }
        return names;
    }
}
