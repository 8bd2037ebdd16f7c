// ipc fifo serve with real processes and real FIFOs: the protocol, and everything a client or a neighbour can
// do to it (symbolic links, files, full FIFOs, garbage, clients that die, stale and live server FIFOs, signals).
package dev.ipc.fifo;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Mermaid;
import dev.ipc.libc.Native;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ipc.libc.FileConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(180)
class FifoServeTest {
    @TempDir
    Path tmp;

    private Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Made-up client pids: far above any real pid here, within what the protocol allows. */
    private int nextPid = 4_100_000;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    /** A server on tmp/fifo, started and listening. */
    private ChildProcess server(String... extra) {
        dir = tmp.resolve("fifo");
        List<String> args = new ArrayList<>(List.of("fifo", "serve", "--dir", dir.toString()));
        args.addAll(Arrays.asList(extra));
        ChildProcess server = closeLater(ChildProcess.ipc(args.toArray(String[]::new)));
        waitForFifo(dir.resolve("server.fifo"), server);
        return server;
    }

    /** Sends a request in pid's name and returns once the server has handled it. */
    private void handled(int pid, String request) {
        ProtocolClient.sendRaw(dir, (pid + " " + request + "\n").getBytes(StandardCharsets.UTF_8));
        client().sync();
    }

    private ProtocolClient client() {
        return closeLater(ProtocolClient.open(dir, nextPid++));
    }

    @Test
    void answers_every_verb_of_the_protocol() {
        server();
        ProtocolClient client = client();
        assertEquals("0", client.ask("seq"));
        assertEquals("1", client.ask("seq 5"));
        assertEquals("6", client.ask("seq 1"));
        assertEquals("hello  world", client.ask("echo hello  world"));
        assertEquals("", client.ask("echo"));
        assertEquals("HELLO, WÖRLD SS", client.ask("upper hello, wörld ß"));
        assertEquals("pong", client.ask("ping"));
        assertEquals("ERR unknown verb 'frobnicate'", client.ask("frobnicate now"));
        assertEquals("ERR seq takes a count from 1 to 1000000000, not '0'", client.ask("seq 0"));
        assertEquals("ERR seq takes a count from 1 to 1000000000, not '-3'", client.ask("seq -3"));
        assertEquals("ERR ping takes no argument", client.ask("ping pong"));
        assertEquals("ERR no verb", client.ask(" seq"));
        String stats = client.ask("stats");
        assertTrue(stats.matches("requests=13 clients=1 errors=5 dropped=0 uptime=\\d+\\.\\d{3}s"), stats);
    }

