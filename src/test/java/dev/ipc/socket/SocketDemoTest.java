// ipc socket demo: streams lose boundaries, datagrams keep them, the three addresses, the peer's credentials and a
// passed descriptor, checked in the transcript, the trace, the JSON and the diagram; nothing is left behind.
package dev.ipc.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Mermaid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SocketDemoTest {
    private static Set<String> demoFolders() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("ipc-socket-demo."))
                    .collect(Collectors.toSet());
        }
    }

    private static boolean abstractNamesLeft() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/net/unix"))) {
            return lines.anyMatch(line -> line.contains(" @ipc-socket-demo." + ProcessHandle.current().pid()));
        }
    }

    @Test
    void socket_demo_passes_every_check_and_leaves_nothing_behind() throws IOException {
        Set<String> before = demoFolders();
        CommandResult r = Ipc.run("socket", "demo");
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.out();
        assertTrue(out.endsWith("\nThe kernel behaved as the documents say.\n"), out);
        assertFalse(out.contains("  FAIL  "), out);
        assertTrue(out.contains("one read() returned all 16 bytes, \"firstsecondthird\""), out);
        assertTrue(out.contains("  ok    a byte stream keeps no message boundaries: 3 writes came out of 1 read"), out);
        assertTrue(out.contains("  ok    datagrams through a socket pair keep each message whole: 3 sent, 3 received"),
                out);
        assertTrue(out.contains("  ok    the socket file stays after the socket is closed, until it is unlinked"), out);
        assertTrue(out.contains("  ok    SO_PEERCRED gives the peer's pid, uid and gid"), out);
        assertTrue(out.contains("  ok    SCM_RIGHTS passes a descriptor"), out);
        assertTrue(out.contains("  ok    bind() to port 0 lets the kernel pick a free port"), out);
        assertEquals("", r.err(), "nothing on stderr without --trace");
        assertEquals(before, demoFolders(), "socket files or folders left behind");
        assertFalse(abstractNamesLeft(), "an abstract socket left bound");
    }

    @Test
    void json_shows_one_read_for_the_stream_and_one_per_message_for_every_datagram_socket() throws IOException {
        CommandResult r = Ipc.run("socket", "demo", "--json", "-m", "alpha", "-m", "beta", "-m", "gamma", "-m", "d");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("ok").asBoolean(), r::toString);
        List<String> messages = List.of("alpha", "beta", "gamma", "d");
        assertEquals(List.of("alphabetagammad"), strings(json.at("/stream/reads")));
        assertEquals(messages, strings(json.at("/datagram_pair/reads")));
        assertEquals(messages, strings(json.at("/path/reads")));
        assertEquals(messages, strings(json.at("/udp/reads")));
        assertTrue(json.at("/path/left_after_close").asBoolean());
        assertTrue(json.at("/abstract/gone_after_close").asBoolean());
        long child = json.at("/abstract/child_pid").asLong();
        assertEquals(child, json.at("/abstract/peer_credentials/pid").asLong(), "SO_PEERCRED names the child");
        assertEquals(json.at("/abstract/child_credentials"), json.at("/abstract/peer_credentials"));
        assertTrue(json.at("/udp/port").asInt() > 0);
        assertEquals(SocketDemoCommand.NOTE, json.at("/abstract/passed_fd_read").asText());
        assertEquals(0, json.get("failures").size());
        for (JsonNode check : json.get("checks")) {
            assertTrue(check.get("ok").asBoolean(), check::toString);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    @Test
    void trace_writes_every_call_on_stderr_in_strace_notation() {
        CommandResult r = Ipc.run("socket", "demo", "--trace", "-m", "x", "-m", "y");
        assertEquals(0, r.exitCode(), r::toString);
        String err = r.err();
        assertTrue(err.contains("parent: socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, ["), err);
        assertTrue(Pattern.compile("parent: read\\(\\d+, \"xy\", 4096\\) = 2").matcher(err).find(), err);
        assertTrue(err.contains("recvfrom(") && err.contains("= -1 EAGAIN (Resource temporarily unavailable)"), err);
        Matcher peer = Pattern.compile("peer\\[(\\d+)\\]: connect\\(\\d+, \\{sa_family=AF_UNIX, sun_path=@\"ipc-socket-"
                + "demo\\.\\d+\"\\}, \\d+\\) = 0").matcher(err);
        assertTrue(peer.find(), err);
        assertTrue(err.contains("SO_PEERCRED, {pid=" + peer.group(1) + ", "), err);
        assertTrue(err.contains("cmsg_type=SCM_RIGHTS"), err);
        assertTrue(err.contains("sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")"), err);
        assertFalse(r.out().contains("call: "), "calls go to stderr, not into the transcript");
    }

    @Test
    void diagram_draws_this_run_an_arrow_per_message_and_a_note_per_check() {
        CommandResult r = Ipc.run("socket", "demo", "--diagram", "-m", "m1", "-m", "m2", "-m", "m3", "-m", "m4",
                "-m", "m5");
        assertEquals(0, r.exitCode(), r::toString);
        Mermaid d = Mermaid.parse(r.out());
        assertEquals(5, d.count("parent[", "stream socket pair", "write("), "a write arrow per message into the stream");
        assertEquals(1, d.count("parent[", "stream socket pair", "read("), "and one read");
        assertEquals(5, d.count("parent[", "datagram socket pair", "write("));
        assertEquals(6, d.count("parent[", "datagram socket pair", "recvfrom("), "a read per message, then EAGAIN");
        assertEquals(5, d.count("parent[", "socket /", "sendto("), "a sendto per message to the path");
        assertEquals(5, d.count("parent[", "UDP socket on 127.0.0.1", "sendto("), "and over UDP");
        assertEquals(1, d.participantsStartingWith("peer["));
        assertEquals(1, d.count("peer[", "connection to @ipc-socket-demo.", "connect("));
        assertEquals(1, d.count("peer[", "connection to @ipc-socket-demo.", "sendmsg("));
        assertEquals(1, d.count("peer[", "parent[", "exit status 0"));
        assertEquals(13, d.notes().size(), "a note per check");
        assertTrue(d.notes().stream().allMatch(note -> note.startsWith("ok: ")), d.notes()::toString);
        assertFalse(r.out().contains("what it does, and why"), "the diagram replaces the transcript");
    }

    @Test
    void bad_options_are_usage_errors_with_one_line() {
        CommandResult both = Ipc.run("socket", "demo", "--json", "--diagram");
        assertEquals(2, both.exitCode(), both::toString);
        assertEquals(1, both.err().lines().count(), both::toString);
        assertEquals(2, Ipc.run("socket", "demo", "-m", "").exitCode());
        assertEquals(2, Ipc.run("socket", "demo", "--timeout", "soon").exitCode());
        assertEquals(2, Ipc.run("socket", "demo", "--role", "server").exitCode());
    }
}
