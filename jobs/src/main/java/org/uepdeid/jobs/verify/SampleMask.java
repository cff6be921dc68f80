package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Masks an offending value before it goes into a report: enough is kept to recognise the kind of leak (an address's
 * first octet, a value's first two characters), never enough to recover the value. The masked part is always
 * {@value #MASK}, whatever the value's length, so the length is not disclosed either.
 */
final class SampleMask {

    static final String MASK = "***";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int KEPT = 2;
    /** The longest prefix a masked value keeps: an IPv4 first octet and its dot, or two supplementary characters. */
    private static final int LONGEST_PREFIX = 4;
    private static final String TUPLE_SEPARATOR = " | ";

    private SampleMask() {
    }

    /** The value masked: an IPv4 address keeps its first octet, anything else at most its first two characters. */
    static String mask(String value) {
        if (value == null) {
            return "null";
        }
        if (IPV4.matcher(value).matches()) {
            return value.substring(0, value.indexOf('.')) + "." + MASK;
        }
        // A value of one or two characters keeps none: keeping them would publish it whole.
        int kept = value.codePointCount(0, value.length()) > KEPT + 1 ? KEPT : 0;
        return value.substring(0, value.offsetByCodePoints(0, kept)) + MASK;
    }

    /** A tuple of values (an equivalence class, a cell's labels), each masked. */
    static String maskTuple(List<String> values) {
        return values.stream().map(SampleMask::mask).collect(Collectors.joining(TUPLE_SEPARATOR));
    }

    /** The first few of {@code rows}, each as the masked tuple of its {@code columns}. */
    static List<String> tuples(Dataset<Row> rows, List<String> columns) {
        List<String> sample = new ArrayList<>();
        for (Row row : rows.select(columns.stream().map(c -> col(c).cast("string")).toArray(Column[]::new))
                .limit(CheckResult.MAX_SAMPLE).collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                values.add(row.getString(i));
            }
            sample.add(maskTuple(values));
        }
        return sample;
    }

    /** Whether {@code sample} came from {@link #mask} or {@link #maskTuple}: the report refuses anything else. */
    static boolean isMasked(String sample) {
        if (sample == null) {
            return false;
        }
        for (String part : sample.split(Pattern.quote(TUPLE_SEPARATOR), -1)) {
            if (!part.equals("null") && !(part.endsWith(MASK) && part.length() - MASK.length() <= LONGEST_PREFIX)) {
                return false;
            }
        }
        return true;
    }
}
