package org.uepdeid.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.Anonymizer;
import org.uepdeid.jobs.cli.UepDeid;
import org.uepdeid.reports.HtmlReport;

/**
 * No two packages of the production code depend on each other, directly or through others: each package can then be
 * read, tested and changed from the bottom up. Read from the compiled classes, so that a fully qualified name in the
 * middle of the code counts as much as an import.
 */
class PackageCyclesTest {

    /** A class name as the class file's constant pool spells it, in its own entry or inside a type descriptor. */
    private static final Pattern CLASS_NAME = Pattern.compile("org/uepdeid/(?:[a-z0-9_]+/)+[A-Za-z0-9_$]+");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (Class<?> module : List.of(Anonymizer.class, HtmlReport.class, UepDeid.class)) {
            readModule(module, graph);
        }

        assertThat(graph).as("the scan found the modules' packages").containsKeys("org.uepdeid.anonymizer.search",
                "org.uepdeid.reports", "org.uepdeid.jobs.cli");
        assertThat(graph.get("org.uepdeid.jobs.anonymize")).as("the scan reads class references")
                .containsKey("org.uepdeid.anonymizer.policy");
        assertThat(describe(cycles(graph), graph)).isEmpty();
    }

    @Test
    void aCycleThroughAThirdPackageIsFound() {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        graph.put("a", Map.of("b", "A -> B"));
        graph.put("b", Map.of("c", "B -> C"));
        graph.put("c", Map.of("a", "C -> A"));
        graph.put("d", Map.of("a", "D -> A"));

        assertThat(describe(cycles(graph), graph)).containsExactly("a -> b (A -> B), b -> c (B -> C), c -> a (C -> A)");
    }

    /** Adds the module's package dependencies: package → package it uses → one class pair that shows it. */
    private static void readModule(Class<?> member, Map<String, Map<String, String>> graph) {
        Path location;
        try {
            location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        addClass(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file),
                                graph);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            addClass(entry.getName(), in.readAllBytes(), graph);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addClass(String path, byte[] bytes, Map<String, Map<String, String>> graph) {
        if (!path.startsWith("org/uepdeid/") || path.endsWith("module-info.class")) {
            return;
        }
        String name = path.substring(0, path.length() - ".class".length());
        String from = packageOf(name);
        Map<String, String> uses = graph.computeIfAbsent(from, p -> new TreeMap<>());
        // Class names are ASCII, so reading the bytes as Latin-1 keeps them intact in the constant pool's UTF-8.
        Matcher m = CLASS_NAME.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String to = packageOf(m.group());
            if (!to.equals(from)) {
                uses.putIfAbsent(to, simple(name) + " -> " + simple(m.group()));
            }
        }
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** The strongly connected components of more than one package (Tarjan), each in sorted order. */
    private static List<List<String>> cycles(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> components = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, components);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<List<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                components.add(List.copyOf(component));
            }
        }
    }

    /** Each cycle as its edges inside the component, with the classes behind each edge. */
    private static List<String> describe(List<List<String>> cycles, Map<String, Map<String, String>> graph) {
        List<String> described = new ArrayList<>();
        for (List<String> cycle : cycles) {
            List<String> edges = new ArrayList<>();
            for (String from : cycle) {
                graph.getOrDefault(from, Map.of()).forEach((to, classes) -> {
                    if (cycle.contains(to)) {
                        edges.add(from + " -> " + to + " (" + classes + ")");
                    }
                });
            }
            described.add(String.join(", ", edges));
        }
        return described;
    }
}
