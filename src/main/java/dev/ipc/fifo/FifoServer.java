// The FIFO server: reads requests in bulk from DIR/server.fifo, answers each on its client's FIFO.
package dev.ipc.fifo;

import dev.ipc.cli.IpcException;
import dev.ipc.sys.Errno;
import dev.ipc.sys.FileStatus;
import dev.ipc.sys.Native;
import dev.ipc.sys.Pointer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Locale;

/**
 * One read() returns every request waiting in the FIFO (up to 64 KiB, the pipe's capacity); the lines are
 * parsed as bytes in place and each reply is built in a reusable buffer, so answering a request allocates
 * nothing and costs one write() when the client's FIFO is already open (see {@link ReplyChannels}).
 * Stopping (a signal, --requests, --idle-timeout) only sets a flag; a thread that asks for a stop also writes
 * an empty line into the FIFO, which wakes the blocked read.
 */
final class FifoServer {
    /** How the server was asked to stop, for the log. */
    private volatile String stopReason;
    /** The stop is a failure: the server could not go on. */
    private volatile boolean failed;

    private final ServerLog log;
    private final RequestFifo requests;
    private final ReplyChannels replies;
    private final long maxRequests;
    private final long startNanos = System.nanoTime();

    /** Read straight into native memory, then copied once into the array the parser works on. */
    private final ByteBuffer readArea = ByteBuffer.allocateDirect(READ_SIZE);
    private final Pointer readPointer;
    private final byte[] input = new byte[READ_SIZE + FifoProtocol.MAX_REQUEST];
    private final byte[] reply = new byte[FifoProtocol.MAX_REPLY];
    private final ByteBuffer replyArea = ByteBuffer.allocateDirect(FifoProtocol.MAX_REPLY);
    private final Pointer replyPointer;

    /** The rest of a line longer than a request may be is being skipped. */
    private boolean skipping;
    /** System.nanoTime() when the batch of requests in hand was read. */
    private long now;
    private volatile long lastRequestNanos = startNanos;
    private volatile int openClientFifos;

    /** The reply being built is an ERR. */
    private boolean answeredError;
    private long nextSequence;
    private long served;
    private long errors;
    private long dropped;
    private final BitSet clientsSeen = new BitSet();
    private long clients;

    /** The most a read can return when the FIFO has its default size. */
    static final int READ_SIZE = 65536;

    FifoServer(RequestFifo requests, ReplyChannels replies, ServerLog log, long maxRequests) {
        this.requests = requests;
        this.replies = replies;
        this.log = log;
        this.maxRequests = maxRequests;
        this.readPointer = Pointer.wrap(readArea);
        this.replyPointer = Pointer.wrap(replyArea);
    }

    /** Asks the loop to stop after the requests in hand; callable from any thread. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        requests.wake();
    }

    /** Stops because the server cannot go on: the command then exits with a failure. */
    void fail(String reason) {
        if (stopReason == null) {
            failed = true;
        }
        stop(reason);
    }

    boolean failed() {
        return failed;
    }

    /** Whether clients can still reach us: server.fifo is still ours. */
    boolean reachable(FileStatus status) {
        return requests.stillNamed(status);
    }

    /** Pokes the loop (from a timer thread) so that it can close idle client FIFOs while no requests come. */
    void poke() {
        requests.wake();
    }

    boolean stopping() {
        return stopReason != null;
    }

    long lastRequestNanos() {
        return lastRequestNanos;
    }

    /** How many client FIFOs the server holds open, as of its last batch of requests. */
    int openClientFifos() {
        return openClientFifos;
    }

