// The protocol's verbs: the reply to one request line, built in a reusable array, with no I/O.
package dev.ipc.fifo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * seq, echo, upper, ping and stats. A reply is written into {@link #reply()}, newline included; the common replies
 * allocate nothing. Only the serving thread calls it: the sequence is its state.
 */
final class Responder {
    /** seq reserves at most this many numbers at once. */
    static final long MAX_SEQUENCE_COUNT = 1_000_000_000L;

    private static final byte[] SEQ = ascii("seq");
    private static final byte[] ECHO = ascii("echo");
    private static final byte[] UPPER = ascii("upper");
    private static final byte[] PING = ascii("ping");
    private static final byte[] STATS = ascii("stats");
    private static final byte[] PONG = ascii("pong");

    private final byte[] reply = new byte[FifoProtocol.MAX_REPLY];
    private final ServerStats stats;
    private long nextSequence;
    /** The last reply built is an ERR. */
    private boolean refused;

    Responder(ServerStats stats) {
        this.stats = stats;
    }

    /** The reply to a WELL_FORMED or NOT_TEXT request, in reply()[0, returned length). */
    int answer(RequestLine request, RequestLine.Form form) {
        refused = false;
        int length = form == RequestLine.Form.NOT_TEXT ? error("request is not UTF-8 text") : verb(request);
        reply[length] = '\n';
        return length + 1;
    }

    /** The reply to a request longer than a request may be. */
    int tooLong() {
        refused = false;
        int length = error("request longer than " + FifoProtocol.MAX_REQUEST + " bytes");
        reply[length] = '\n';
        return length + 1;
    }

    /** Whether the last reply is an ERR. */
    boolean refused() {
        return refused;
    }

    byte[] reply() {
        return reply;
    }

    /** Builds the reply, without its newline; returns its length. */
    private int verb(RequestLine request) {
        byte[] input = request.bytes();
        int argumentStart = request.argumentStart();
        int end = request.end();
        if (request.verbIs(SEQ)) {
            long count = 1;
            if (request.hasArgument()) {
                count = parseCount(input, argumentStart, end);
                if (count < 1) {
                    return error("seq takes a count from 1 to " + MAX_SEQUENCE_COUNT + ", not '"
                            + Printable.excerpt(input, argumentStart, end) + "'");
                }
            }
            long first = nextSequence;
            nextSequence += count;
            return decimal(first);
        }
        if (request.verbIs(ECHO)) {
            System.arraycopy(input, argumentStart, reply, 0, end - argumentStart);
            return end - argumentStart;
        }
        if (request.verbIs(UPPER)) {
            return upper(input, argumentStart, end);
        }
        if (request.verbIs(PING)) {
            if (request.hasArgument()) {
                return error("ping takes no argument");
            }
            System.arraycopy(PONG, 0, reply, 0, PONG.length);
            return PONG.length;
        }
        if (request.verbIs(STATS)) {
            if (request.hasArgument()) {
                return error("stats takes no argument");
            }
            return text(stats.summary());
        }
        if (request.verbStart() == request.verbEnd()) {
            return error("no verb");
        }
        return error("unknown verb '" + Printable.excerpt(input, request.verbStart(), request.verbEnd()) + "'");
    }

    private int upper(byte[] input, int start, int end) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = input[i];
            if (b < 0) {
                ascii = false;
                break;
            }
            reply[i - start] = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
        }
        if (ascii) {
            return end - start;
        }
        // Rare: full Unicode rules, which may change the length (ß -> SS).
        String text = new String(input, start, end - start, StandardCharsets.UTF_8);
        return text(text.toUpperCase(Locale.ROOT));
    }

    private int error(String reason) {
        refused = true;
        return text("ERR " + reason);
    }

    /** Copies text into reply[]; one that does not fit in a reply becomes an error. */
    private int text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > FifoProtocol.MAX_REPLY - 1) {
            bytes = ascii("ERR reply longer than " + FifoProtocol.MAX_REPLY + " bytes");
        }
        System.arraycopy(bytes, 0, reply, 0, bytes.length);
        return bytes.length;
    }

    /** A count of 1 to MAX_SEQUENCE_COUNT in plain decimal, else -1. */
    private static long parseCount(byte[] input, int start, int end) {
        if (start == end || end - start > 10 || RequestLine.digits(input, start, end) != end - start) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (input[i] - '0');
        }
        return value <= MAX_SEQUENCE_COUNT ? value : -1;
    }

    /** Writes value in decimal at the start of reply[]; returns its length. */
    private int decimal(long value) {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            length++;
        }
        for (int i = length - 1; i >= 0; i--) {
            reply[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
