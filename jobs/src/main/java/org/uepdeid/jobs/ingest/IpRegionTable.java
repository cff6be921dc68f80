package org.uepdeid.jobs.ingest;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;

/**
 * The IP-to-region table ({@code cidr,region} CSV, IPv4 and IPv6): the region of an address is that of its longest
 * matching prefix.
 *
 * <p>One hash map per prefix length present, probed from the longest: at most 129 probes per address whatever the
 * table's size, where a scan of a national allocation list (thousands of rows) per event would not scale.
 */
final class IpRegionTable implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String HEADER = "cidr,region";

    /** Prefix length (of 128) → network → region, longest prefix first. */
    private final TreeMap<Integer, HashMap<IpAddress, String>> byPrefix;

    private IpRegionTable(TreeMap<Integer, HashMap<IpAddress, String>> byPrefix) {
        this.byPrefix = byPrefix;
    }

    /** Reads the table the config names; a missing or malformed table is a config error naming file and line. */
    static IpRegionTable load(URI location, Configuration hadoop) {
        Path path = new Path(location);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                path.getFileSystem(hadoop).open(path), StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList(), path.toString());
        } catch (FileNotFoundException e) {
            throw new ConfigException(PipelineConfig.IP_REGIONS + ": " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigException(PipelineConfig.IP_REGIONS + ": " + path + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Parses the CSV lines; blank lines and {@code #} comments are skipped. */
    static IpRegionTable parse(List<String> lines, String source) {
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new ConfigException(PipelineConfig.IP_REGIONS + ": " + source + " must start with the header \""
                    + HEADER + "\"");
        }
        TreeMap<Integer, HashMap<IpAddress, String>> byPrefix = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = PipelineConfig.IP_REGIONS + ": " + source + " line " + (i + 1);
            int comma = line.indexOf(',');
            if (comma < 0 || line.substring(comma + 1).isBlank()) {
                throw new ConfigException(where + ": expected \"cidr,region\", got \"" + line + "\"");
            }
            String cidr = line.substring(0, comma).strip();
            String region = line.substring(comma + 1).strip();
            int slash = cidr.indexOf('/');
            IpAddress network = slash < 0 ? null : IpAddress.parse(cidr.substring(0, slash));
            Integer familyBits = slash < 0 ? null : prefixLength(cidr.substring(slash + 1));
            int familyWidth = network != null && network.ipv4() ? 32 : 128;
            if (network == null || familyBits == null || familyBits > familyWidth) {
                throw new ConfigException(where + ": \"" + cidr + "\" is not an IPv4 or IPv6 CIDR");
            }
            int bits = network.ipv4() ? IpAddress.IPV4_MAPPED_OFFSET + familyBits : familyBits;
            if (!network.masked(bits).equals(network)) {
                throw new ConfigException(where + ": \"" + cidr + "\" has bits set after the prefix; did you mean "
                        + network.networkText(familyBits) + "?");
            }
            String previous = byPrefix.computeIfAbsent(bits, b -> new HashMap<>()).putIfAbsent(network, region);
            if (previous != null && !previous.equals(region)) {
                throw new ConfigException(where + ": \"" + cidr + "\" is listed twice with different regions");
            }
        }
        return new IpRegionTable(byPrefix);
    }

    /** The region of the longest prefix containing {@code address}, or {@code null} when none does. */
    String regionOf(IpAddress address) {
        for (Map.Entry<Integer, HashMap<IpAddress, String>> entry : byPrefix.entrySet()) {
            String region = entry.getValue().get(address.masked(entry.getKey()));
            if (region != null) {
                return region;
            }
        }
        return null;
    }

    private static Integer prefixLength(String text) {
        if (!text.matches("[0-9]{1,3}")) {
            return null;
        }
        return Integer.valueOf(text);
    }
}
