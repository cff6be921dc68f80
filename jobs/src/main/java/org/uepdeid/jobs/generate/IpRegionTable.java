package org.uepdeid.jobs.generate;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.uepdeid.jobs.config.ConfigException;

/**
 * The IP-prefix to region table ({@code cidr,region} CSV, as in {@code jobs-config/ip-regions.csv}) that
 * devices' addresses are drawn from; ingest reads the same file to reduce addresses to regions.
 */
final class IpRegionTable implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "cidr,region";

    private final List<CidrBlock> blocks;

    private IpRegionTable(List<CidrBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Reads and validates the table.
     *
     * @throws ConfigException naming the file, line and value when the table cannot be used
     */
    static IpRegionTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("IP-region table " + file.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IP-region table " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new ConfigException("IP-region table " + file + " line 1: header must be '" + HEADER + "'");
        }
        List<CidrBlock> blocks = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "IP-region table " + file + " line " + (i + 1) + ": ";
            String[] fields = line.split(",", -1);
            if (fields.length != 2) {
                throw new ConfigException(
                        where + "expected 2 fields (" + HEADER + "), found " + fields.length);
            }
            CidrBlock block;
            try {
                block = CidrBlock.parse(fields[0].strip(), fields[1].strip());
            } catch (IllegalArgumentException e) {
                // CidrBlock.parse names what is wrong with the text read from this line.
                throw new ConfigException(where + e.getMessage(), e);
            }
            for (CidrBlock earlier : blocks) {
                if (earlier.overlaps(block)) {
                    throw new ConfigException(where + block.cidr() + " overlaps " + earlier.cidr());
                }
            }
            blocks.add(block);
        }
        if (blocks.isEmpty()) {
            throw new ConfigException("IP-region table " + file + " has no blocks");
        }
        return new IpRegionTable(blocks);
    }

    List<CidrBlock> blocks() {
        return blocks;
    }

    CidrBlock block(int index) {
        return blocks.get(index);
    }

    int size() {
        return blocks.size();
    }
}
