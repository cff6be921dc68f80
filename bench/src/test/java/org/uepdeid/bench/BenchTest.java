package org.uepdeid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ExitCodes;
import picocli.CommandLine;

/** The benchmarks' executable parses as scripts/bench.sh calls it; the benchmarks themselves are run, not tested. */
class BenchTest {

    @TempDir
    Path dir;

    @Test
    void aMissingCasesFileIsTheUsersMistakeNamingTheFile() {
        StringWriter err = new StringWriter();
        CommandLine cli = Bench.commandLine();
        cli.setErr(new PrintWriter(err, true));
        Path missing = dir.resolve("cases.json");

        assertThat(cli.execute("anonymizer", "--cases", missing.toString(), "--only", "kanon-003"))
                .isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains(missing.toString());
    }
}
