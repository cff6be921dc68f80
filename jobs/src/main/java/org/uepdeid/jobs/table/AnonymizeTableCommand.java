package org.uepdeid.jobs.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.anonymizer.table.CsvTable;
import org.uepdeid.anonymizer.table.ResultJson;
import org.uepdeid.anonymizer.table.TableAnonymizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code anonymize-table}: anonymizes any delimited table with a policy and hierarchies, ARX style. */
@Command(name = "anonymize-table", mixinStandardHelpOptions = true,
        description = "Anonymizes a table (CSV or Parquet) with a policy (YAML/JSON) and writes the result JSON "
                + "and optionally the generalized table.")
public final class AnonymizeTableCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "the table: a delimited text file with a header line, "
            + "or a flat Parquet file (*.parquet)")
    Path input;

    @Option(names = "--delimiter", defaultValue = ",", description = "the field delimiter of CSV input and output "
            + "(default: ${DEFAULT-VALUE})")
    char delimiter;

    @Option(names = "--policy", required = true, description = "the policy, YAML or JSON; paths in it are relative to it")
    Path policy;

    @Option(names = "--result", required = true, description = "where to write the result JSON")
    Path result;

    @Option(names = "--output", description = "where to write the anonymized table: Parquet if it ends in .parquet, "
            + "else CSV with the same delimiter")
    Path output;

    @Override
    public Integer call() throws IOException {
        PolicySpec spec = PolicySpec.read(policy);
        CsvTable table = ParquetTable.isParquet(input) ? ParquetTable.read(input) : CsvTable.read(input, delimiter);
        TableAnonymizer.Outcome outcome = TableAnonymizer.anonymize(table, spec);
        ObjectNode json = ResultJson.of(spec, outcome.result());
        json.put("records", table.rows().size());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(result.toFile(), json);
        if (output != null && outcome.output() != null) {
            if (ParquetTable.isParquet(output)) {
                ParquetTable.write(outcome.output(), output);
            } else {
                outcome.output().write(output, delimiter);
            }
        }
        System.err.printf("anonymize-table: %s; loss %s; %d records suppressed; %d transformations checked in %d ms%n",
                outcome.result().message(), outcome.result().informationLoss(), outcome.result().suppressedRecords(),
                outcome.result().transformationsChecked(), outcome.result().searchMillis());
        return 0;
    }
}