    /** Serves until asked to stop; returns why it stopped. */
    String serve() {
        int have = 0;
        long lastSweep = System.nanoTime();
        while (stopReason == null) {
            long count = requests.read(readPointer, READ_SIZE);
            if (count < 0) {
                if (Native.errno() == Errno.EINTR) {
                    continue;
                }
                throw Native.failure("read " + requests.path());
            }
            if (count == 0) {
                // Cannot happen while the dummy writer is open; never spin on it.
                throw IpcException.failure("read " + requests.path() + ": end of file");
            }
            // One clock reading per batch: the requests of a batch arrived together.
            now = System.nanoTime();
            long servedBefore = served;
            readArea.get(0, input, have, (int) count);
            have += (int) count;
            int consumed = handleLines(have);
            if (served != servedBefore) {
                lastRequestNanos = now;
            }
            if (stopReason != null) {
                break;
            }
            have -= consumed;
            if (skipping) {
                // Still inside an over-long line: nothing up to its newline is kept.
                have = 0;
            } else if (have >= FifoProtocol.MAX_REQUEST) {
                // No newline within the longest request: the line is too long, whatever follows.
                oversize(consumed);
                skipping = true;
                have = 0;
            } else if (have > 0 && consumed > 0) {
                System.arraycopy(input, consumed, input, 0, have);
            }
            if (now - lastSweep > ReplyChannels.IDLE_NANOS / 2) {
                replies.closeIdle(now);
                lastSweep = now;
            }
            openClientFifos = replies.openCount();
        }
        return stopReason;
    }

