package org.uepdeid.jobs.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.uepdeid.anonymizer.dp.BudgetCharge;
import org.uepdeid.anonymizer.dp.BudgetLedger;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DocumentFolder;

/**
 * The privacy-budget ledger, {@code ledger/privacy_budget/}: one document per charged release attempt (its name the
 * release id and a random suffix, so an attempt that verify then refused stays charged: its noise was drawn), each
 * listing the release's charges, one per product: {@code date}, {@code release_id}, {@code product},
 * {@code epsilon}, {@code delta}, {@code rho} (zCDP only), {@code recorded_at}. Budget figures only: no device, no
 * cell value. Written once, never changed; erasure and retention leave it alone, as a spent budget stays spent.
 */
public final class PrivacyLedger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DocumentFolder folder;

    public PrivacyLedger(DataRoot root, Configuration hadoop) {
        this.folder = new DocumentFolder(root.privacyBudgetLedger(), hadoop);
    }

    /** Every charge recorded so far. */
    public List<BudgetCharge> charges() throws IOException {
        List<BudgetCharge> charges = new ArrayList<>();
        for (String name : folder.names()) {
            DocumentNode document = DocumentNode.parse(folder.read(name), folder.path(name).toString(),
                    DocumentNode.Format.JSON);
            for (DocumentNode charge : document.get("charges").list()) {
                charges.add(read(charge));
            }
        }
        return charges;
    }

    /** The charges as the budget rules see them. */
    public BudgetLedger ledger() throws IOException {
        return new BudgetLedger(charges());
    }

    /** Appends one release's charges, before anything of it is published. */
    public void append(String releaseId, List<BudgetCharge> charges) throws IOException {
        ArrayNode list = JSON.arrayNode();
        for (BudgetCharge charge : charges) {
            ObjectNode entry = list.addObject();
            entry.put("date", charge.date().toString());
            entry.put("release_id", charge.releaseId());
            entry.put("product", charge.product());
            entry.put("epsilon", charge.epsilon());
            entry.put("delta", charge.delta());
            charge.rho().ifPresent(rho -> entry.put("rho", rho));
            entry.put("recorded_at", charge.recordedAt().toString());
        }
        ObjectNode document = JSON.objectNode();
        document.set("charges", list);
        folder.writeOnce(releaseId + "_" + UUID.randomUUID().toString().substring(0, 8), document);
    }

    private static BudgetCharge read(DocumentNode charge) {
        charge.mapping(List.of("date", "release_id", "product", "epsilon", "delta", "rho", "recorded_at"));
        try {
            return new BudgetCharge(LocalDate.parse(charge.get("date").text()), charge.get("release_id").text(),
                    charge.get("product").text(), charge.get("epsilon").number(), charge.get("delta").number(),
                    charge.has("rho") ? OptionalDouble.of(charge.get("rho").number()) : OptionalDouble.empty(),
                    Instant.parse(charge.get("recorded_at").text()));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw charge.error("is not a budget charge: " + e.getMessage(), e);
        }
    }
}
