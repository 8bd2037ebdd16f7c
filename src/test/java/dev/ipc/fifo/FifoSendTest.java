// ipc fifo send: its replies and exit codes, its own FIFO (made safely, never someone else's, always removed).
package dev.ipc.fifo;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Mermaid;
import dev.ipc.libc.Native;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static dev.ipc.libc.FileConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(180)
class FifoSendTest {
    @TempDir
    Path tmp;

    private Path dir;
    private ChildProcess server;

    @BeforeEach
    void startServer() {
        dir = tmp.resolve("fifo");
        server = ChildProcess.ipc("fifo", "serve", "--dir", dir.toString());
        server.awaitErr("listening on ");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CommandResult send(String... args) {
        String[] line = new String[args.length + 4];
        line[0] = "fifo";
        line[1] = "send";
        line[2] = "--dir";
        line[3] = dir.toString();
        System.arraycopy(args, 0, line, 4, args.length);
        return Ipc.run(line);
    }

    /**
     * Plain lines run without picocli (dev.ipc.FastPath); a --color first sends the same line through picocli:
     * the same replies, errors and exit codes both ways.
     */
    @Test
    void plain_lines_answer_as_through_picocli() {
        String[][] lines = {
                {"ping"}, {"upper", "hello", "world"}, {"--count", "3", "ping"}, {"--count=2", "--timeout", "2s",
                "echo", "a b"}, {"--diagram", "ping"}, {"fly"}, {"--count", "0", "ping"}, {"--timeout", "soon",
                "ping"}, {"two words"}, {"--shared", "ping"}, {"echo", "x".repeat(5000)},
        };
        for (String[] args : lines) {
            CommandResult plain = send(args);
            String[] line = new String[args.length + 5];
            line[0] = "--color=never";
            System.arraycopy(new String[] {"fifo", "send", "--dir", dir.toString()}, 0, line, 1, 4);
            System.arraycopy(args, 0, line, 5, args.length);
            assertEquals(Ipc.run(line).toString(), plain.toString(), () -> List.of(args).toString());
        }
        CommandResult elsewhere = Ipc.run("fifo", "send", "--dir", tmp.resolve("none").toString(), "ping");
        assertEquals(Ipc.run("--color=never", "fifo", "send", "--dir", tmp.resolve("none").toString(), "ping")
                .toString(), elsewhere.toString());
        assertEquals(1, elsewhere.exitCode(), elsewhere::toString);
    }

    private Path ownFifo() {
        return dir.resolve("client." + ProcessHandle.current().pid() + ".fifo");
    }

    /** Only the server's FIFO is left: every client removed its own. */
    private void assertOnlyServerFifo() throws IOException {
        try (var entries = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("server.fifo")), entries.toList());
        }
    }

    @Test
    void prints_the_reply_and_removes_its_fifo() throws IOException {
        assertEquals(new CommandResult(0, "pong\n", ""), send("ping"));
        assertEquals(new CommandResult(0, "HELLO WORLD\n", ""), send("upper", "hello", "world"));
        assertEquals(new CommandResult(0, "0\n1\n2\n", ""), send("--count", "3", "seq"));
        assertEquals(new CommandResult(0, "3\n", ""), send("seq", "10"));
        assertEquals(new CommandResult(0, "13\n", ""), send("seq"));
        assertOnlyServerFifo();
    }

    @Test
    void diagram_draws_each_request_written_and_each_reply_read() throws IOException {
        CommandResult r = send("--diagram", "--count", "3", "seq");
        assertEquals(0, r.exitCode(), r::toString);
        Mermaid d = Mermaid.parse(r.out());
        String client = "client[" + ProcessHandle.current().pid() + "]";
        assertEquals(client, d.participants().get("P1"));
        assertEquals(3, d.count(client, dir.resolve("server.fifo").toString(), "write("), "a request a line");
        List<Mermaid.Arrow> replies = d.arrows().stream().filter(a -> a.dashed()
                && a.from().equals(ownFifo().toString()) && a.to().equals(client)).toList();
        assertEquals(3, replies.size(), d.toString());
        assertTrue(replies.get(2).text().contains("\"2\\n\""), "the third number the server gave: " + replies);
        assertEquals(1, d.count(client, ownFifo().toString(), "unlinkat("));
        assertOnlyServerFifo();
    }

    @Test
    void an_err_reply_is_a_failure() throws IOException {
        assertEquals(new CommandResult(1, "", "ipc: the server answered: ERR unknown verb 'fly'\n"), send("fly"));
        assertEquals(new CommandResult(1, "", "ipc: the server answered: ERR seq takes a count from 1 to "
                + "1000000000, not 'many'\n"), send("seq", "many"));
        assertOnlyServerFifo();
    }

    @Test
    void no_server_is_a_clear_failure_and_leaves_nothing() throws IOException {
        server.signal("TERM");
        assertEquals(0, server.awaitExit());
        assertEquals(new CommandResult(1, "", "ipc: no server: " + dir.resolve("server.fifo")
                + " does not exist (start one with 'ipc fifo serve')\n"), send("ping"));
        // A FIFO left by a server that died.
        Native.check("mkfifo", Native.libc().mkfifoat(AT_FDCWD, dir.resolve("server.fifo").toString(), 0600));
        assertEquals(new CommandResult(1, "", "ipc: no server: nobody reads " + dir.resolve("server.fifo")
                + " (left by a server that is gone?)\n"), send("ping"));
        assertOnlyServerFifo();
        Path nowhere = tmp.resolve("nowhere");
        assertEquals(new CommandResult(1, "", "ipc: no server: " + nowhere
                + " does not exist (start one with 'ipc fifo serve')\n"),
                Ipc.run("fifo", "send", "--dir", nowhere.toString(), "ping"));
    }

    /** A ping to the server stopped (SIGSTOP) with this --timeout: its result, and how long it took in ms. */
    private record Unanswered(CommandResult result, long millis) {
        String message(Path dir, String patience) {
            return "ipc: no reply from the server at " + dir.resolve("server.fifo") + " " + patience + "\n";
        }
    }

    private Unanswered pingStoppedServer(String timeout) {
        server.signal("STOP");
        long start = System.nanoTime();
        CommandResult result = send("--timeout", timeout, "ping");
        long millis = (System.nanoTime() - start) / 1_000_000;
        server.signal("CONT");
        return new Unanswered(result, millis);
    }

    @Test
    void a_timeout_of_zero_does_not_wait_as_msg_recv_timeout_zero_does() throws IOException {
        Unanswered ping = pingStoppedServer("0");
        String notYet = ping.message(dir, "yet (--timeout 0 does not wait)");
        assertEquals(new CommandResult(1, "", notYet), ping.result());
        assertTrue(ping.millis() < 2000, ping.millis() + " ms: it waited");
        assertFalse(Files.exists(ownFifo(), LinkOption.NOFOLLOW_LINKS));
        // with no server at all it fails at once as without --timeout
        server.signal("TERM");
        assertEquals(0, server.awaitExit());
        assertEquals(new CommandResult(1, "", "ipc: no server: " + dir.resolve("server.fifo")
                + " does not exist (start one with 'ipc fifo serve')\n"), send("--timeout", "0", "ping"));
        // a server that answers: the reply comes if it is there, else the same one line; nothing is left
        ChildProcess again = ChildProcess.ipc("fifo", "serve", "--dir", dir.toString());
        try {
            again.awaitErr("listening on ");
            CommandResult answered = send("--timeout", "0", "ping");
            assertTrue(answered.equals(new CommandResult(0, "pong\n", ""))
                    || answered.equals(new CommandResult(1, "", notYet)), answered::toString);
            assertOnlyServerFifo();
        } finally {
            again.close();
        }
    }

    @Test
    void a_server_that_does_not_answer_times_out_and_the_fifo_is_removed() throws IOException {
        Unanswered ping = pingStoppedServer("300ms");
        assertEquals(new CommandResult(1, "", ping.message(dir, "within 300ms")), ping.result());
        assertTrue(ping.millis() >= 300, ping.millis() + " ms");
        assertFalse(Files.exists(ownFifo(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void ctrl_c_removes_the_fifo() throws Exception {
        server.signal("STOP");
        try (ChildProcess client = ChildProcess.ipc("fifo", "send", "--dir", dir.toString(), "--timeout", "60s",
                "ping")) {
            Path fifo = dir.resolve("client." + client.pid() + ".fifo");
            awaitFile(fifo);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo)));
            client.signal("INT");
            assertEquals(130, client.awaitExit());
            assertFalse(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
        } finally {
            server.signal("CONT");
        }
    }

    @Test
    void a_fifo_of_another_user_under_our_name_is_refused_and_left_alone() throws IOException {
        Assumptions.assumeTrue(Isolation.isRoot(), "needs root to give a FIFO to another user");
        Native.check("mkfifo", Native.libc().mkfifoat(AT_FDCWD, ownFifo().toString(), 0666));
        Files.setPosixFilePermissions(ownFifo(), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setAttribute(ownFifo(), "unix:uid", 4242);
        assertEquals(new CommandResult(1, "", "ipc: " + ownFifo() + " already exists and is not ours (uid 4242, "
                + "mode 0666); refusing to use it\n"), send("ping"));
        assertEquals(4242, Files.getAttribute(ownFifo(), "unix:uid"));
    }

    @Test
    void a_symbolic_link_under_our_name_is_refused_and_left_alone() throws IOException {
        Path target = Files.writeString(tmp.resolve("target"), "keep\n");
        Files.createSymbolicLink(ownFifo(), target);
        CommandResult result = send("ping");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("ipc: " + ownFifo() + " already exists and is not ours (a symbolic link, "),
                result.err());
        assertTrue(Files.isSymbolicLink(ownFifo()));
        assertEquals("keep\n", Files.readString(target));
    }

    @Test
    void a_stale_fifo_of_ours_is_replaced_by_a_new_one() throws IOException {
        Native.check("mkfifo", Native.libc().mkfifoat(AT_FDCWD, ownFifo().toString(), 0644));
        assertEquals(new CommandResult(0, "pong\n", ""), send("ping"));
        assertOnlyServerFifo();
    }

    @Test
    void a_shared_server_and_client_make_their_modes_exactly_whatever_the_umask() throws Exception {
        Path shared = tmp.resolve("shared");
        try (ChildProcess sharedServer = ChildProcess.start(umask077("fifo", "serve", "--shared", "--dir",
                shared.toString()))) {
            sharedServer.awaitErr("listening on .* \\(pid \\d+, shared with the group of " + shared + "\\)");
            assertEquals("rwx-wx---", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
            assertEquals(03730, (int) Files.getAttribute(shared, "unix:mode") & 07777);
            assertEquals("rw--w----", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(shared.resolve("server.fifo"))));
            sharedServer.signal("STOP");
            try (ChildProcess client = ChildProcess.start(umask077("fifo", "send", "--shared", "--dir",
                    shared.toString(), "--timeout", "60s", "ping"))) {
                Path fifo = shared.resolve("client." + client.pid() + ".fifo");
                awaitFile(fifo);
                // The mode is set after the FIFO is opened: wait for the group's write bit, at most WAIT.
                long deadline = System.nanoTime() + ChildProcess.WAIT.toNanos();
                while (!"rw--w----".equals(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo)))) {
                    assertTrue(System.nanoTime() < deadline, PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(fifo)));
                    Thread.sleep(10);
                }
                sharedServer.signal("CONT");
                assertEquals("pong\n", client.out());
                assertEquals(0, client.awaitExit());
            } finally {
                sharedServer.signal("CONT");
            }
        }
    }

    /** ipc with these arguments, started under umask 077 (no group or other bits unless ipc sets them). */
    private static List<String> umask077(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", "umask 077; exec \"$@\"", "sh"));
        command.addAll(dev.ipc.cli.SelfCommand.of(arguments));
        return command;
    }

    private static void awaitFile(Path path) throws InterruptedException {
        long deadline = System.nanoTime() + ChildProcess.WAIT.toNanos();
        while (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            assertTrue(System.nanoTime() < deadline, "no " + path);
            Thread.sleep(20);
        }
    }

    @Test
    void bad_requests_are_usage_errors_and_make_nothing() throws IOException {
        CommandResult tooLong = send("echo", "x".repeat(4088));
        assertEquals(2, tooLong.exitCode());
        assertEquals("ipc: request too long: 4093 bytes of verb and argument, at most 4087\n", tooLong.err());
        assertEquals(new CommandResult(0, "x".repeat(4082) + "\n", ""), send("echo", "x".repeat(4082)));
        CommandResult newline = send("echo", "two\nlines");
        assertEquals(2, newline.exitCode());
        assertEquals(2, send("--count", "0", "ping").exitCode());
        assertEquals(2, send("--timeout", "-1s", "ping").exitCode());
        assertOnlyServerFifo();
    }

    private static void assertFalse(boolean condition) {
        org.junit.jupiter.api.Assertions.assertFalse(condition);
    }
}
