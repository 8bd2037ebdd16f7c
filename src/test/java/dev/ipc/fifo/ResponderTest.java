// The FIFO protocol on byte arrays, without a server: framing of reads into lines, the request view, every verb's
// reply, and that answering the common requests allocates nothing.
package dev.ipc.fifo;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponderTest {
    private final ServerStats stats = new ServerStats(System.nanoTime());
    private final Responder responder = new Responder(stats);
    private final RequestLine request = new RequestLine();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The reply to one request line, newline included, as the server would write it. */
    private String ask(byte[] line) {
        RequestLine.Form form = request.read(line, 0, line.length);
        assertTrue(form == RequestLine.Form.WELL_FORMED || form == RequestLine.Form.NOT_TEXT, form.toString());
        stats.served(request.pid());
        int length = responder.answer(request, form);
        return new String(responder.reply(), 0, length, StandardCharsets.UTF_8);
    }

    private String ask(String line) {
        return ask(bytes(line));
    }

    @Test
    void seq_hands_out_consecutive_numbers_and_reserves_counts() {
        assertEquals("0\n", ask("42 seq"));
        assertEquals("1\n", ask("43 seq 1000"));
        assertEquals("1001\n", ask("42 seq"));
        assertFalse(responder.refused());
        assertEquals("ERR seq takes a count from 1 to 1000000000, not '0'\n", ask("42 seq 0"));
        assertTrue(responder.refused());
        assertEquals("ERR seq takes a count from 1 to 1000000000, not '1000000001'\n", ask("42 seq 1000000001"));
        assertEquals("ERR seq takes a count from 1 to 1000000000, not '-1'\n", ask("42 seq -1"));
        assertEquals("1002\n", ask("42 seq"), "a refused seq reserves nothing");
    }

    @Test
    void echo_upper_ping_and_stats_answer_as_the_protocol_says() {
        assertEquals("hello  world\n", ask("7 echo hello  world"));
        assertEquals("\n", ask("7 echo"));
        assertEquals("ABC-Z 1\n", ask("7 upper abc-z 1"));
        assertEquals("STRASSE É\n", ask("7 upper straße é"), "full Unicode rules when the text is not ASCII");
        assertEquals("pong\n", ask("7 ping"));
        assertEquals("ERR ping takes no argument\n", ask("7 ping x"));
        assertEquals("ERR stats takes no argument\n", ask("7 stats x"));
        String stats = ask("8 stats");
        assertTrue(stats.matches("requests=8 clients=2 errors=0 dropped=0 uptime=\\d+\\.\\d{3}s\n"), stats);
    }

    @Test
    void unknown_verbs_missing_verbs_and_non_text_are_refused() {
        assertEquals("ERR unknown verb 'SEQ'\n", ask("5 SEQ"));
        assertTrue(responder.refused());
        assertEquals("ERR no verb\n", ask("5 "));
        assertEquals("ERR request is not UTF-8 text\n", ask(new byte[] {'5', ' ', 'e', 'c', 'h', 'o', ' ', (byte) 0xff}));
        assertEquals("ERR request longer than 4096 bytes\n",
                new String(responder.reply(), 0, responder.tooLong(), StandardCharsets.UTF_8));
        assertEquals("pong\n", ask("5 ping"));
        assertFalse(responder.refused(), "the flag is for the last reply only");
    }

    @Test
    void the_request_view_finds_the_pid_and_classifies_the_line() {
        assertEquals(RequestLine.Form.NO_PID, read("ping"));
        assertEquals(RequestLine.Form.NO_PID, read("042 ping"), "a pid has no leading zero");
        assertEquals(RequestLine.Form.NO_PID, read("42"), "a pid is followed by a space");
        assertEquals(RequestLine.Form.PID_OUT_OF_RANGE, read("4194305 ping"));
        assertEquals(RequestLine.Form.PID_OUT_OF_RANGE, read("12345678 ping"));
        assertEquals(RequestLine.Form.WELL_FORMED, read("4194304 echo a b"));
        assertEquals(4194304, request.pid());
        assertTrue(request.verbIs(bytes("echo")));
        assertTrue(request.hasArgument());
        assertEquals("a b", new String(request.bytes(), request.argumentStart(), request.end() - request.argumentStart(),
                StandardCharsets.UTF_8));
        assertEquals(RequestLine.Form.NOT_TEXT, read("1 echo \u0001"));
    }

    private RequestLine.Form read(String line) {
        byte[] b = bytes(line);
        return request.read(b, 0, b.length);
    }

    /** Feeds each chunk as one read and lists what the framing hands out: lines as text, over-long ones as "TOO LONG". */
    private static List<String> frame(int maxLine, String... reads) {
        LineFraming framing = new LineFraming(64, maxLine);
        ByteBuffer area = ByteBuffer.allocate(64);
        List<String> found = new ArrayList<>();
        for (String read : reads) {
            byte[] chunk = bytes(read);
            area.put(0, chunk);
            framing.append(area, chunk.length);
            for (LineFraming.Found next = framing.next(); next != LineFraming.Found.NONE; next = framing.next()) {
                found.add(next == LineFraming.Found.TOO_LONG ? "TOO LONG"
                        : new String(framing.bytes(), framing.start(), framing.end() - framing.start(),
                        StandardCharsets.UTF_8));
            }
            if (framing.endOfRead() >= 0) {
                found.add("TOO LONG (unfinished)");
            }
        }
        return found;
    }

    @Test
    void framing_joins_lines_cut_by_reads_and_skips_empty_ones() {
        assertEquals(List.of("1 ping", "2 echo ab", "3 seq"), frame(16, "1 ping\n\n2 ec", "ho a", "b\n3 seq\n"));
    }

    @Test
    void framing_reports_an_over_long_line_once_and_skips_to_its_newline() {
        // maxLine counts the newline: 8 bytes of text and a newline is one too many
        assertEquals(List.of("1234567", "TOO LONG", "1 ping"), frame(8, "1234567\n12345678\n1 ping\n"));
        assertEquals(List.of("TOO LONG (unfinished)", "1 ping"), frame(8, "123456789", "abc", "def\n1 ping\n"));
    }

    @Test
    void answering_the_common_requests_allocates_nothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[][] lines = {bytes("1 seq"), bytes("2 seq 10"), bytes("3 echo some text"), bytes("4 upper abc"),
                bytes("5 ping")};
        for (int round = 0; round < 20_000; round++) {
            answerAll(lines);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < 20_000; round++) {
            answerAll(lines);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // 100,000 requests: one small object each would be megabytes
        assertTrue(allocated < 10_000, allocated + " bytes allocated");
    }

    private void answerAll(byte[][] lines) {
        for (byte[] line : lines) {
            RequestLine.Form form = request.read(line, 0, line.length);
            stats.served(request.pid());
            responder.answer(request, form);
        }
    }
}
