// ipc ns: finds the namespaces the test makes, with their processes, objects, segment memory and own limits.
package dev.ipc.ns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.procfs.IpcNamespaces;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.NamespaceHolder;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsCommandTest {
    private static NamespaceHolder queues;
    private static NamespaceHolder segments;

    @BeforeAll
    static void startNamespaces() {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Processes.onPath("ipcmk"), "needs ipcmk");
        queues = NamespaceHolder.start("ipcmk -Q\nipcmk -Q\nipcmk -Q\nipcmk -S 4\necho 77 > /proc/sys/kernel/msgmni");
        segments = NamespaceHolder.start("ipcmk -M 10000\nipcmk -M 5000\nipcmk -S 1\nipcmk -S 2");
    }

    @AfterAll
    static void stopNamespaces() {
        for (NamespaceHolder holder : new NamespaceHolder[]{queues, segments}) {
            if (holder != null) {
                holder.close();
            }
        }
    }

    @Test
    void each_test_namespace_is_found_with_its_counts_and_holder() throws IOException {
        JsonNode all = json();
        JsonNode first = namespace(all, queues);
        assertEquals(3, first.get("queues").asInt());
        assertEquals(0, first.get("segments").asInt());
        assertEquals(1, first.get("semaphore_sets").asInt());
        assertTrue(pids(first).contains(queues.pid()), first::toString);
        JsonNode second = namespace(all, segments);
        assertEquals(0, second.get("queues").asInt());
        assertEquals(2, second.get("segments").asInt());
        assertEquals(2, second.get("semaphore_sets").asInt());
        assertEquals(15000, second.get("segment_bytes").asLong());
        assertEquals(List.of(segments.pid()), pids(second));
    }

    @Test
    void a_limit_set_in_a_namespace_is_shown_against_the_host() throws IOException {
        JsonNode first = namespace(json(), queues);
        String host = Files.readString(Path.of("/proc/sys/kernel/msgmni")).trim();
        boolean found = false;
        for (JsonNode limit : first.get("limits_not_as_host")) {
            if (limit.get("sysctl").asText().equals("kernel.msgmni")) {
                assertEquals("77", limit.get("value").asText());
                found = true;
            }
        }
        assertTrue(found || host.equals("77"), first::toString);
        JsonNode second = namespace(json(), segments);
        for (JsonNode limit : second.get("limits_not_as_host")) {
            assertTrue(!limit.get("sysctl").asText().equals("kernel.msgmni"), second::toString);
        }
    }

    @Test
    void the_table_has_a_line_per_namespace() {
        CommandResult result = Ipc.run("ns");
        String line = result.out().lines().filter(l -> l.startsWith(segments.namespace() + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(result.toString()));
        assertEquals(List.of(segments.namespace(), "1", "0", "2", "2", "15000", segments.pidText(), "-", "-"),
                List.of(line.trim().split(" +")), line);
        assertTrue(result.out().startsWith("NAMESPACE "), result::toString);
    }

    @Test
    void ls_all_namespaces_shows_each_listing_under_its_heading() {
        CommandResult result = Ipc.run("ls", "-A", "-q");
        for (NamespaceHolder holder : new NamespaceHolder[]{queues, segments}) {
            String heading = "===== IPC namespace " + holder.namespace() + ": 1 process " + holder.pidText() + "\n";
            String expected = heading + holder.inside("ipcs", "-q").out();
            assertTrue(result.out().contains(expected), () -> expected + "\nnot in\n" + result);
        }
    }

    @Test
    void ls_all_namespaces_in_json_has_a_member_per_namespace() throws IOException {
        CommandResult result = Ipc.run("ls", "--all-namespaces", "-q", "--json");
        JsonNode all = new ObjectMapper().readTree(result.out());
        boolean found = false;
        for (JsonNode namespace : all.get("namespaces")) {
            if (namespace.get("namespace").asText().equals(queues.namespace())) {
                assertEquals(3, namespace.get("messages").size(), namespace::toString);
                assertEquals(queues.pid(), namespace.get("pids").get(0).asLong());
                found = true;
            }
        }
        assertTrue(found, result::toString);
    }

    @Test
    void ls_all_namespaces_raw_is_one_table_with_the_namespace_first_on_each_row() {
        CommandResult result = Ipc.run("ls", "-A", "-q", "--raw", "-o", "KEY,ID,PERMS");
        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().toList();
        assertEquals("NAMESPACE KEY ID PERMS", lines.get(0), result::toString);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("NAMESPACE ")).count(), "one heading: " + result);
        for (NamespaceHolder holder : new NamespaceHolder[]{queues, segments}) {
            String inode = inode(holder);
            List<String> expected = Ipc.run("ls", "--ns", holder.pidText(), "-q", "--raw", "--noheadings",
                    "-o", "KEY,ID,PERMS").out().lines().map(line -> inode + " " + line).toList();
            assertEquals(expected, lines.stream().filter(l -> l.startsWith(inode + " ")).toList(), result::toString);
        }
        assertEquals(3, lines.stream().filter(l -> l.startsWith(inode(queues) + " ")).count(), result::toString);
    }

    @Test
    void ls_all_namespaces_export_and_table_name_the_namespace_on_each_row() {
        CommandResult export = Ipc.run("ls", "-A", "-s", "--export");
        assertEquals(2, export.out().lines().filter(l -> l.startsWith("NAMESPACE=\"" + inode(segments) + "\" "))
                .count(), export::toString);
        assertTrue(export.out().lines().allMatch(l -> l.startsWith("NAMESPACE=\"")), export::toString);
        CommandResult table = Ipc.run("ls", "-A", "-s", "-o", "KEY,ID,NSEMS");
        // right-aligned, as lsns aligns its NS column
        assertTrue(table.out().startsWith(" NAMESPACE KEY "), table::toString);
        assertEquals(1, table.out().lines().filter(l -> l.trim().startsWith(inode(queues) + " ")).count(),
                table::toString);
    }

    @Test
    void ls_all_namespaces_json_rows_carry_their_namespace() throws IOException {
        CommandResult result = Ipc.run("ls", "-A", "-s", "--json");
        JsonNode all = new ObjectMapper().readTree(result.out());
        int rows = 0;
        for (JsonNode namespace : all.get("namespaces")) {
            for (JsonNode set : namespace.get("semaphores")) {
                assertEquals(namespace.get("namespace"), set.get("namespace"), namespace::toString);
                rows++;
            }
            if (namespace.get("namespace").asText().equals(segments.namespace())) {
                assertEquals(2, namespace.get("semaphores").size(), namespace::toString);
            }
        }
        assertTrue(rows >= 3, result::toString);
    }

    @Test
    void ls_all_namespaces_shows_one_object_block_under_the_heading_of_each_namespace_that_has_it() {
        CommandResult result = Ipc.run("ls", "-A", "-s", "-i", "1", "-o", "KEY,ID,NSEMS");
        String heading = "===== IPC namespace " + segments.namespace() + ": 1 process " + segments.pidText() + "\n";
        String expected = heading + Ipc.run("ls", "--ns", segments.pidText(), "-s", "-i", "1", "-o", "KEY,ID,NSEMS")
                .out();
        assertTrue(result.out().contains(expected), () -> expected + "\nnot in\n" + result);
        assertTrue(expected.contains("2"), expected);
    }

    @Test
    void ls_all_namespaces_says_once_where_posix_files_come_from() {
        for (String output : new String[]{"--raw", "--json"}) {
            CommandResult result = Ipc.run("ls", "-A", "-M", "-S", output);
            assertEquals(1, result.err().lines().filter(l -> l.contains("follow the mount namespace")).count(),
                    result::toString);
        }
    }

    @Test
    void ls_all_namespaces_refuses_a_bad_column_once() {
        CommandResult result = Ipc.run("ls", "-A", "-o", "NOSUCH");
        assertEquals(1, result.err().lines().count(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void a_namespace_whose_process_ended_since_the_scan_has_vanished() throws Exception {
        Process ended = new ProcessBuilder("unshare", "--ipc", "true").start();
        assertEquals(0, ended.waitFor());
        long inode = Long.parseLong(inode(queues));
        Path proc = Path.of("/proc");
        assertTrue(new IpcNamespaces.Namespace(inode, List.of((int) ended.pid()), null, List.of()).vanished(proc));
        assertFalse(new IpcNamespaces.Namespace(inode, List.of((int) queues.pid()), null, List.of()).vanished(proc));
        // a live process in another namespace than the one scanned: its pid no longer names that namespace
        assertTrue(new IpcNamespaces.Namespace(inode, List.of((int) segments.pid()), null, List.of()).vanished(proc));
    }

    private static String inode(NamespaceHolder holder) {
        return holder.namespace().replaceAll("\\D", "");
    }

    @Test
    void ns_takes_no_namespace_of_its_own() {
        CommandResult result = Ipc.run("ns", "--ns", queues.pidText());
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
    }

    private static JsonNode json() throws IOException {
        CommandResult result = Ipc.run("ns", "--json");
        assertTrue(result.exitCode() == 0 || result.err().contains("ipc:["), result::toString);
        return new ObjectMapper().readTree(result.out());
    }

    private static JsonNode namespace(JsonNode all, NamespaceHolder holder) {
        for (JsonNode namespace : all.get("namespaces")) {
            if (namespace.get("namespace").asText().equals(holder.namespace())) {
                assertTrue(namespace.get("error").isNull(), namespace::toString);
                return namespace;
            }
        }
        throw new AssertionError("no " + holder.namespace() + " in " + all);
    }

    private static List<Long> pids(JsonNode namespace) {
        List<Long> pids = new ArrayList<>();
        namespace.get("pids").forEach(pid -> pids.add(pid.asLong()));
        assertNotNull(namespace.get("workload"));
        return pids;
    }
}
