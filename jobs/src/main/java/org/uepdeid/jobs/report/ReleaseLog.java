package org.uepdeid.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.JsonDocument;
import org.uepdeid.reports.Release;

/**
 * The release log as the publisher writes it: {@code published/_releases/<release_id>.json}, one file per release,
 * and {@code published/_retractions/<release_id>.json}, the notice of a superseded one. Only the keys the report
 * shows are read; a file whose name is not {@code <date>-r<n>.json} is not a release (a writer's temporary file).
 */
record ReleaseLog(DataRoot root, Configuration hadoop) {

    static final String RELEASES = "published/_releases";
    static final String RETRACTIONS = "published/_retractions";
    private static final Pattern RELEASE_FILE =
            Pattern.compile("(([0-9]{4}-[0-9]{2}-[0-9]{2})-r[1-9][0-9]{0,8})\\.json");

    /**
     * The releases of the days {@code [from, to]}; none when the data root has no release log.
     *
     * @throws IllegalArgumentException naming the file and key when a release file is malformed
     */
    List<Release> read(LocalDate from, LocalDate to) throws IOException {
        Path folder = new Path(root.path(), RELEASES);
        FileSystem fs = folder.getFileSystem(hadoop);
        List<Release> releases = new ArrayList<>();
        if (!fs.exists(folder)) {
            return releases;
        }
        for (FileStatus file : fs.listStatus(folder)) {
            Matcher name = RELEASE_FILE.matcher(file.getPath().getName());
            if (!file.isFile() || !name.matches()) {
                continue;
            }
            LocalDate date = date(name.group(2), file.getPath());
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            boolean retracted = fs.exists(new Path(new Path(root.path(), RETRACTIONS), file.getPath().getName()));
            try (InputStream in = fs.open(file.getPath())) {
                releases.add(parse(in.readAllBytes(), file.getPath().toString(), name.group(1), date, retracted));
            }
        }
        return releases;
    }

    private static LocalDate date(String text, Path file) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": the name starts with " + text + ", which is not a date");
        }
    }

    /**
     * One release file.
     *
     * @param id   the release id its name gives, which the file must repeat
     * @param date the date its name gives, which the file must repeat
     */
    static Release parse(byte[] json, String source, String id, LocalDate date, boolean retracted) {
        JsonNode root = JsonDocument.parseObject(json, source, "must be a JSON object (a release record)");
        JsonFields fields = JsonFields.of(source);
        return JsonFields.reading(source, () -> release(fields, root, id, date, retracted));
    }

    private static Release release(JsonFields fields, JsonNode root, String id, LocalDate date, boolean retracted) {
        if (!id.equals(fields.text(root, "release_id"))) {
            throw fields.error("release_id", "must be " + id + ", the file's name, got "
                    + fields.text(root, "release_id"));
        }
        if (!date.toString().equals(fields.text(root, "date"))) {
            throw fields.error("date", "must be " + date + ", the date of " + id + ", got "
                    + fields.text(root, "date"));
        }
        List<Release.Output> outputs = new ArrayList<>();
        JsonNode array = fields.array(root, "outputs");
        for (int i = 0; i < array.size(); i++) {
            JsonFields in = fields.in("outputs[" + i + "]");
            JsonNode output = array.get(i);
            outputs.add(new Release.Output(in.text(output, "product"), in.optionalText(output, "kind"),
                    in.optionalText(output, "audience"), in.count(output, "rows")));
        }
        return new Release(id, date, fields.text(root, "created"), fields.text(root, "status"),
                fields.optionalText(root, "supersedes"), fields.optionalText(root, "reason"),
                fields.optionalText(root, "verification"), outputs, retracted);
    }
}
