// ipc mk beyond ipcmk: chosen and derived keys, reuse and --exclusive, POSIX objects, JSON, all or nothing.
package dev.ipc.mk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.procfs.ProcFile;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.TestObjects;
import dev.ipc.support.Kernel;
import dev.ipc.libc.Native;
import dev.ipc.libc.PosixIpc;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MkCommandTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("mk");

    private String name() {
        return objects.posixName();
    }

    private static Path devShm() {
        return Path.of(System.getProperty("ipc.dev.shm", "/dev/shm"));
    }

    // ---- keys ----

    @ParameterizedTest(name = "--key {0}")
    @ValueSource(strings = {"0x1234", "4660", "011064", "0X1234"})
    void creates_each_kind_with_the_given_key(String key) {
        CommandResult result = Ipc.run("mk", "-Q", "-M", "64", "-S", "2", "--key", key);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err());
        SharedMemorySegment segment = SystemVCalls.sharedMemorySegments().get(0);
        MessageQueue queue = SystemVCalls.messageQueues().get(0);
        SemaphoreSet set = SystemVCalls.semaphoreSets().get(0);
        assertEquals(List.of(0x1234, 0x1234, 0x1234), List.of(segment.key(), queue.key(), set.key()));
        assertEquals("Shared memory id: " + segment.id() + "\nMessage queue id: " + queue.id() + "\nSemaphore id: "
                + set.id() + "\n", result.out());
    }

    /** key_t is 32 bits: keys written as /proc/sysvipc prints them (negative decimal) are keys too. */
    @ParameterizedTest(name = "--key {0} is {1}")
    @CsvSource(delimiter = '|', value = {"0xffffffff|-1", "4294967295|-1", "-1|-1", "-2147483648|-2147483648",
            "0x80000000|-2147483648"})
    void keys_take_all_32_bits_signed_or_unsigned(String text, int key) {
        CommandResult result = Ipc.run("mk", "-Q", "--key", text);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(key), SystemVCalls.messageQueues().stream().map(MessageQueue::key).toList());
    }

    /** Wider keys were cut to their low 32 bits: 0x100000000 made a private object, 4294967297 used key 1. */
    @ParameterizedTest(name = "--key {0}")
    @ValueSource(strings = {"0x100000000", "4294967297", "-2147483649", "-0x80000001", "0x1ffffffff"})
    void keys_wider_than_32_bits_are_refused_and_nothing_is_made(String text) {
        int existing = Kernel.createQueue(1, 0600);
        CommandResult result = Ipc.run("mk", "-Q", "-S", "1", "--key", text);
        assertEquals(new CommandResult(1, "", "ipc: failed to parse key: '" + text + "': a key is 32 bits (0 to "
                + "0xffffffff, or -2147483648 to -1)\n"), result);
        assertEquals(List.of(existing), SystemVCalls.messageQueues().stream().map(MessageQueue::id).toList());
        assertEquals(List.of(), SystemVCalls.semaphoreSets());
    }

    @Test
    void key_0_makes_a_new_private_object_each_time() {
        assertEquals(0, Ipc.run("mk", "-Q", "--key", "0").exitCode());
        assertEquals(0, Ipc.run("mk", "-Q", "--key", "0", "--exclusive").exitCode());
        List<MessageQueue> queues = SystemVCalls.messageQueues();
        assertEquals(2, queues.size());
        assertEquals(List.of(0, 0), queues.stream().map(MessageQueue::key).toList());
    }

    @Test
    void random_keys_are_distinct_and_never_private() {
        for (int i = 0; i < 20; i++) {
            assertEquals(0, Ipc.run("mk", "-Q").exitCode());
        }
        List<Integer> keys = SystemVCalls.messageQueues().stream().map(MessageQueue::key).toList();
        assertEquals(20, keys.stream().distinct().count());
        assertFalse(keys.contains(0));
    }

    @Test
    void an_existing_key_is_reused_and_said_so_on_stderr() {
        int queue = Kernel.createQueue(0x4242, 0600);
        CommandResult result = Ipc.run("mk", "-Q", "--key", "0x4242", "-p", "600");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("Message queue id: " + queue + "\n", result.out());
        assertEquals("ipc: message queue with key 0x00004242 exists already: using it (id " + queue + ")\n",
                result.err());
        assertEquals(1, SystemVCalls.messageQueues().size());
    }

    @Test
    void exclusive_refuses_an_existing_key_and_changes_nothing() {
        Kernel.createSegment(0x4242, 4096, 0644);
        CommandResult result = Ipc.run("mk", "-Q", "-M", "4096", "--key", "0x4242", "--exclusive");
        assertEquals(1, result.exitCode());
        assertEquals("ipc: create share memory failed: key 0x00004242: File exists (--exclusive)\n", result.err());
        assertEquals("", result.out());
        assertEquals(List.of(), SystemVCalls.messageQueues(), "the queue comes after the segment: never made");
        assertEquals(1, SystemVCalls.sharedMemorySegments().size());
    }

    @Test
    void a_larger_segment_than_the_existing_one_is_a_clear_error() {
        Kernel.createSegment(0x4242, 4096, 0644);
        CommandResult result = Ipc.run("mk", "-M", "1M", "--key", "0x4242");
        assertEquals(1, result.exitCode());
        assertEquals("ipc: create share memory failed: key 0x00004242: Invalid argument (the existing segment is "
                + "smaller)\n", result.err());
    }

    @Test
    void a_failure_never_removes_an_object_that_existed_before() {
        int queue = Kernel.createQueue(0x4242, 0644);
        CommandResult result = Ipc.run("mk", "-M", "10", "-Q", "-S", "0", "--key", "0x4242");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().endsWith("ipc: create semaphore failed: key 0x00004242: Invalid argument\n"),
                result::toString);
        assertEquals(List.of(queue), SystemVCalls.messageQueues().stream().map(MessageQueue::id).toList());
        assertEquals(List.of(), SystemVCalls.sharedMemorySegments(), "the segment this run made is removed again");
    }

    @ParameterizedTest(name = "--key-from FILE{0}")
    @ValueSource(strings = {"", ":1", ":7", ":a", ":0x41", ":255"})
    void key_from_a_file_is_the_key_ftok_gives(String project, @TempDir Path directory) throws Exception {
        Path file = Files.createFile(directory.resolve("anchor"));
        int id = project.isEmpty() ? 1 : project.equals(":a") ? 'a' : Integer.decode(project.substring(1));
        int expected = Native.libc().ftok(file.toString(), id);
        CommandResult result = Ipc.run("mk", "-Q", "--key-from", file + project);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(expected, SystemVCalls.messageQueues().get(0).key());
    }

    @Test
    void key_from_names_what_is_wrong() {
        assertEquals("ipc: cannot derive a key from '/no/such/file': No such file or directory\n",
                Ipc.run("mk", "-Q", "--key-from", "/no/such/file").err());
        assertEquals("ipc: failed to parse project id: '0' in '/etc/hostname:0' (expected 1 to 255, or one "
                + "character)\n", Ipc.run("mk", "-Q", "--key-from", "/etc/hostname:0").err());
        assertEquals("ipc: failed to parse project id: '256' in '/etc/hostname:256' (expected 1 to 255, or one "
                + "character)\n", Ipc.run("mk", "-Q", "--key-from", "/etc/hostname:256").err());
        assertEquals("ipc: --key and --key-from exclude each other (see 'ipc mk --help')\n",
                Ipc.run("mk", "-Q", "--key", "1", "--key-from", "/etc/hostname").err());
        assertEquals("ipc: --key applies only to System V objects (-M, -Q, -S) (see 'ipc mk --help')\n",
                Ipc.run("mk", "--posix-mqueue", "--name", "x", "--key", "1").err());
        assertEquals("ipc: failed to parse key: 'zz'\n", Ipc.run("mk", "-Q", "--key", "zz").err());
        assertEquals(List.of(), IpcmkCompatibilityTest.objects());
    }

    // ---- POSIX ----

    @Test
    void posix_shared_memory_gets_its_size_and_exactly_the_mode_asked() throws Exception {
        String name = name();
        CommandResult result = Ipc.run("mk", "--posix-shmem", "1.5K", "--name", name.substring(1), "-p", "0666");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("POSIX shared memory name: " + name + "\n", result.out());
        Path file = devShm().resolve(name.substring(1));
        assertEquals(1536, Files.size(file));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "the umask is not applied");
    }

    @Test
    void posix_message_queue_gets_the_capacity_asked() {
        String name = name();
        CommandResult result = Ipc.run("mk", "-q", "-n", name, "--maxmsg", "5", "--msgsize", "128", "-p", "600");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("POSIX message queue name: " + name + "\n", result.out());
        PosixIpc.QueueAttributes attributes = PosixIpc.openMessageQueue(name, 0, 0, 0, 0);
        assertEquals(new PosixIpc.QueueAttributes(5, 128), attributes);
        assertTrue(Files.exists(Path.of(System.getProperty("ipc.dev.mqueue"), name.substring(1))));
    }

    @Test
    void posix_message_queue_takes_the_kernel_default_for_what_is_not_given() throws Exception {
        String name = name();
        assertEquals(0, Ipc.run("mk", "-q", "-n", name, "--maxmsg", "3").exitCode());
        long defaultSize = Long.parseLong(ProcFile.readText(Path.of("/proc/sys/fs/mqueue/msgsize_default")).trim());
        assertEquals(new PosixIpc.QueueAttributes(3, defaultSize), PosixIpc.openMessageQueue(name, 0, 0, 0, 0));
    }

    @Test
    void a_capacity_above_the_kernel_limits_is_named() throws Exception {
        String name = name();
        long limit = Long.parseLong(ProcFile.readText(Path.of("/proc/sys/fs/mqueue/msg_max")).trim());
        CommandResult result = Ipc.run("mk", "-q", "-n", name, "--maxmsg", "70000");
        assertEquals(new CommandResult(1, "", "ipc: create POSIX message queue failed: Invalid argument (--maxmsg "
                + "70000 is above fs.mqueue.msg_max (" + limit + "))\n"), result);
        assertFalse(Files.exists(Path.of(System.getProperty("ipc.dev.mqueue"), name.substring(1))));
    }

    @ParameterizedTest(name = "--posix-semaphore {0}")
    @ValueSource(strings = {"", "0", "3", "=4", "2147483647"})
    void posix_semaphore_starts_at_the_value_asked(String value) throws Exception {
        String name = name();
        List<String> args = new ArrayList<>(List.of("mk", "-n", name));
        if (value.startsWith("=")) {
            args.add("--posix-semaphore" + value);
        } else {
            args.add("--posix-semaphore");
            if (!value.isEmpty()) {
                args.add(value);
            }
        }
        CommandResult result = Ipc.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("POSIX semaphore name: " + name + "\n", result.out());
        // glibc's sem_t on x86_64: the value is the low 32 bits of its first 64-bit word
        byte[] semaphore = Files.readAllBytes(devShm().resolve("sem." + name.substring(1)));
        int expected = value.isEmpty() ? 0 : Integer.parseInt(value.replace("=", ""));
        assertEquals(expected, ByteBuffer.wrap(semaphore).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
    }

    @Test
    void short_options_cluster_as_in_util_linux_2_41() throws Exception {
        String name = name();
        CommandResult result = Ipc.run("mk", "-qsn", name);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("POSIX message queue name: " + name + "\nPOSIX semaphore name: " + name + "\n", result.out());
        assertEquals(0, ByteBuffer.wrap(Files.readAllBytes(devShm().resolve("sem." + name.substring(1))))
                .order(ByteOrder.LITTLE_ENDIAN).getInt(0));
    }

    @Test
    void all_six_kinds_print_in_ipcmk_order() {
        String name = name();
        CommandResult result = Ipc.run("mk", "-s", "-q", "-S", "1", "-Q", "-m", "1K", "-M", "1K", "-n", name);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("Shared memory id", "POSIX shared memory name", "Message queue id",
                        "POSIX message queue name", "Semaphore id", "POSIX semaphore name"),
                result.out().lines().map(line -> line.substring(0, line.indexOf(':'))).toList());
    }

    @ParameterizedTest(name = "--name {0}")
    @ValueSource(strings = {"a/b", "/", "", "//x", "/.", "..", "/a/"})
    void invalid_names_are_refused_before_anything_is_made(String bad) {
        CommandResult result = Ipc.run("mk", "-M", "10", "--posix-shmem", "10", "--name", bad);
        assertEquals(1, result.exitCode());
        assertEquals("ipc: invalid POSIX IPC name: '" + bad + "' (expected '/' and then 1 to 255 characters, none "
                + "of them '/')\n", result.err());
        assertEquals(List.of(), IpcmkCompatibilityTest.objects());
    }

    @Test
    void names_longer_than_glibc_takes_are_refused() {
        String longest = "x".repeat(255);
        CommandResult semaphore = Ipc.run("mk", "-s", "--name", longest.substring(3));
        assertEquals(1, semaphore.exitCode());
        assertEquals("ipc: name `/" + longest.substring(3) + "' too long (a POSIX semaphore name has at most 251 "
                + "bytes after the '/')\n", semaphore.err());
        String longestSemaphore = "/" + longest.substring(4);
        objects.own(longestSemaphore);
        assertEquals(0, Ipc.run("mk", "-s", "--name", longestSemaphore).exitCode());
        CommandResult tooLong = Ipc.run("mk", "-q", "--name", longest + "x");
        assertEquals(1, tooLong.exitCode());
        assertEquals("ipc: name `/" + longest + "x' too long (a POSIX message queue name has at most 255 bytes after "
                + "the '/')\n", tooLong.err(), "the message names the kind asked for");
        String name = "/" + longest;
        objects.own(name);
        CommandResult longestQueue = Ipc.run("mk", "-q", "--name", longest);
        assertEquals(0, longestQueue.exitCode(), longestQueue::toString);
    }

    @Test
    void posix_options_need_their_companions() {
        assertEquals("ipc: name is required for POSIX IPC (see 'ipc mk --help')\n", Ipc.run("mk", "-q").err());
        assertEquals("ipc: --name applies only to POSIX objects (--posix-shmem, --posix-mqueue, --posix-semaphore) "
                + "(see 'ipc mk --help')\n", Ipc.run("mk", "-Q", "--name", "x").err());
        assertEquals("ipc: --maxmsg and --msgsize apply only to --posix-mqueue (see 'ipc mk --help')\n",
                Ipc.run("mk", "-m", "1", "-n", "x", "--maxmsg", "3").err());
        assertEquals("ipc: failed to parse maximum number of messages: '0' (it must be at least 1)\n",
                Ipc.run("mk", "-q", "-n", "x", "--maxmsg", "0").err());
        assertEquals("ipc: failed to parse semaphore value: '-1' (it cannot be negative)\n",
                Ipc.run("mk", "-n", "x", "--posix-semaphore", "-1").err());
        assertEquals(1, Ipc.run("mk", "-q", "-n", "x", "--maxmsg", "0").exitCode());
    }

    @Test
    void an_existing_posix_object_is_used_as_it_is_and_never_resized() throws Exception {
        String name = name();
        assertEquals(0, Ipc.run("mk", "-m", "4K", "-n", name).exitCode());
        CommandResult again = Ipc.run("mk", "-m", "1K", "-n", name);
        assertEquals(0, again.exitCode());
        assertEquals("POSIX shared memory name: " + name + "\n", again.out());
        assertEquals("ipc: POSIX shared memory " + name + " exists already: using it as it is\n", again.err());
        assertEquals(4096, Files.size(devShm().resolve(name.substring(1))));

        CommandResult exclusive = Ipc.run("mk", "-m", "1K", "-n", name, "--exclusive");
        assertEquals(1, exclusive.exitCode());
        assertEquals("ipc: create POSIX shared memory failed: " + name + ": File exists (--exclusive)\n",
                exclusive.err());
    }

    @Test
    void a_failure_removes_the_posix_objects_made_before_it() {
        String name = name();
        CommandResult result = Ipc.run("mk", "-M", "10", "-m", "1K", "-q", "-n", name, "-S", "0");
        assertEquals(1, result.exitCode());
        assertEquals("ipc: create semaphore failed: Invalid argument\n", result.err());
        assertEquals(List.of(), IpcmkCompatibilityTest.objects());
        assertFalse(Files.exists(devShm().resolve(name.substring(1))));
        assertFalse(Files.exists(Path.of(System.getProperty("ipc.dev.mqueue"), name.substring(1))));
    }

    // ---- JSON ----

    @Test
    void json_describes_what_was_made() throws Exception {
        String name = name();
        Kernel.createQueue(0x4242, 0640);
        CommandResult result = Ipc.run("mk", "--json", "-M", "1K", "-Q", "-S", "3", "-p", "600", "--key", "0x4242",
                "-m", "2K", "--posix-semaphore", "7", "-q", "--maxmsg", "4", "--msgsize", "64", "-n", name);
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode objects = new ObjectMapper().readTree(result.out()).get("objects");
        assertEquals(6, objects.size());
        JsonNode shm = objects.get(0);
        assertEquals("shm", shm.get("kind").asText());
        assertEquals(SystemVCalls.sharedMemorySegments().get(0).id(), shm.get("id").asInt());
        assertEquals("0x00004242", shm.get("key").asText());
        assertEquals(0x4242, shm.get("key_number").asInt());
        assertEquals("rw-------", shm.get("perms").asText());
        assertEquals("0600", shm.get("mode").asText());
        assertEquals(1024, shm.get("size").asLong());
        assertTrue(shm.get("created").asBoolean());
        assertEquals("{\"kind\":\"pshm\",\"name\":\"" + name + "\",\"perms\":\"rw-------\",\"mode\":\"0600\",\"size\":2048,\"created\":true}",
                objects.get(1).toString());
        JsonNode msg = objects.get(2);
        assertEquals("msg", msg.get("kind").asText());
        assertFalse(msg.get("created").asBoolean(), "the queue with key 0x4242 existed");
        assertEquals("0640", msg.get("mode").asText());
        assertEquals("{\"kind\":\"pmsg\",\"name\":\"" + name + "\",\"perms\":\"rw-------\",\"mode\":\"0600\",\"maxmsgs\":4,\"msgsize\":64,"
                + "\"created\":true}", objects.get(3).toString());
        assertEquals(3, objects.get(4).get("nsems").asInt());
        assertEquals("{\"kind\":\"psem\",\"name\":\"" + name + "\",\"perms\":\"rw-------\",\"mode\":\"0600\",\"sval\":7,\"created\":true}",
                objects.get(5).toString());
        assertNotEquals("", result.err(), "the reused queue is still said on stderr");
    }
}