    @Test
    void many_concurrent_clients_each_get_exactly_their_own_replies() {
        server("--quiet");
        int perClient = 150;
        List<ChildProcess> sequences = new ArrayList<>();
        List<ChildProcess> echoes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sequences.add(closeLater(ChildProcess.ipc("fifo", "send", "--dir", dir.toString(), "--timeout", "30s",
                    "--count", Integer.toString(perClient), "seq")));
            echoes.add(closeLater(ChildProcess.ipc("fifo", "send", "--dir", dir.toString(), "--timeout", "30s",
                    "--count", Integer.toString(perClient), "echo", "client", Integer.toString(i))));
        }
        Set<Long> numbers = new HashSet<>();
        for (ChildProcess client : sequences) {
            String out = client.out();
            assertEquals(0, client.awaitExit(), client.err());
            List<String> lines = out.lines().toList();
            assertEquals(perClient, lines.size(), out);
            for (String line : lines) {
                assertTrue(numbers.add(Long.parseLong(line)), "sequence number " + line + " given twice");
            }
        }
        // Unique and gap-free: exactly 0 .. total-1 (the echo requests take no numbers).
        for (long n = 0; n < 4L * perClient; n++) {
            assertTrue(numbers.contains(n), "sequence number " + n + " missing");
        }
        for (int i = 0; i < echoes.size(); i++) {
            String out = echoes.get(i).out();
            assertEquals(0, echoes.get(i).awaitExit(), echoes.get(i).err());
            assertEquals(("client " + i + "\n").repeat(perClient), out);
        }
    }

    @Test
    void a_symbolic_link_in_place_of_a_client_fifo_is_never_followed() throws IOException {
        ChildProcess server = server();
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        int pid = nextPid++;
        Files.createSymbolicLink(ProtocolClient.fifoPath(dir, pid), victim);
        handled(pid, "echo overwritten");
        server.awaitErr("client " + pid + ": client." + pid + ".fifo is a symbolic link, not a FIFO; not followed");
        assertEquals("precious\n", Files.readString(victim));
    }

    @Test
    void a_client_fifo_replaced_by_a_symbolic_link_after_replies_is_never_followed() throws Exception {
        ChildProcess server = server();
        ProtocolClient client = client();
        assertEquals("first", client.ask("echo first")); // the server now holds client.PID.fifo open
        Path fifo = ProtocolClient.fifoPath(dir, client.pid());
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Files.delete(fifo);
        Files.createSymbolicLink(fifo, victim);
        client.send("echo soon");
        Thread.sleep(ReplyChannels.RECHECK_NANOS / 1_000_000 * 3);
        client.send("echo later");
        client().sync();
        server.awaitErr("client " + client.pid() + ": client." + client.pid() + ".fifo is a symbolic link");
        assertEquals("precious\n", Files.readString(victim));
        // A reply before the name was checked again may go to the FIFO we still hold (its reader is ours);
        // none after, and never to the file.
        List<String> got = new ArrayList<>();
        while (client.readable(0)) {
            got.add(client.reply());
        }
        assertFalse(got.contains("later"), got.toString());
    }

    @Test
    void a_regular_file_in_place_of_a_client_fifo_is_never_written() throws IOException {
        ChildProcess server = server();
        int pid = nextPid++;
        Path file = Files.writeString(ProtocolClient.fifoPath(dir, pid), "untouched\n");
        handled(pid, "echo written");
        server.awaitErr("client " + pid + ": client." + pid + ".fifo is a regular file, not a FIFO; not written");
        assertEquals("untouched\n", Files.readString(file));
    }

    @Test
    void a_client_fifo_of_another_user_is_not_written() throws Exception {
        Assumptions.assumeTrue(Isolation.isRoot(), "needs root to give a FIFO to another user");
        ChildProcess server = server();
        ProtocolClient stranger = client();
        Files.setAttribute(ProtocolClient.fifoPath(dir, stranger.pid()), "unix:uid", 4242);
        stranger.send("echo secret");
        client().sync();
        server.awaitErr("client " + stranger.pid() + ": client." + stranger.pid()
                + ".fifo belongs to uid 4242, not to uid 0; not written");
        assertFalse(stranger.readable(0));
    }

    @Test
    void a_shared_server_writes_only_into_fifos_of_the_user_running_the_named_process() throws IOException {
        Assumptions.assumeTrue(Isolation.isRoot(), "needs root to give a FIFO to another user");
        ChildProcess server = server("--shared");
        // Real processes of ours (uid 0) to name in requests: in shared mode the pid must be a live process.
        ChildProcess first = closeLater(ChildProcess.start(List.of("sleep", "600")));
        ChildProcess second = closeLater(ChildProcess.start(List.of("sleep", "600")));
        ProtocolClient ours = closeLater(ProtocolClient.open(dir, (int) first.pid()));
        assertEquals("pong", ours.ask("ping"));
        ProtocolClient planted = closeLater(ProtocolClient.open(dir, (int) second.pid()));
        Files.setAttribute(ProtocolClient.fifoPath(dir, planted.pid()), "unix:uid", 4242);
        planted.send("echo secret");
        int gone = nextPid++;
        closeLater(ProtocolClient.open(dir, gone)).send("ping");
        ours.sync();
        server.awaitErr("client " + planted.pid() + ": client." + planted.pid() + ".fifo belongs to uid 4242, "
                + "not to uid 0 \\(the user of process " + planted.pid() + "\\); not written");
        server.awaitErr("client " + gone + ": no such process; reply dropped");
        assertFalse(planted.readable(0));
    }

    @Test
    void a_client_that_does_not_read_its_replies_cannot_block_the_server() {
        ChildProcess server = server();
        ProtocolClient sleeper = client();
        String text = "x".repeat(1000);
        // 200 replies of 1 KB into a 64 KiB FIFO nobody reads: most find it full.
        for (int i = 0; i < 200; i++) {
            sleeper.send("echo " + text);
        }
        ProtocolClient other = client();
        other.sync();
        server.awaitErr("client " + sleeper.pid() + " is not reading its replies \\(client." + sleeper.pid()
                + ".fifo is full\\); reply dropped");
        Matcher stats = Pattern.compile("dropped=(\\d+)").matcher(other.ask("stats"));
        assertTrue(stats.find());
        assertTrue(Long.parseLong(stats.group(1)) >= 200 - 65536 / 1001, stats.group());
    }

    @Test
    void garbage_and_malformed_requests_are_logged_counted_and_skipped() {
        ChildProcess server = server();
        ProtocolClient client = client();
        byte[][] garbage = {
                "ping\n".getBytes(StandardCharsets.US_ASCII),                   // no pid
                "abc ping\n".getBytes(StandardCharsets.US_ASCII),               // pid not a number
                "-5 ping\n".getBytes(StandardCharsets.US_ASCII),                // not a pid
                "0 ping\n".getBytes(StandardCharsets.US_ASCII),                 // no such pid
                "99999999 ping\n".getBytes(StandardCharsets.US_ASCII),          // beyond any pid
                {0, (byte) 0xff, (byte) 0xfe, 1, 2, '\n'},                      // binary
                (client.pid() + " echo \u0000\u0001\n").getBytes(StandardCharsets.ISO_8859_1),
                (client.pid() + " echo \u00ff\n").getBytes(StandardCharsets.ISO_8859_1), // not UTF-8
        };
        for (byte[] bytes : garbage) {
            ProtocolClient.sendRaw(dir, bytes);
        }
        assertEquals("ERR request is not UTF-8 text", client.reply());
        assertEquals("ERR request is not UTF-8 text", client.reply());
        client.sync();
        assertEquals(6, server.awaitErrCount("malformed request", 6).size(), server.err());
        assertEquals(2, server.awaitErrCount("request is not UTF-8 text", 2).size(), server.err());
        server.awaitErr("malformed request \\(no pid\\), ignored: \\\\x00\\\\xff\\\\xfe\\\\x01\\\\x02");
        server.awaitErr("malformed request \\(pid out of range\\), ignored: 99999999 ping");
        assertTrue(client.ask("stats").startsWith("requests=4 clients=1 errors=8 "));
    }

    @Test
    void an_oversize_request_is_refused_and_the_server_goes_on() {
        ChildProcess server = server();
        ProtocolClient client = client();
        String prefix = client.pid() + " echo ";
        // Exactly 4096 bytes with the newline: the longest request there is.
        String longest = "y".repeat(4096 - prefix.length() - 1);
        assertEquals(longest, client.ask("echo " + longest));
        client.send("echo " + longest + "z");
        assertEquals("ERR request longer than 4096 bytes", client.reply());
        // Longer than a read returns at once: the rest of the line is skipped, not taken for requests.
        client.send("echo " + "w".repeat(100_000) + " " + client.pid() + " echo not a request");
        assertEquals("ERR request longer than 4096 bytes", client.reply());
        client.sync();
        assertFalse(client.readable(0));
        assertEquals(2, server.awaitErrCount("request longer than 4096 bytes from client " + client.pid(), 2).size(),
                server.err());
    }

    /**
     * A client dies while its request waits in the server's FIFO. A shell client speaks the protocol, sends,
     * then sleeps instead of reading; the stopped server sees the request only once the client is dead.
     */
    @Test
    void a_client_killed_mid_request_costs_only_its_own_reply() {
        ChildProcess server = server();
        String script = "mkfifo \"$0/client.$$.fifo\" && exec 3<>\"$0/client.$$.fifo\" && "
                + "echo \"$$ seq\" > \"$0/server.fifo\" && echo sent >&2 && exec sleep 600";
        server.signal("STOP");
        ChildProcess shell = closeLater(ChildProcess.start(List.of("sh", "-c", script, dir.toString())));
        shell.awaitErr("^sent$");
        shell.signal("KILL");
        shell.awaitExit();
        server.signal("CONT");
        server.awaitErr("client " + shell.pid() + ": nobody reads client." + shell.pid()
                + ".fifo \\(the client is gone\\?\\); reply dropped");
        ProtocolClient other = client();
        assertEquals("1", other.ask("seq"));
    }

    @Test
    void a_client_killed_between_requests_costs_only_its_own_reply() throws IOException {
        ChildProcess server = server();
        // Reads one reply (the server keeps its FIFO open), sends again when told to (a file appears), sleeps.
        Path go = tmp.resolve("go");
        String script = "mkfifo \"$0/client.$$.fifo\" && exec 3<>\"$0/client.$$.fifo\" && "
                + "echo \"$$ ping\" > \"$0/server.fifo\" && read -r reply <&3 && echo \"got $reply\" >&2 && "
                + "while [ ! -e \"$1\" ]; do sleep 0.05; done && "
                + "echo \"$$ ping\" > \"$0/server.fifo\" && echo sent >&2 && exec sleep 600";
        ChildProcess shell = closeLater(ChildProcess.start(List.of("sh", "-c", script, dir.toString(),
                go.toString())));
        shell.awaitErr("^got pong$");
        server.signal("STOP");
        Files.createFile(go);
        shell.awaitErr("^sent$");
        shell.signal("KILL");
        shell.awaitExit();
        server.signal("CONT");
        server.awaitErr("client " + shell.pid() + ": nobody reads client." + shell.pid() + ".fifo");
        client().sync();
    }

    @Test
    void sigterm_while_waiting_for_requests_removes_the_fifo_and_exits_0() {
        ChildProcess server = server();
        client().sync();
        server.signal("TERM");
        assertEquals(0, server.awaitExit(), server.err());
        server.awaitErr("stopping \\(SIGTERM\\): requests=1 clients=1 errors=0 dropped=0 uptime=");
        assertFalse(Files.exists(dir.resolve("server.fifo"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void sigint_stops_it_the_same_way() {
        ChildProcess server = server();
        server.signal("INT");
        assertEquals(0, server.awaitExit(), server.err());
        server.awaitErr("stopping \\(SIGINT\\)");
        assertFalse(Files.exists(dir.resolve("server.fifo"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void a_second_server_on_the_same_folder_refuses_at_once() {
        server();
        ChildProcess second = closeLater(ChildProcess.ipc("fifo", "serve", "--dir", dir.toString()));
        assertEquals(1, second.awaitExit());
        assertEquals("ipc: a server is already running on " + dir.resolve("server.fifo") + " (it holds the lock on "
                + dir + ")", second.err());
        client().sync(); // the first one still serves, on its own FIFO
    }

    @Test
    void a_server_fifo_someone_reads_is_a_live_server_and_left_alone() throws Exception {
        dir = Files.createDirectory(tmp.resolve("fifo"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path fifo = dir.resolve("server.fifo");
        Native.check("mkfifo", Native.libc().mkfifoat(AT_FDCWD, fifo.toString(), 0600));
        // Another kind of server (the C reference, say) that takes no lock: it reads the FIFO.
        int reader = Native.check("open", Native.libc().open(fifo.toString(), O_RDONLY | O_NONBLOCK, 0));
        try {
            CommandResult result = Ipc.run("fifo", "serve", "--dir", dir.toString());
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals("ipc: a server is already running on " + fifo + "\n", result.err());
            assertTrue(Files.exists(fifo));
        } finally {
            Native.libc().close(reader);
        }
    }

    @Test
    void a_stale_server_fifo_is_replaced() throws IOException {
        dir = Files.createDirectory(tmp.resolve("fifo"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Native.check("mkfifo", Native.libc().mkfifoat(AT_FDCWD, dir.resolve("server.fifo").toString(), 0600));
        ChildProcess server = server();
        server.awaitErr("replaced " + Pattern.quote(dir.resolve("server.fifo").toString())
                + ", left by a server that is gone");
        client().sync();
    }

    @Test
    void a_server_whose_fifo_is_removed_stops_with_a_failure() throws IOException {
        ChildProcess server = server();
        Files.delete(dir.resolve("server.fifo"));
        assertEquals(1, server.awaitExit(), server.err());
        server.awaitErr("^ipc: server.fifo was removed or replaced: no client can reach the server; stopped after "
                + "requests=0 ");
    }

    @Test
    void requests_n_ends_the_server_after_n_requests() {
        ChildProcess server = server("--requests", "2");
        ProtocolClient client = client();
        assertEquals("0", client.ask("seq"));
        assertEquals("pong", client.ask("ping"));
        assertEquals(0, server.awaitExit(), server.err());
        server.awaitErr("stopping \\(served 2 requests\\)");
        assertFalse(Files.exists(dir.resolve("server.fifo")));
    }

    @Test
    void diagram_draws_each_request_read_and_each_reply_written_in_order() {
        ChildProcess server = server("--diagram", "--requests", "3");
        ProtocolClient client = client();
        ProtocolClient.sendRaw(dir, "garbage\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("0", client.ask("seq"));
        assertEquals("hi", client.ask("echo hi"));
        assertEquals("pong", client.ask("ping"));
        assertEquals(0, server.awaitExit(), server.err());
        Mermaid d = Mermaid.parse(server.out());
        String me = d.participants().get("P1");
        assertTrue(me.matches("server\\[\\d+\\]"), d.toString());
        String fifo = dir.resolve("server.fifo").toString();
        String own = ProtocolClient.fifoPath(dir, client.pid()).toString();
        assertEquals(List.of(me, fifo, own), List.copyOf(d.participants().values()), "server, its FIFO, the client's");
        List<Mermaid.Arrow> reads = d.arrows().stream().filter(a -> a.dashed() && a.from().equals(fifo)).toList();
        assertEquals(4, reads.size(), "every line read, the garbage too: " + d);
        assertTrue(reads.get(0).text().contains("garbage"), reads.toString());
        List<Mermaid.Arrow> writes = d.arrows().stream().filter(a -> a.to().equals(own)).toList();
        assertEquals(List.of("write(\"0\\n\", 2) = 2", "write(\"hi\\n\", 3) = 3", "write(\"pong\\n\", 5) = 5"),
                writes.stream().map(Mermaid.Arrow::text).toList(), "a reply per request, in order");
        List<String> order = d.arrows().stream().filter(a -> a.from().equals(fifo) || a.to().equals(own))
                .map(a -> a.from().equals(fifo) ? "read" : "write").toList();
        assertEquals(List.of("read", "read", "write", "read", "write", "read", "write"), order);
        assertEquals(1, d.notes().stream().filter(n -> n.startsWith("malformed request (no pid)")).count(), d::toString);
        assertTrue(d.notes().get(d.notes().size() - 1).startsWith("stopped (served 3 requests): requests=3 clients=1 "
                + "errors=1 dropped=0"), d::toString);
    }

    @Test
    void idle_timeout_ends_the_server_after_a_quiet_spell() {
        ChildProcess server = server("--idle-timeout", "300ms");
        assertEquals(0, server.awaitExit(), server.err());
        server.awaitErr("stopping \\(no request for 300ms\\)");
        assertFalse(Files.exists(dir.resolve("server.fifo")));
    }

    @Test
    void verbose_logs_every_request_and_quiet_only_problems() {
        ChildProcess verbose = server("--verbose", "--requests", "1");
        ProtocolClient client = client();
        assertEquals("HI", client.ask("upper hi"));
        verbose.awaitErr("client " + client.pid() + ": upper hi -> HI$");
        assertEquals(0, verbose.awaitExit());
        client.close();

        dir = tmp.resolve("quiet");
        ChildProcess quiet = closeLater(ChildProcess.ipc("fifo", "serve", "--dir", dir.toString(), "--quiet",
                "--requests", "2"));
        waitForFifo(dir.resolve("server.fifo"), quiet);
        ProtocolClient.sendRaw(dir, "nonsense\n".getBytes(StandardCharsets.US_ASCII));
        ProtocolClient second = client();
        second.sync();
        assertEquals("pong", second.ask("ping"));
        assertEquals(0, quiet.awaitExit());
        quiet.awaitErr("malformed request \\(no pid\\), ignored: nonsense");
        assertEquals(1, quiet.err().lines().count(), quiet.err());
    }

    @Test
    void an_unsafe_folder_is_refused_before_anything_is_made() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("target"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        CommandResult viaLink = Ipc.run("fifo", "serve", "--dir", link.toString());
        assertEquals(1, viaLink.exitCode());
        assertEquals("ipc: " + link + " is a symbolic link; refusing to follow it\n", viaLink.err());

        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxr-x"));
        CommandResult groupWritable = Ipc.run("fifo", "serve", "--dir", open.toString());
        assertEquals(1, groupWritable.exitCode());
        assertEquals("ipc: " + open + " is writable by group or others (mode 0775); refusing to use it "
                + "(--shared makes a folder for a group)\n", groupWritable.err());

        assertEquals(List.of(), listing(target));
        assertEquals(List.of(), listing(open));
        if (Isolation.isRoot()) {
            Path foreign = Files.createDirectory(tmp.resolve("foreign"));
            Files.setAttribute(foreign, "unix:uid", 4242);
            CommandResult notOurs = Ipc.run("fifo", "serve", "--dir", foreign.toString());
            assertEquals(1, notOurs.exitCode());
            assertEquals("ipc: " + foreign + " belongs to uid 4242, not to you (uid 0); refusing to use it\n",
                    notOurs.err());
        }
    }

    @Test
    void an_existing_folder_that_holds_other_files_is_refused_and_left_as_it_was() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.writeString(home.resolve("notes.txt"), "mine\n");
        Native.check("mkfifo", Native.libc().mkfifoat(AT_FDCWD, home.resolve("client.12.fifo").toString(), 0600));
        for (List<String> mode : List.of(List.<String>of(), List.of("--shared"))) {
            List<String> args = new ArrayList<>(List.of("fifo", "serve", "--dir", home.toString()));
            args.addAll(mode);
            CommandResult result = Ipc.run(args.toArray(String[]::new));
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals("ipc: " + home + " holds a file that no FIFO server made ('notes.txt'); refusing to use it: "
                    + "give a new or empty folder\n", result.err());
            assertEquals(List.of(home.resolve("client.12.fifo"), home.resolve("notes.txt")),
                    listing(home).stream().sorted().toList());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)), mode.toString());
        }
        // A regular file under a server's name is not the server's either.
        Path planted = Files.createDirectory(tmp.resolve("planted"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.writeString(planted.resolve("server.fifo"), "data\n");
        Files.writeString(planted.resolve("client.7.fifo"), "data\n");
        CommandResult result = Ipc.run("fifo", "serve", "--dir", planted.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("ipc: " + planted + " holds 2 files that no FIFO server made ('client.7.fifo', ...); refusing "
                + "to use it: give a new or empty folder\n", result.err());
        assertEquals("data\n", Files.readString(planted.resolve("server.fifo")));
    }

    @Test
    void a_system_folder_is_never_taken_as_the_servers_home() {
        Assumptions.assumeTrue(Isolation.isRoot(), "/etc is ours only as root");
        CommandResult result = Ipc.run("fifo", "serve", "--dir", "/etc");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("ipc: /etc holds "), result.err());
        assertFalse(Files.exists(Path.of("/etc/server.fifo"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void a_folder_others_can_read_is_refused() throws Exception {
        Path readable = Files.createDirectory(tmp.resolve("readable"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        CommandResult result = Ipc.run("fifo", "serve", "--dir", readable.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("ipc: " + readable + " is readable by group or others (mode 0755); refusing to use it "
                + "(chmod 700 it, or --shared for a group)\n", result.err());
        assertEquals(List.of(), listing(readable));
    }

    @Test
    void a_folder_holding_only_fifos_a_server_left_is_served() throws Exception {
        dir = Files.createDirectory(tmp.resolve("fifo"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Native.check("mkfifo", Native.libc().mkfifoat(AT_FDCWD, dir.resolve("client.99.fifo").toString(), 0600));
        ChildProcess server = server();
        client().sync();
        assertTrue(server.process().isAlive(), server.err());
    }

    @Test
    void an_empty_folder_name_is_a_usage_error_for_every_fifo_command() {
        for (String[] line : List.of(new String[] {"fifo", "serve", "--dir", ""},
                new String[] {"fifo", "send", "--dir", "", "ping"},
                new String[] {"fifo", "bench", "--dir", "", "--requests", "1"})) {
            CommandResult result = Ipc.run(line);
            assertEquals(2, result.exitCode(), result.toString());
            assertEquals("ipc: invalid --dir '': an empty folder name (leave --dir out for the default folder)\n",
                    result.err());
        }
    }

    @Test
    void bad_options_are_usage_errors() {
        CommandResult noDir = Ipc.run("fifo", "serve", "--shared");
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().startsWith("ipc: --shared needs --dir DIR"), noDir.err());
        CommandResult badTimeout = Ipc.run("fifo", "serve", "--dir", tmp.toString(), "--idle-timeout", "soon");
        assertEquals(2, badTimeout.exitCode());
        assertTrue(badTimeout.err().startsWith("ipc: invalid --idle-timeout 'soon'"), badTimeout.err());
        CommandResult both = Ipc.run("fifo", "serve", "--quiet", "--verbose");
        assertEquals(2, both.exitCode());
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    /** Until someone reads the FIFO: a non-blocking open for writing succeeds. */
    private static void waitForFifo(Path fifo, ChildProcess server) {
        long deadline = System.nanoTime() + ChildProcess.WAIT.toNanos();
        int fd;
        while ((fd = Native.libc().open(fifo.toString(), O_WRONLY | O_NONBLOCK | O_CLOEXEC, 0)) < 0) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("nobody reads " + fifo + "; server stderr:\n" + server.err());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        Native.libc().close(fd);
    }
}
