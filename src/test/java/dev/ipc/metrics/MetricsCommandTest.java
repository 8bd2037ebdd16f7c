// ipc metrics on real objects: the exposition is valid (promtool, a strict parser) and its numbers are ipcs's and /proc's.
package dev.ipc.metrics;

import dev.ipc.metrics.ExpositionParser.Family;
import dev.ipc.procfs.ProcFile;
import dev.ipc.support.Await;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Kernel;
import dev.ipc.support.NamespaceHolder;
import dev.ipc.support.Processes;
import dev.ipc.support.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MetricsCommandTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("metrics");

    private static Map<String, Family> metrics(String... options) {
        String[] args = Stream.concat(Stream.of("metrics"), Stream.of(options)).toArray(String[]::new);
        CommandResult result = Ipc.run(args);
        assertEquals(0, result.exitCode(), result::toString);
        return ExpositionParser.parse(result.out());
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    /** A row of ipcs's table for this id: its columns split on blanks. */
    private static String[] ipcsRow(String option, int id) {
        CommandResult ipcs = Processes.run(List.of("ipcs", option));
        for (String line : ipcs.out().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 1 && fields[1].equals(Integer.toString(id))) {
                return fields;
            }
        }
        throw new AssertionError("id " + id + " not in ipcs " + option + ":\n" + ipcs.out());
    }

    private static String ipcsFigure(List<String> command, String pattern) {
        String out = Processes.run(command).out();
        Matcher m = Pattern.compile(pattern).matcher(out);
        assertTrue(m.find(), () -> pattern + " not in " + command + ":\n" + out);
        return m.group(1);
    }

    @Test
    void exposition_passes_promtool_without_a_warning(@TempDir Path dir) throws IOException {
        assumeTrue(Processes.onPath("promtool"), "promtool is not installed (Debian package prometheus)");
        int queue = Kernel.createQueue(0x3001, 0600);
        Kernel.send(queue, 1, "hello");
        Kernel.createSegment(0x3002, 4096, 0600);
        Kernel.createSemaphores(0x3003, 2, 0600);
        CommandResult result = Ipc.run("metrics");
        assertEquals(0, result.exitCode(), result::toString);
        Path file = dir.resolve("metrics.prom");
        Files.writeString(file, result.out());
        CommandResult check = Processes.run(List.of("sh", "-c", "promtool check metrics < \"$0\"", file.toString()));
        assertEquals(0, check.exitCode(), check::toString);
        assertEquals("", check.out() + check.err(), "promtool's warnings");
    }

    @Test
    void every_family_has_help_and_type_and_the_objects_of_each_kind_are_counted() {
        Kernel.createQueue(0x3101, 0600);
        Kernel.createQueue(0x3102, 0600);
        Kernel.createSegment(0x3103, 100, 0600);
        String posixName = objects.posixName();
        assertEquals(0, Ipc.run("mk", "-m", "1K", "-n", posixName).exitCode());
        Map<String, Family> families = metrics();
        for (String name : List.of("ipc_objects", "ipc_objects_omitted", "ipc_limit", "ipc_limit_used", "ipc_orphans",
                "ipc_queue_messages", "ipc_queue_bytes", "ipc_queue_capacity_bytes", "ipc_segment_size_bytes",
                "ipc_segment_attachments", "ipc_segment_rss_bytes", "ipc_semaphore_set_size",
                "ipc_semaphore_waiters")) {
            assertNotNull(families.get(name), name);
            assertEquals("gauge", families.get(name).type(), name);
        }
        Family objectsFamily = families.get("ipc_objects");
        assertEquals(big(2), objectsFamily.value("kind", "queue"));
        assertEquals(big(1), objectsFamily.value("kind", "segment"));
        assertEquals(big(0), objectsFamily.value("kind", "semaphore_set"));
        assertEquals(big(1), objectsFamily.value("kind", "posix_shm"));
        assertEquals(big(0), objectsFamily.value("kind", "posix_semaphore"));
    }

    @Test
    void queue_figures_are_those_ipcs_shows() {
        int queue = Kernel.createQueue(0x3201, 0640);
        Kernel.send(queue, 1, "hello");
        Kernel.send(queue, 2, "0123456789");
        Map<String, Family> families = metrics();
        String[] labels = {"id", Integer.toString(queue), "key", "0x00003201", "owner", "root"};
        String[] row = ipcsRow("-q", queue); // key msqid owner perms used-bytes messages
        assertEquals("root", row[2]);
        assertEquals(new BigInteger(row[4]), families.get("ipc_queue_bytes").value(labels));
        assertEquals(new BigInteger(row[5]), families.get("ipc_queue_messages").value(labels));
        String qbytes = ipcsFigure(List.of("ipcs", "-q", "-i", Integer.toString(queue)), "qbytes=(\\d+)");
        assertEquals(new BigInteger(qbytes), families.get("ipc_queue_capacity_bytes").value(labels));
    }

    @Test
    void segment_figures_are_those_of_ipcs_and_proc() throws IOException {
        int segment = Kernel.createSegment(0x3301, 12345678901L, 0600);
        long attachment = Kernel.attach(segment);
        try {
            Map<String, Family> families = metrics();
            String[] labels = {"id", Integer.toString(segment), "key", "0x00003301", "owner", "root"};
            String[] row = ipcsRow("-m", segment); // key shmid owner perms bytes nattch status
            assertEquals(new BigInteger(row[4]), families.get("ipc_segment_size_bytes").value(labels));
            assertEquals(new BigInteger(row[5]), families.get("ipc_segment_attachments").value(labels));
            assertEquals(big(1), families.get("ipc_segment_attachments").value(labels));
            // key shmid perms size cpid lpid nattch uid gid cuid cgid atime dtime ctime rss swap
            String rss = null;
            for (String line : ProcFile.readText(Path.of("/proc/sysvipc/shm")).split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields[1].equals(Integer.toString(segment))) {
                    rss = fields[14];
                }
            }
            assertEquals(new BigInteger(rss), families.get("ipc_segment_rss_bytes").value(labels));
            assertEquals(big(0), families.get("ipc_orphans").value("kind", "segment"), "attached: in use");
        } finally {
            Kernel.detach(attachment);
        }
        // made by a process that has exited, attached by none
        assertEquals(0, Processes.run(List.of("ipcmk", "-M", "4096")).exitCode());
        assertEquals(big(1), metrics().get("ipc_orphans").value("kind", "segment"), "ipcmk's segment");
    }

    @Test
    void semaphore_waiters_are_the_processes_blocked_in_semop() {
        int set = Kernel.createSemaphores(0x3401, 3, 0600);
        IpcProcess taker = IpcProcess.start("sem", "op", "--id", Integer.toString(set), "0:-1");
        IpcProcess zero = IpcProcess.start("sem", "op", "--id", Integer.toString(set), "2:0");
        try {
            Kernel.setValue(set, 2, 1);
            String[] labels = {"id", Integer.toString(set), "key", "0x00003401", "owner", "root"};
            Await.until(() -> big(2).equals(metrics().get("ipc_semaphore_waiters").value(labels)),
                    "two waiters: one for an increase, one for zero");
            Map<String, Family> families = metrics();
            String[] row = ipcsRow("-s", set); // key semid owner perms nsems
            assertEquals(new BigInteger(row[4]), families.get("ipc_semaphore_set_size").value(labels));
            assertEquals(big(0), families.get("ipc_orphans").value("kind", "semaphore_set"), "waited on");
        } finally {
            taker.kill();
            zero.kill();
        }
    }

    @Test
    void limits_are_exact_to_the_last_digit_and_their_use_is_ipcs_u() throws IOException {
        Kernel.createQueue(0x3501, 0600);
        Kernel.createSegment(0x3502, 3 * 4096 + 1, 0600);
        Kernel.createSemaphores(0x3503, 5, 0600);
        Kernel.createSemaphores(0x3504, 2, 0600);
        Map<String, Family> families = metrics();
        Family limit = families.get("ipc_limit");
        Path kernel = Path.of("/proc/sys/kernel");
        for (String name : List.of("shmmax", "shmall", "shmmni", "msgmni", "msgmax", "msgmnb")) {
            assertEquals(ProcFile.readText(kernel.resolve(name)).trim(),
                    limit.value("resource", name.toUpperCase()).toString(), name);
        }
        String[] sem = ProcFile.readText(kernel.resolve("sem")).trim().split("\\s+");
        assertEquals(sem[0], limit.value("resource", "SEMMSL").toString());
        assertEquals(sem[1], limit.value("resource", "SEMMNS").toString());
        assertEquals(sem[2], limit.value("resource", "SEMOPM").toString());
        assertEquals(sem[3], limit.value("resource", "SEMMNI").toString());
        assertEquals(ProcFile.readText(Path.of("/proc/sys/fs/mqueue/queues_max")).trim(),
                limit.value("resource", "MQUMNI").toString());
        Family used = families.get("ipc_limit_used");
        List<String> u = List.of("ipcs", "-u");
        assertEquals(ipcsFigure(u, "allocated queues = (\\d+)"), used.value("resource", "MSGMNI").toString());
        assertEquals(ipcsFigure(u, "segments allocated (\\d+)"), used.value("resource", "SHMMNI").toString());
        assertEquals(ipcsFigure(u, "pages allocated (\\d+)"), used.value("resource", "SHMALL").toString());
        assertEquals(ipcsFigure(u, "used arrays = (\\d+)"), used.value("resource", "SEMMNI").toString());
        assertEquals(ipcsFigure(u, "allocated semaphores = (\\d+)"), used.value("resource", "SEMMNS").toString());
        assertNull(used.value("resource", "SHMMAX"), "no use is counted of a per-segment limit");
    }

    @Test
    void max_objects_caps_the_series_and_counts_the_rest() {
        for (int i = 0; i < 5; i++) {
            Kernel.createQueue(0x3600 + i, 0600);
        }
        Kernel.createSegment(0x3610, 100, 0600);
        Map<String, Family> families = metrics("--max-objects", "2");
        assertEquals(2, families.get("ipc_queue_messages").samples().size());
        assertEquals(2, families.get("ipc_queue_capacity_bytes").samples().size());
        assertEquals(1, families.get("ipc_segment_size_bytes").samples().size());
        assertEquals(big(3), families.get("ipc_objects_omitted").value("kind", "queue"));
        assertEquals(big(0), families.get("ipc_objects_omitted").value("kind", "segment"));
        assertEquals(big(5), families.get("ipc_objects").value("kind", "queue"));
        String orphans = Ipc.run("ls", "--orphans", "--noheadings", "-q").out();
        assertEquals(big(orphans.lines().count()), families.get("ipc_orphans").value("kind", "queue"),
                "orphans count every object");
    }

    @Test
    void orphans_are_counted_as_ls_orphans_lists_them() {
        Kernel.createQueue(0x3701, 0600);
        Kernel.createQueue(0x3702, 0600);
        Kernel.createSemaphores(0x3703, 1, 0600);
        Map<String, Family> families = metrics();
        String listed = Ipc.run("ls", "--orphans", "--noheadings", "-q").out();
        assertEquals(big(listed.lines().count()), families.get("ipc_orphans").value("kind", "queue"));
        assertEquals(big(1), families.get("ipc_orphans").value("kind", "semaphore_set"));
    }

    @Test
    void textfile_replaces_ipc_prom_whole_and_readable_by_all(@TempDir Path dir) throws IOException {
        Kernel.createQueue(0x3801, 0600);
        Files.writeString(dir.resolve("ipc.prom"), "old\n");
        CommandResult result = Ipc.run("metrics", "--textfile", dir.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.out());
        Path file = dir.resolve("ipc.prom");
        assertEquals(big(1), ExpositionParser.parse(Files.readString(file)).get("ipc_objects").value("kind", "queue"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void without_an_mqueue_mount_the_rest_is_still_exported_and_one_line_says_why() {
        Kernel.createQueue(0x3901, 0600);
        String mount = System.getProperty("ipc.dev.mqueue");
        System.setProperty("ipc.dev.mqueue", "/no-mqueue-mount-here");
        try {
            CommandResult result = Ipc.run("metrics");
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals("ipc: /no-mqueue-mount-here does not seem to be mounted. Use 'mount -t mqueue none "
                    + "/no-mqueue-mount-here' to mount it.\n", result.err().lines()
                    .filter(line -> line.contains("mqueue")).findFirst().orElse("") + "\n");
            Map<String, Family> families = ExpositionParser.parse(result.out());
            assertEquals(big(1), families.get("ipc_objects").value("kind", "queue"));
            assertNull(families.get("ipc_limit_used").value("resource", "MQUMNI"), "unknown, not 0");
            assertNull(families.get("ipc_objects").value("kind", "posix_queue"), "unknown, not 0");
        } finally {
            System.setProperty("ipc.dev.mqueue", mount);
        }
    }

    @Test
    void under_ns_every_sample_names_the_namespace() throws IOException {
        int queue = Kernel.createQueue(0x3a01, 0600);
        String own = Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        Map<String, Family> families = metrics("--ns", Long.toString(ProcessHandle.current().pid()));
        assertEquals(big(1), families.get("ipc_objects").value("namespace", own, "kind", "queue"));
        assertEquals(big(0), families.get("ipc_queue_messages").value("namespace", own,
                "id", Integer.toString(queue), "key", "0x00003a01", "owner", "root"));
        for (Family family : families.values()) {
            family.samples().forEach(sample -> assertEquals(own, sample.labels().get("namespace"), sample::toString));
        }
    }

    @Test
    void all_namespaces_are_one_exposition_with_each_family_once() throws IOException {
        Kernel.createQueue(0x3b01, 0600);
        Kernel.createQueue(0x3b02, 0600);
        String own = Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        try (NamespaceHolder other = NamespaceHolder.start("ipcmk -Q\nipcmk -Q\nipcmk -Q\nipcmk -S 2")) {
            Map<String, Family> families = metrics("--all-namespaces"); // the strict parser refuses a family twice
            Family objectsFamily = families.get("ipc_objects");
            assertEquals(big(2), objectsFamily.value("namespace", own, "kind", "queue"));
            assertEquals(big(3), objectsFamily.value("namespace", other.namespace(), "kind", "queue"));
            assertEquals(big(1), objectsFamily.value("namespace", other.namespace(), "kind", "semaphore_set"));
            assertEquals(big(2), families.get("ipc_limit_used").value("namespace", other.namespace(),
                    "resource", "SEMMNS"));
            for (Family family : families.values()) {
                family.samples().forEach(sample -> assertTrue(sample.labels().containsKey("namespace"),
                        sample::toString));
            }
        }
    }

    @Test
    void all_namespaces_and_ns_exclude_each_other() {
        CommandResult result = Ipc.run("metrics", "--all-namespaces", "--ns",
                Long.toString(ProcessHandle.current().pid()));
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("ipc: --all-namespaces and --ns exclude each other"), result::toString);
    }

    @Test
    void a_missing_textfile_directory_is_one_line_and_exit_1(@TempDir Path dir) {
        CommandResult result = Ipc.run("metrics", "--textfile", dir.resolve("absent").toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals("ipc: --textfile " + dir.resolve("absent") + ": No such directory\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void a_negative_max_objects_is_a_usage_error() {
        CommandResult result = Ipc.run("metrics", "--max-objects", "-1");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("ipc: --max-objects must be 0 or more: '-1'"), result::toString);
        assertEquals("", result.out());
    }
}