    /** Handles every complete line in input[0, end); returns how many bytes that consumed. */
    private int handleLines(int end) {
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (input[i] != '\n') {
                continue;
            }
            if (skipping) {
                skipping = false;
            } else if (i + 1 - start > FifoProtocol.MAX_REQUEST) {
                oversize(start);
            } else if (i > start) {
                handle(start, i);
            }
            // An empty line is the server's own wake-up, or harmless: not a request, not an error.
            start = i + 1;
            if (stopReason != null) {
                break;
            }
        }
        return start;
    }

    /** One request line, input[start, end) without its newline. */
    private void handle(int start, int end) {
        int pid = parsePid(start, end);
        if (pid <= 0) {
            errors++;
            log.problem("malformed request (" + (pid == 0 ? "no pid" : "pid out of range") + "), ignored: "
                    + Printable.excerpt(input, start, end));
            return;
        }
        int verbStart = start + digits(start, end) + 1;
        int verbEnd = verbStart;
        while (verbEnd < end && input[verbEnd] != ' ') {
            verbEnd++;
        }
        int argumentStart = verbEnd < end ? verbEnd + 1 : end;
        served++;
        if (!clientsSeen.get(pid)) {
            clientsSeen.set(pid);
            clients++;
        }
        answeredError = false;
        int length;
        if (!Utf8.isText(input, start, end)) {
            log.problem("client " + pid + ": request is not UTF-8 text: " + Printable.excerpt(input, start, end));
            length = error("request is not UTF-8 text");
        } else {
            length = answer(verbStart, verbEnd, argumentStart, end);
        }
        if (answeredError) {
            errors++;
        }
        reply[length++] = '\n';
        replyArea.put(0, reply, 0, length);
        if (replies.deliver(pid, replyPointer, length, now) == ReplyChannels.Outcome.DROPPED) {
            dropped++;
        }
        if (log.verbose()) {
            log.detail("client " + pid + ": " + Printable.excerpt(input, verbStart, end) + " -> "
                    + Printable.excerpt(reply, 0, length - 1));
        }
        if (served == maxRequests) {
            stop("served " + served + " request" + (served == 1 ? "" : "s"));
        }
    }

    private static final byte[] SEQ = ascii("seq");
    private static final byte[] ECHO = ascii("echo");
    private static final byte[] UPPER = ascii("upper");
    private static final byte[] PING = ascii("ping");
    private static final byte[] STATS = ascii("stats");
    private static final byte[] PONG = ascii("pong");
    /** seq reserves at most this many numbers at once. */
    static final long MAX_SEQUENCE_COUNT = 1_000_000_000L;

    /** Builds the reply, without its newline, in reply[]; returns its length. */
    private int answer(int verbStart, int verbEnd, int argumentStart, int end) {
        boolean hasArgument = verbEnd < end;
        if (same(verbStart, verbEnd, SEQ)) {
            long count = 1;
            if (hasArgument) {
                count = parseCount(argumentStart, end);
                if (count < 1) {
                    return error("seq takes a count from 1 to " + MAX_SEQUENCE_COUNT + ", not '"
                            + Printable.excerpt(input, argumentStart, end) + "'");
                }
            }
            long first = nextSequence;
            nextSequence += count;
            return decimal(first, 0);
        }
        if (same(verbStart, verbEnd, ECHO)) {
            System.arraycopy(input, argumentStart, reply, 0, end - argumentStart);
            return end - argumentStart;
        }
        if (same(verbStart, verbEnd, UPPER)) {
            return upper(argumentStart, end);
        }
        if (same(verbStart, verbEnd, PING)) {
            if (hasArgument) {
                return error("ping takes no argument");
            }
            System.arraycopy(PONG, 0, reply, 0, PONG.length);
            return PONG.length;
        }
        if (same(verbStart, verbEnd, STATS)) {
            if (hasArgument) {
                return error("stats takes no argument");
            }
            return text(stats());
        }
        if (verbStart == verbEnd) {
            return error("no verb");
        }
        return error("unknown verb '" + Printable.excerpt(input, verbStart, verbEnd) + "'");
    }

    /** What stats answers, and the last line of the log. */
    String stats() {
        long micros = (System.nanoTime() - startNanos) / 1000;
        return "requests=" + served + " clients=" + clients + " errors=" + errors + " dropped=" + dropped
                + " uptime=" + String.format(Locale.ROOT, "%d.%03ds", micros / 1_000_000, micros / 1000 % 1000);
    }

    private int upper(int start, int end) {
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
        answeredError = true;
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

    /** An over-long line starting at input[start]: answered with ERR when it starts with a pid. */
    private void oversize(int start) {
        errors++;
        int end = Math.min(start + 64, input.length);
        int pid = parsePid(start, end);
        log.problem("request longer than " + FifoProtocol.MAX_REQUEST + " bytes" + (pid > 0 ? " from client " + pid
                : "") + ", dropped: " + Printable.excerpt(input, start, Math.min(start + 40, end)) + "...");
        if (pid > 0) {
            int length = error("request longer than " + FifoProtocol.MAX_REQUEST + " bytes");
            reply[length++] = '\n';
            replyArea.put(0, reply, 0, length);
            if (replies.deliver(pid, replyPointer, length, now) == ReplyChannels.Outcome.DROPPED) {
                dropped++;
            }
        }
    }

    /** The decimal pid before the first space: 0 when there is none, -1 when it is out of range. */
    private int parsePid(int start, int end) {
        int n = digits(start, end);
        if (n == 0 || start + n >= end || input[start + n] != ' ' || input[start] == '0') {
            return 0;
        }
        if (n > 7) {
            return -1;
        }
        int pid = 0;
        for (int i = start; i < start + n; i++) {
            pid = pid * 10 + (input[i] - '0');
        }
        return pid <= FifoProtocol.MAX_PID ? pid : -1;
    }

    private int digits(int start, int end) {
        int i = start;
        while (i < end && input[i] >= '0' && input[i] <= '9') {
            i++;
        }
        return i - start;
    }

    /** A count of 1 to MAX_SEQUENCE_COUNT in plain decimal, else -1. */
    private long parseCount(int start, int end) {
        if (start == end || end - start > 10 || digits(start, end) != end - start) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (input[i] - '0');
        }
        return value <= MAX_SEQUENCE_COUNT ? value : -1;
    }

    /** Writes value in decimal into reply[at...]; returns the end. */
    private int decimal(long value, int at) {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            length++;
        }
        for (int i = at + length - 1; i >= at; i--) {
            reply[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + length;
    }

    private boolean same(int start, int end, byte[] word) {
        if (end - start != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (input[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
