// ipc msg send, recv and stat on real queues: msgrcv's selection by type, the limits, and each failure's exit code.
package dev.ipc.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.cli.ExitCodes;
import dev.ipc.procfs.IpcSyscalls;
import dev.ipc.support.Await;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.support.Unprivileged;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MsgCommandsTest {
    private int queue;

    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        queue = Kernel.createQueue(0x1234, 0600);
    }

    private CommandResult ipc(String... args) {
        return Ipc.run(args);
    }

    private String id() {
        return Integer.toString(queue);
    }

    private void send(long type, String text) {
        CommandResult r = ipc("msg", "send", "--id", id(), "--type", Long.toString(type), text);
        assertEquals(0, r.exitCode(), r::toString);
    }

    private static long messages(int queue) {
        return SystemVCalls.messageQueue(queue).orElseThrow().messages();
    }

    @Test
    void receives_by_type_as_msgrcv_documents() {
        send(3, "c1");
        send(1, "a1");
        send(2, "b1");
        send(3, "c2");
        send(1, "a2");
        assertEquals("3\tc1\n", ipc("msg", "recv", "--id", id()).out(), "type 0: the first message");
        assertEquals("3\tc2\n", ipc("msg", "recv", "--id", id(), "--type", "3").out(), "type 3: first of type 3");
        assertEquals("1\ta1\n", ipc("msg", "recv", "--id", id(), "--type", "-2").out(), "-2: lowest type <= 2");
        assertEquals("2\tb1\n", ipc("msg", "recv", "--id", id(), "--type", "1", "--except").out(),
                "--except 1: the first whose type is not 1");
        assertEquals("1\ta2\n", ipc("msg", "recv", "--key", "0x1234", "--type", "-5").out());
        assertEquals(0, messages(queue));
    }

    @Test
    void receives_a_count_or_everything_queued() {
        for (int i = 1; i <= 5; i++) {
            send(i % 2 + 1, "m" + i);
        }
        assertEquals("2\tm1\n2\tm3\n", ipc("msg", "recv", "--id", id(), "--type", "2", "--count", "2").out());
        assertEquals("1\tm2\n1\tm4\n2\tm5\n", ipc("msg", "recv", "--id", id(), "--all").out());
        CommandResult none = ipc("msg", "recv", "--id", id(), "--all");
        assertEquals(0, none.exitCode(), "--all with nothing queued is not an error");
        assertEquals("", none.out());
    }

    @Test
    void shows_control_characters_and_bytes_that_are_not_utf8_escaped_on_one_line(@TempDir Path dir)
            throws Exception {
        byte[] data = {'a', '\t', 'b', '\n', '\\', 0x01, (byte) 0xc3, (byte) 0xa9, (byte) 0xff, 0x7f, (byte) 0xc2,
                (byte) 0x85};
        Path file = dir.resolve("data");
        Files.write(file, data);
        assertEquals(0, ipc("msg", "send", "--id", id(), "--type", "7", "--file", file.toString()).exitCode());
        assertEquals("7\ta\\tb\\n\\\\\\x01\u00e9\\xff\\x7f\\xc2\\x85\n", ipc("msg", "recv", "--id", id()).out());
    }

    @Test
    void json_gives_text_when_utf8_and_base64_otherwise(@TempDir Path dir) throws Exception {
        send(4, "héllo");
        Path file = dir.resolve("bin");
        Files.write(file, new byte[] {(byte) 0xff, 0, 1});
        ipc("msg", "send", "--id", id(), "--type", "5", "--file", file.toString());
        JsonNode json = new ObjectMapper().readTree(ipc("msg", "recv", "--id", id(), "--all", "--json").out());
        assertEquals(2, json.size());
        assertEquals(4, json.get(0).get("type").asLong());
        assertEquals(6, json.get(0).get("size").asInt());
        assertEquals("héllo", json.get(0).get("text").asText());
        assertEquals("/wAB", json.get(1).get("base64").asText());
        assertFalse(json.get(1).has("text"));
    }

    @Test
    void raw_writes_the_exact_bytes_and_stdin_is_sent_as_it_is() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        IpcProcess.Result sent = IpcProcess.run(data, "msg", "send", "--id", id(), "--type", "9");
        assertEquals(0, sent.exitCode(), sent::toString);
        IpcProcess.Result got = IpcProcess.run(new byte[0], "msg", "recv", "--id", id(), "--raw");
        assertEquals(0, got.exitCode(), got::toString);
        assertArrayEquals(data, got.out());
    }

    @Test
    void a_count_cut_short_by_nowait_prints_what_it_got_then_exits_5() {
        send(1, "one");
        send(1, "two");
        CommandResult r = ipc("msg", "recv", "--id", id(), "--count", "3", "--nowait");
        assertEquals(ExitCodes.WOULD_BLOCK, r.exitCode(), r::toString);
        assertEquals("1\tone\n1\ttwo\n", r.out());
        assertEquals("ipc: no message in message queue " + queue + " (after 2 messages) (--nowait)\n", r.err());
    }

    @Test
    void receives_whole_a_message_longer_than_msgmax_is_now(@TempDir Path dir) throws Exception {
        Path kernel = Path.of("/proc/sys/kernel");
        // readString can return a single byte of a /proc/sys file on JDK 17; readLine reads it whole
        String msgmax = firstLine(kernel.resolve("msgmax"));
        String msgmnb = firstLine(kernel.resolve("msgmnb"));
        try {
            Files.writeString(kernel.resolve("msgmnb"), "65536");
            Files.writeString(kernel.resolve("msgmax"), "65536");
            Kernel.removeQueue(queue);
            queue = Kernel.createQueue(0x1234, 0600);
            byte[] big = new byte[40000];
            java.util.Arrays.fill(big, (byte) 'x');
            Path file = dir.resolve("big");
            Files.write(file, big);
            assertEquals(0, ipc("msg", "send", "--id", id(), "--file", file.toString()).exitCode());
            Files.writeString(kernel.resolve("msgmax"), "8192"); // the message is now longer than msgmax
            CommandResult r = ipc("msg", "recv", "--id", id());
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("1\t" + "x".repeat(40000) + "\n", r.out());
        } finally {
            Files.writeString(kernel.resolve("msgmax"), msgmax);
            Files.writeString(kernel.resolve("msgmnb"), msgmnb);
        }
    }

    private static String firstLine(Path file) throws java.io.IOException {
        try (var in = Files.newBufferedReader(file)) {
            return in.readLine().trim();
        }
    }

    @Test
    void nowait_on_an_empty_queue_exits_5_and_says_so() {
        CommandResult r = ipc("msg", "recv", "--id", id(), "--type", "3", "--nowait");
        assertEquals(ExitCodes.WOULD_BLOCK, r.exitCode());
        assertEquals("ipc: no message of type 3 in message queue " + queue + " (--nowait)\n", r.err());
    }

    @Test
    void nowait_on_a_full_queue_exits_5_and_sends_nothing(@TempDir Path dir) throws Exception {
        long msgmax = SystemVCalls.limits().messages().maxMessageSize();
        long qbytes = SystemVCalls.messageQueue(queue).orElseThrow().maxBytes().getAsLong();
        Path big = dir.resolve("big");
        Files.write(big, new byte[(int) msgmax]);
        for (long used = 0; used + msgmax <= qbytes; used += msgmax) {
            assertEquals(0, ipc("msg", "send", "--id", id(), "--file", big.toString()).exitCode());
        }
        long before = messages(queue);
        CommandResult r = ipc("msg", "send", "--id", id(), "--nowait", "--file", big.toString());
        assertEquals(ExitCodes.WOULD_BLOCK, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("ipc: message queue " + queue + " is full ("), r::toString);
        assertEquals(before, messages(queue));
        CommandResult timed = ipc("msg", "send", "--id", id(), "--timeout", "200ms", "--file", big.toString());
        assertEquals(ExitCodes.TIMED_OUT, timed.exitCode(), timed::toString);
        assertEquals(before, messages(queue));
    }

    @Test
    void times_out_with_exit_6_after_waiting_at_least_the_time_given() {
        long start = System.nanoTime();
        CommandResult r = ipc("msg", "recv", "--id", id(), "--timeout", "300ms");
        assertTrue(System.nanoTime() - start >= 300_000_000L, "returned before the timeout");
        assertEquals(ExitCodes.TIMED_OUT, r.exitCode(), r::toString);
        assertEquals("ipc: timed out after 300ms waiting for a message on message queue " + queue + "\n", r.err());
    }

    @Test
    void a_timeout_of_zero_is_accepted_and_does_not_wait() {
        CommandResult r = ipc("msg", "recv", "--id", id(), "--timeout", "0");
        assertEquals(ExitCodes.TIMED_OUT, r.exitCode(), r::toString);
        assertEquals("ipc: timed out after 0 waiting for a message on message queue " + queue + "\n", r.err());
    }

    @Test
    void a_message_that_comes_within_the_timeout_is_received() throws Exception {
        CompletableFuture<CommandResult> waiting = CompletableFuture.supplyAsync(
                () -> ipc("msg", "recv", "--id", id(), "--type", "6", "--timeout", "20s"));
        awaitThreadIn(IpcSyscalls.current().orElseThrow().msgrcv());
        Kernel.send(queue, 6, "late");
        CommandResult r = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("6\tlate\n", r.out());
    }

    @Test
    void removal_while_waiting_exits_7() throws Exception {
        CompletableFuture<CommandResult> waiting = CompletableFuture.supplyAsync(
                () -> ipc("msg", "recv", "--id", id()));
        awaitThreadIn(IpcSyscalls.current().orElseThrow().msgrcv());
        Kernel.removeQueue(queue);
        CommandResult r = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(ExitCodes.REMOVED, r.exitCode(), r::toString);
        assertEquals("ipc: message queue " + queue + " was removed while waiting to receive from\n", r.err());
    }

    /** Waits until a thread of this JVM sleeps in the given system call. */
    private static void awaitThreadIn(int syscall) {
        Await.until(() -> IpcSyscalls.sleepsIn(ProcessHandle.current().pid(), syscall).orElse(false),
                "a thread blocked in system call " + syscall);
    }

    @Test
    void a_longer_message_than_max_size_stays_queued_unless_truncate() {
        send(5, "long message");
        CommandResult tooBig = ipc("msg", "recv", "--id", id(), "--max-size", "4");
        assertEquals(ExitCodes.TOO_BIG, tooBig.exitCode(), tooBig::toString);
        assertEquals(1, messages(queue), "the message stays in the queue");
        CommandResult cut = ipc("msg", "recv", "--id", id(), "--max-size", "4", "--truncate");
        assertEquals(0, cut.exitCode(), cut::toString);
        assertEquals("5\tlong\n", cut.out());
        assertEquals(0, messages(queue));
    }

    @Test
    void refuses_a_message_over_msgmax_with_exit_8(@TempDir Path dir) throws Exception {
        long msgmax = SystemVCalls.limits().messages().maxMessageSize();
        Path big = dir.resolve("big");
        Files.write(big, new byte[(int) msgmax + 1]);
        CommandResult r = ipc("msg", "send", "--id", id(), "--file", big.toString());
        assertEquals(ExitCodes.TOO_BIG, r.exitCode(), r::toString);
        assertEquals("ipc: the message is over " + msgmax + " bytes, longer than msgmax (" + msgmax
                + " bytes), the largest message the kernel takes\n", r.err());
        assertEquals(0, messages(queue));
    }

    @Test
    void bad_input_gives_one_line_and_its_own_exit_code() {
        assertFailure(ExitCodes.USAGE, "ipc: --type 0: a message's type must be 1 or more (msgsnd refuses types "
                + "below 1; receivers use 0 and negative types to select)", "msg", "send", "--id", id(), "--type",
                "0", "x");
        assertFailure(ExitCodes.NOT_FOUND, "ipc: no message queue with id 77", "msg", "send", "--id", "77", "x");
        assertFailure(ExitCodes.NOT_FOUND, "ipc: no message queue with key 0x00009999", "msg", "recv", "--key",
                "0x9999");
        assertFailure(ExitCodes.USAGE, "ipc: --key 0 is IPC_PRIVATE, which names no object: give the object's --id "
                + "instead", "msg", "recv", "--key", "0");
        assertFailure(ExitCodes.USAGE, "ipc: --except needs --type N with N > 0 (msgrcv ignores MSG_EXCEPT for type "
                + "-1)", "msg", "recv", "--id", id(), "--type", "-1", "--except");
        assertFailure(ExitCodes.USAGE, "ipc: invalid --id 'x1': an id is a decimal number from 0 to 2147483647",
                "msg", "recv", "--id", "x1");
        assertFailure(ExitCodes.USAGE, "ipc: --nowait and --timeout exclude each other", "msg", "send", "--id",
                id(), "--nowait", "--timeout", "1s", "x");
        CommandResult both = ipc("msg", "recv", "--id", id(), "--key", "1");
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertEquals(1, both.err().lines().count(), both::toString);
        assertEquals(0, messages(queue), "nothing was sent");
    }

    @Test
    void peek_prints_message_n_and_leaves_the_queue_as_it_was() throws Exception {
        send(3, "first");
        send(1, "second");
        send(2, "third");
        CommandResult first = ipc("msg", "recv", "--id", id(), "--peek");
        Assumptions.assumeFalse(first.exitCode() == 1 && first.err().contains("CONFIG_CHECKPOINT_RESTORE"),
                "this kernel has no MSG_COPY");
        assertEquals("3\tfirst\n", first.out(), first::toString);
        var before = SystemVCalls.messageQueue(queue).orElseThrow();
        assertEquals("2\tthird\n", ipc("msg", "recv", "--id", id(), "--peek", "2").out());
        JsonNode json = new ObjectMapper().readTree(ipc("msg", "recv", "--key", "0x1234", "--peek", "1", "--json").out());
        assertEquals("second", json.get(0).get("text").asText());
        assertEquals(1, json.get(0).get("type").asLong());
        var after = SystemVCalls.messageQueue(queue).orElseThrow();
        assertEquals(3, after.messages(), "qnum unchanged");
        assertEquals(before.usedBytes(), after.usedBytes(), "cbytes unchanged");
        assertFailure(ExitCodes.FAILURE, "ipc: no message number 3 in message queue " + id()
                + " (it holds 3; the first is number 0)", "msg", "recv", "--id", id(), "--peek", "3");
        assertFailure(ExitCodes.USAGE, "ipc: --peek cannot be used with --type (MSG_COPY takes msgrcv's type as the "
                + "number of the message and copies it whole, at once)", "msg", "recv", "--id", id(), "--peek", "1",
                "--type", "2");
        assertFailure(ExitCodes.USAGE, "ipc: --peek -1 is out of range: 0 to 2147483647", "msg", "recv", "--id",
                id(), "--peek", "-1");
        assertEquals("3\tfirst\n", ipc("msg", "recv", "--id", id()).out(), "the first is still there to take");
    }

    private void assertFailure(int code, String message, String... args) {
        CommandResult r = ipc(args);
        assertEquals(code, r.exitCode(), r::toString);
        assertEquals(message + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void permission_denied_exits_4() {
        Assumptions.assumeTrue(Unprivileged.unavailableReason() == null, Unprivileged::unavailableReason);
        IpcProcess.Result r = IpcProcess.runUnprivileged("msg", "send", "--id", id(), "x");
        assertEquals(ExitCodes.PERMISSION_DENIED, r.exitCode(), r::toString);
        assertEquals("ipc: permission denied: cannot send to message queue " + queue
                + " (msgsnd failed: Permission denied)\n", r.err());
        IpcProcess.Result change = IpcProcess.runUnprivileged("msg", "set-perms", "--id", id(), "--mode", "0666");
        assertEquals(ExitCodes.PERMISSION_DENIED, change.exitCode(), change::toString);
    }

    @Test
    void stat_prints_what_ipcs_prints_for_the_queue() {
        send(1, "hello");
        for (List<String> extra : List.of(List.<String>of(), List.of("--human"))) {
            CommandResult ours = ipc(concat(List.of("msg", "stat", "--id", id()), extra));
            CommandResult ipcs = Processes.run(List.of(concat(List.of("ipcs", "-q", "-i", id()), extra)));
            assertEquals(ipcs.out(), ours.out());
            assertEquals(0, ours.exitCode());
        }
    }

    @Test
    void stat_json_has_the_queue_fields() throws Exception {
        send(1, "hello");
        JsonNode json = new ObjectMapper().readTree(ipc("msg", "stat", "--key", "4660", "--json").out());
        assertEquals(queue, json.get("id").asInt());
        assertEquals("0x00001234", json.get("key").asText());
        assertEquals(5, json.get("cbytes").asLong());
        assertEquals(1, json.get("qnum").asLong());
        assertTrue(json.get("qbytes").asLong() > 0);
        assertTrue(json.get("rtime").isNull());
        assertEquals(ProcessHandle.current().pid(), json.get("lspid").asLong());
    }

    @Test
    void set_perms_changes_owner_group_and_mode() {
        assertEquals(0, ipc("msg", "set-perms", "--id", id(), "--owner", "4242", "--group", "root", "--mode",
                "0640").exitCode());
        var q = SystemVCalls.messageQueue(queue).orElseThrow();
        assertEquals(4242, q.owner().uid());
        assertEquals(0, q.owner().gid());
        assertEquals(0640, q.permissions());
        assertEquals(ExitCodes.USAGE, ipc("msg", "set-perms", "--id", id(), "--mode", "0800").exitCode());
        assertEquals(ExitCodes.USAGE, ipc("msg", "set-perms", "--id", id()).exitCode());
        assertFailure(ExitCodes.USAGE, "ipc: invalid --owner 'no-such-user-x': no such user (give a user name or a "
                + "uid)", "msg", "set-perms", "--id", id(), "--owner", "no-such-user-x");
        assertFailure(ExitCodes.USAGE, "ipc: invalid --group 'no-such-group-x': no such group (give a group name or "
                + "a gid)", "msg", "set-perms", "--id", id(), "--group", "no-such-group-x");
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
