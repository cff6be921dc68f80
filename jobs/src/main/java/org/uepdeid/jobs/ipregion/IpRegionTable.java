package org.uepdeid.jobs.ipregion;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.config.ConfigException;

/**
 * The IP-to-region table ({@code cidr,region} CSV, IPv4 and IPv6, as in {@code jobs-config/ip-regions.csv}), read by
 * one set of rules for ingest, which reduces addresses to regions, and the generator, which draws addresses from it.
 *
 * <p>The file: the header {@code cidr,region}, then one block and its region a line (the region is everything after
 * the first comma); blank lines and {@code #} comments are skipped. A block may lie inside another (a province's
 * block inside a country's): an address belongs to its longest matching prefix. The same block twice with two regions
 * is an error, as is a table without blocks.
 *
 * <p>One hash map per prefix length present, probed from the longest: at most 129 probes per address whatever the
 * table's size, where a scan of a national allocation list (thousands of rows) per event would not scale.
 */
public final class IpRegionTable implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String HEADER = "cidr,region";

    /** One line of the table: a block and its region. */
    public record Block(CidrBlock cidr, String region) implements Serializable {
    }

    /** The blocks in file order, for drawing addresses. */
    private final List<Block> blocks;
    /** Prefix length (of 128) → network → region, longest prefix first. */
    private final TreeMap<Integer, HashMap<IpAddress, String>> byPrefix;

    private IpRegionTable(List<Block> blocks,
                          TreeMap<Integer, HashMap<IpAddress, String>> byPrefix) {
        this.blocks = List.copyOf(blocks);
        this.byPrefix = byPrefix;
    }

    /** Reads the table at {@code location}; a missing or malformed table is a config error naming file and line. */
    public static IpRegionTable load(URI location, Configuration hadoop) {
        Path path = new Path(location);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                path.getFileSystem(hadoop).open(path), StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList(), path.toString());
        } catch (FileNotFoundException e) {
            throw new ConfigException("IP-region table " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("IP-region table " + path + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Parses the CSV lines of {@code source}. */
    public static IpRegionTable parse(List<String> lines, String source) {
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new ConfigException("IP-region table " + source + " line 1: the header must be \"" + HEADER + "\"");
        }
        List<Block> blocks = new ArrayList<>();
        TreeMap<Integer, HashMap<IpAddress, String>> byPrefix = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "IP-region table " + source + " line " + (i + 1);
            int comma = line.indexOf(',');
            if (comma < 0 || line.substring(comma + 1).isBlank()) {
                throw new ConfigException(where + ": expected \"cidr,region\", got \"" + line + "\"");
            }
            CidrBlock block;
            try {
                block = CidrBlock.parse(line.substring(0, comma).strip());
            } catch (IllegalArgumentException e) {
                // CidrBlock names what is wrong with the text read from this line.
                throw new ConfigException(where + ": " + e.getMessage(), e);
            }
            String region = line.substring(comma + 1).strip();
            String previous = byPrefix.computeIfAbsent(block.bits(), b -> new HashMap<>())
                    .putIfAbsent(block.network(), region);
            if (previous != null && !previous.equals(region)) {
                throw new ConfigException(where + ": " + block + " is listed twice with different regions");
            }
            if (previous == null) {
                blocks.add(new Block(block, region));
            }
        }
        if (blocks.isEmpty()) {
            throw new ConfigException("IP-region table " + source + " has no blocks");
        }
        return new IpRegionTable(blocks, byPrefix);
    }

    /** The region of the longest prefix containing {@code address}, or {@code null} when none does. */
    public String regionOf(IpAddress address) {
        for (Map.Entry<Integer, HashMap<IpAddress, String>> entry : byPrefix.entrySet()) {
            String region = entry.getValue().get(address.masked(entry.getKey()));
            if (region != null) {
                return region;
            }
        }
        return null;
    }

    /** The blocks and their regions, in file order (each block once). */
    public List<Block> blocks() {
        return blocks;
    }
}
