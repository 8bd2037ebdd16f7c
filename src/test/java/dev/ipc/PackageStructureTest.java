// The shape of the code, read from its import lines: no circle of packages, and a composition root nothing imports.
package dev.ipc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageStructureTest {
    private static final Path SOURCES = Path.of(System.getProperty("ipc.project.dir", "."), "src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** An import of one of our types: the package is the part before the first capitalised name. */
    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?(dev\\.ipc(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);
    private static final String ROOT = "dev.ipc";

    @Test
    void no_packages_depend_on_each_other_in_a_circle() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.size() > 10, "read the sources: " + graph.keySet());
        assertEquals(List.of(), circles(graph), "packages that import each other, directly or around a circle");
    }

    @Test
    void only_the_composition_root_knows_every_command() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        List<String> importersOfRoot = new ArrayList<>();
        graph.forEach((from, to) -> {
            if (!from.equals(ROOT) && to.contains(ROOT)) {
                importersOfRoot.add(from);
            }
        });
        assertEquals(List.of(), importersOfRoot, "packages that import the composition root " + ROOT);
        // Shared support imports no feature: cli, model, render, procfs, libc, util lean on nothing above them.
        Set<String> features = Set.of("ls", "mk", "rm", "sem", "msg", "shm", "fifo", "pipe", "demo", "tune", "sysvcommon",
                "metrics", "signal", "socket", "who", "ns", "top");
        for (String support : List.of("cli", "model", "render", "procfs", "state", "libc", "util")) {
            Set<String> imported = new TreeSet<>();
            for (String target : graph.getOrDefault(ROOT + "." + support, Set.of())) {
                if (features.contains(target.substring(ROOT.length() + 1).split("\\.")[0])) {
                    imported.add(target);
                }
            }
            assertEquals(Set.of(), imported, support + " is shared support and imports no feature");
        }
    }

    /** Each package of ours, with the packages of ours that it imports. */
    static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find() || !pkg.group(1).startsWith(ROOT)) {
                    continue;
                }
                Set<String> targets = graph.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    if (!imported.group(1).equals(pkg.group(1))) {
                        targets.add(imported.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** Strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> circles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, found);
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
                found.add(component);
            }
        }
    }
}
