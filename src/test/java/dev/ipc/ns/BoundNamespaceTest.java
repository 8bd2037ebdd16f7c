// A namespace no process is in, kept alive by a bind mount of its file (unshare --ipc=FILE), on a private tmpfs:
// ipc ns, ls -A and metrics --all-namespaces find it and say that the mount holds it.
package dev.ipc.ns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundNamespaceTest {
    private static Path directory;
    private static Path file;
    private static String id;

    @BeforeAll
    static void bindANamespace() throws IOException {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Processes.onPath("ipcmk") && Processes.onPath("nsenter"), "needs ipcmk and nsenter");
        directory = Files.createTempDirectory("ipc-bound-ns");
        // the test JVM's mount namespace is private: this tmpfs and the bind mount on it are seen by nobody else
        run("mount", "-t", "tmpfs", "-o", "size=1m", "ipc-test-bound-ns", directory.toString());
        file = Files.createFile(directory.resolve("ipc ns")); // a space, escaped in mountinfo
        run("unshare", "--ipc=" + file, "sh", "-c", "ipcmk -Q >/dev/null && ipcmk -Q >/dev/null"
                + " && ipcmk -M 4096 >/dev/null && ipcmk -S 2 >/dev/null");
        id = "ipc:[" + Files.getAttribute(file, "unix:ino") + "]";
    }

    @AfterAll
    static void unmount() throws IOException {
        if (file != null) {
            Processes.run(List.of("umount", file.toString()));
        }
        if (directory != null) {
            Processes.run(List.of("umount", directory.toString()));
            Files.deleteIfExists(directory);
        }
    }

    private static void run(String... command) {
        CommandResult result = Processes.run(List.of(command));
        assertEquals(0, result.exitCode(), result::toString);
    }

    @Test
    void ipc_ns_finds_it_with_its_objects_and_the_mount_that_holds_it() throws IOException {
        CommandResult result = Ipc.run("ns", "--json");
        JsonNode found = null;
        for (JsonNode namespace : new ObjectMapper().readTree(result.out()).get("namespaces")) {
            if (namespace.get("namespace").asText().equals(id)) {
                found = namespace;
            }
        }
        assertTrue(found != null, () -> id + " not in " + result);
        assertEquals(0, found.get("pids").size(), found::toString);
        assertEquals(file.toString(), found.get("mounts").get(0).asText(), found::toString);
        assertEquals(2, found.get("queues").asInt(), found::toString);
        assertEquals(1, found.get("segments").asInt(), found::toString);
        assertEquals(1, found.get("semaphore_sets").asInt(), found::toString);
        assertTrue(found.get("error").isNull(), found::toString);
    }

    @Test
    void the_ns_table_shows_no_process_and_the_mount() {
        CommandResult result = Ipc.run("ns");
        String line = result.out().lines().filter(l -> l.startsWith(id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(result.toString()));
        assertTrue(line.matches("\\Q" + id + "\\E +0 +2 +1 +1 +4096 +- +bind mount \\Q" + file + "\\E +- *"), line);
    }

    @Test
    void ls_all_namespaces_lists_it_under_a_heading_that_names_the_mount() {
        CommandResult result = Ipc.run("ls", "-A", "-q");
        String expected = "===== IPC namespace " + id + ": no process, held by bind mount " + file + "\n"
                + Processes.run(List.of("nsenter", "--ipc=" + file, "ipcs", "-q")).out();
        assertTrue(result.out().contains(expected), () -> expected + "\nnot in\n" + result);
    }

    @Test
    void metrics_all_namespaces_label_its_objects() {
        CommandResult result = Ipc.run("metrics", "--all-namespaces");
        String label = "{namespace=\"" + id + "\"";
        assertTrue(result.out().contains("ipc_objects" + label + ",kind=\"queue\"} 2\n"), result::toString);
        assertTrue(result.out().contains("ipc_objects" + label + ",kind=\"segment\"} 1\n"), result::toString);
    }

    @Test
    void ls_ns_names_it_by_its_file() {
        assertEquals(Processes.run(List.of("nsenter", "--ipc=" + file, "ipcs")).out(),
                Ipc.run("ls", "--ns", file.toString()).out());
    }
}
