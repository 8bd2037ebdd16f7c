// The FIFO server: reads requests in bulk from DIR/server.fifo, answers each on its client's FIFO.
package dev.ipc.fifo;

import dev.ipc.cli.IpcException;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileStatus;
import dev.ipc.libc.Native;
import dev.ipc.libc.Pointer;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One read() returns every request waiting in the FIFO (up to 64 KiB, the pipe's capacity); {@link LineFraming}
 * cuts it into lines in place, {@link RequestLine} views each, {@link Responder} builds the reply in a reusable
 * buffer, so answering a request allocates nothing and costs one write() when the client's FIFO is already open
 * (see {@link ReplyChannels}). Stopping (a signal, --requests, --idle-timeout) only records a {@link Stop}; a
 * thread that asks for a stop also writes an empty line into the FIFO, which wakes the blocked read.
 */
final class FifoServer {
    /** Why the server stopped; failure: it could not go on, and the command exits with a failure. */
    record Stop(String reason, boolean failure) {
    }

    /** The first stop asked for wins. */
    private final AtomicReference<Stop> stop = new AtomicReference<>();

    private final ServerLog log;
    private final RequestFifo requests;
    private final ReplyChannels replies;
    private final long maxRequests;

    /** Read straight into native memory, then copied once into the array the lines are cut from. */
    private final ByteBuffer readArea = ByteBuffer.allocateDirect(READ_SIZE);
    private final Pointer readPointer;
    private final ByteBuffer replyArea = ByteBuffer.allocateDirect(FifoProtocol.MAX_REPLY);
    private final Pointer replyPointer;
    private final LineFraming lines = new LineFraming(READ_SIZE, FifoProtocol.MAX_REQUEST);
    private final RequestLine request = new RequestLine();
    private final ServerStats stats = new ServerStats(System.nanoTime());
    private final Responder responder = new Responder(stats);

    /** System.nanoTime() when the batch of requests in hand was read. */
    private long now;
    private volatile long lastRequestNanos = System.nanoTime();
    private volatile int openClientFifos;
    /** --diagram: each request and reply drawn; null without it. */
    private ServeDiagram diagram;

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

    /** Draws each request read and reply written from now on. */
    void draw(ServeDiagram drawing) {
        diagram = drawing;
    }

    /** Asks the loop to stop after the requests in hand; callable from any thread. */
    void stop(String reason) {
        stop.compareAndSet(null, new Stop(reason, false));
        requests.wake();
    }

    /** Stops because the server cannot go on: the command then exits with a failure. */
    void fail(String reason) {
        stop.compareAndSet(null, new Stop(reason, true));
        requests.wake();
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
        return stop.get() != null;
    }

    long lastRequestNanos() {
        return lastRequestNanos;
    }

    /** How many client FIFOs the server holds open, as of its last batch of requests. */
    int openClientFifos() {
        return openClientFifos;
    }

    /** What the stats verb answers, and the last line of the log; read after serve() returned. */
    String stats() {
        return stats.summary();
    }

    /** Serves until asked to stop; returns why it stopped. */
    Stop serve() {
        long lastSweep = System.nanoTime();
        while (!stopping()) {
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
            long servedBefore = stats.served();
            lines.append(readArea, (int) count);
            handleLines();
            if (stats.served() != servedBefore) {
                lastRequestNanos = now;
            }
            if (stopping()) {
                break;
            }
            int tooLong = lines.endOfRead();
            if (tooLong >= 0) {
                tooLong(tooLong);
            }
            if (now - lastSweep > ReplyChannels.IDLE_NANOS / 2) {
                replies.closeIdle(now);
                lastSweep = now;
            }
            openClientFifos = replies.openCount();
        }
        return stop.get();
    }

    /** Handles every complete line in hand, until a stop is asked for. */
    private void handleLines() {
        for (LineFraming.Found found = lines.next(); found != LineFraming.Found.NONE; found = lines.next()) {
            if (found == LineFraming.Found.LINE) {
                handle(lines.bytes(), lines.start(), lines.end());
            } else {
                tooLong(lines.start());
            }
            if (stopping()) {
                return;
            }
        }
    }

    /** One request line, input[start, end) without its newline. */
    private void handle(byte[] input, int start, int end) {
        RequestLine.Form form = request.read(input, start, end);
        if (diagram != null) {
            diagram.request(input, start, end);
        }
        if (form == RequestLine.Form.NO_PID || form == RequestLine.Form.PID_OUT_OF_RANGE) {
            stats.error();
            if (diagram != null) {
                diagram.refused("malformed request (" + (form == RequestLine.Form.NO_PID ? "no pid"
                        : "pid out of range") + "): ignored, no reply");
            }
            log.problem("malformed request (" + (form == RequestLine.Form.NO_PID ? "no pid" : "pid out of range")
                    + "), ignored: " + Printable.excerpt(input, start, end));
            return;
        }
        int pid = request.pid();
        stats.served(pid);
        if (form == RequestLine.Form.NOT_TEXT) {
            log.problem("client " + pid + ": request is not UTF-8 text: " + Printable.excerpt(input, start, end));
        }
        int length = responder.answer(request, form);
        if (responder.refused()) {
            stats.error();
        }
        deliver(pid, length);
        if (log.verbose()) {
            log.detail("client " + pid + ": " + Printable.excerpt(input, request.verbStart(), end) + " -> "
                    + Printable.excerpt(responder.reply(), 0, length - 1));
        }
        if (stats.served() == maxRequests) {
            long served = stats.served();
            stop("served " + served + " request" + (served == 1 ? "" : "s"));
        }
    }

    /** An over-long line starting at start in the framing's bytes: answered with ERR when it starts with a pid. */
    private void tooLong(int start) {
        stats.error();
        byte[] input = lines.bytes();
        int end = Math.min(start + 64, input.length);
        int pid = RequestLine.pid(input, start, end);
        log.problem("request longer than " + FifoProtocol.MAX_REQUEST + " bytes" + (pid > 0 ? " from client " + pid
                : "") + ", dropped: " + Printable.excerpt(input, start, Math.min(start + 40, end)) + "...");
        if (diagram != null) {
            diagram.request(input, start, end);
            diagram.refused("request longer than " + FifoProtocol.MAX_REQUEST + " bytes: dropped"
                    + (pid > 0 ? ", answered with ERR" : ", no reply"));
        }
        if (pid > 0) {
            deliver(pid, responder.tooLong());
        }
    }

    private void deliver(int pid, int length) {
        replyArea.put(0, responder.reply(), 0, length);
        ReplyChannels.Outcome outcome = replies.deliver(pid, replyPointer, length, now);
        if (outcome == ReplyChannels.Outcome.DROPPED) {
            stats.dropped();
        }
        if (diagram != null) {
            diagram.reply(pid, responder.reply(), length, outcome);
        }
    }
}
