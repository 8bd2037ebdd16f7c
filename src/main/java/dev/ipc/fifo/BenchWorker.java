// One client process of ipc fifo bench: connects, says "ready", waits for "go" on stdin, sends its requests
// one after the other and reports when it started and ended and the latency of each request on stdout.
package dev.ipc.fifo;

import dev.ipc.cli.IpcException;
import dev.ipc.demo.DemoChild;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

final class BenchWorker {
    /** What every bench request asks: the classic sequence-number service. */
    static final String REQUEST = "seq 1";

    /** A client process of the bench: the server's folder, --shared, its requests and their timeout. */
    record Client(Path dir, boolean shared, long requests, long timeoutNanos) implements DemoChild {
        @Override
        public int run(PrintWriter out, Map<String, String> environment) {
            return BenchWorker.run(dir, shared, requests, timeoutNanos, out);
        }
    }

    private BenchWorker() {
    }

    /**
     * Prints "ready", then after "go": "done START END COMPLETED [PROBLEM]" (System.nanoTime(), which is
     * CLOCK_MONOTONIC and so comparable between processes) and one latency in nanoseconds a line.
     * Returns the exit code: 0 when every request got a sequence number back.
     */
    static int run(Path dir, boolean shared, long requests, long timeoutNanos, PrintWriter out) {
        long[] latencies = new long[(int) requests];
        int completed = 0;
        String problem = "";
        long start;
        long end;
        try (ClientFifo client = ClientFifo.connect(dir, shared)) {
            int length = client.prepare(REQUEST);
            out.println("ready");
            out.flush();
            awaitGo();
            start = System.nanoTime();
            try {
                for (; completed < requests; completed++) {
                    long sent = System.nanoTime();
                    client.send(length, sent + timeoutNanos);
                    int reply = client.receive(sent + timeoutNanos);
                    latencies[completed] = System.nanoTime() - sent;
                    if (!isNumber(client.line(), reply)) {
                        problem = "not a sequence number: " + Printable.excerpt(client.line(), 0, reply);
                        break;
                    }
                }
            } catch (IpcException e) {
                problem = e.getMessage();
            }
            end = System.nanoTime();
        }
        out.println("done " + start + " " + end + " " + completed + (problem.isEmpty() ? "" : " " + problem));
        StringBuilder lines = new StringBuilder(completed * 8);
        for (int i = 0; i < completed; i++) {
            lines.append(latencies[i]).append('\n');
        }
        out.print(lines);
        out.flush();
        return problem.isEmpty() ? 0 : 1;
    }

    private static void awaitGo() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!"go".equals(line)) {
                throw IpcException.failure("bench worker: expected 'go' on stdin, got " + line);
            }
        } catch (IOException e) {
            throw IpcException.failure("bench worker: cannot read stdin: " + e.getMessage());
        }
    }

    private static boolean isNumber(byte[] bytes, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
