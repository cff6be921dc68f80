package org.uepdeid.jobs.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The notice that a release is withdrawn: {@code published/_retractions/<release_id>.json}, the document an operator
 * forwards to everyone who received the release, telling them which files to delete (policy Part VI 4.2: when a
 * deletion request is granted, third parties who obtained the data are told to delete it).
 *
 * @param retracted   the release withdrawn
 * @param supersededBy the release that replaced it
 * @param reason      why (the operator's words, as given to {@code run --replace --reason})
 * @param retractedAt when
 */
public record RetractionNotice(ReleaseRecord retracted, ReleaseId supersededBy, String reason, Instant retractedAt) {

    public ReleaseId id() {
        return retracted.id();
    }

    /** The audiences that may hold a copy: whoever could receive one of its outputs. */
    public Set<Audience> audiences() {
        Set<Audience> audiences = new LinkedHashSet<>();
        retracted.outputs().forEach(o -> audiences.add(o.audience()));
        return audiences;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("release_id", retracted.id().toString());
        json.put("date", retracted.date().toString());
        json.put("retracted_at", retractedAt.toString());
        json.put("superseded_by", supersededBy.toString());
        json.put("reason", reason);
        json.put("notice", "Release " + retracted.id() + " of " + retracted.date() + " is withdrawn and replaced by "
                + supersededBy + " (" + reason + "). Delete every copy of the files listed under \"delete\", "
                + "including copies passed on; the replacement is shared separately.");
        ArrayNode audiences = json.putArray("audiences");
        audiences().forEach(a -> audiences.add(a.word()));
        ArrayNode delete = json.putArray("delete");
        for (ReleasedOutput o : retracted.outputs()) {
            ObjectNode output = delete.addObject();
            output.put("path", o.path());
            output.put("audience", o.audience().word());
            output.set("files", ReleaseRecord.files(o.files()));
        }
        return json;
    }
}
