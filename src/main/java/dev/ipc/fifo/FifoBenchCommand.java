// ipc fifo bench: N client processes against a FIFO server; requests per second and latency percentiles.
package dev.ipc.fifo;

import dev.ipc.cli.Durations;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.SelfCommand;
import dev.ipc.demo.ChildArguments;
import dev.ipc.libc.Native;
import dev.ipc.util.ShutdownHooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.ipc.libc.FileConstants.*;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = {"Measure a FIFO server: requests per second and latency percentiles.",
                "N client processes, all at once, each send M 'seq 1' requests one after the other.", ""},
        footer = {"", "Output: clients=N requests=TOTAL seconds=S rate=R/s p50=... p99=... max=... errors=E",
                "The clock runs from the first request of any client to the last reply of any client; "
                        + "the clients' start-up is not counted.",
                "",
                "Exit status: 0 when every request was answered; 1 otherwise; 2 on bad usage."})
public final class FifoBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server = new ClientOptions();

    @Option(names = "--clients", paramLabel = "N", defaultValue = "4",
            description = "Client processes (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", paramLabel = "M", defaultValue = "10000",
            description = "Requests per client (default ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--start-server",
            description = "Start 'ipc fifo serve --quiet' on DIR for the run, and stop it after.")
    boolean startServer;

    private static final long START_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Override
    public Integer call() {
        long timeoutNanos = server.timeoutNanos();
        if (clients < 1 || clients > 1000) {
            throw IpcException.usage("invalid --clients '" + clients + "': expected 1 to 1000");
        }
        if (requests < 1 || requests > 10_000_000) {
            throw IpcException.usage("invalid --requests '" + requests + "': expected 1 to 10000000");
        }
        Map<String, String> environment = RunContext.of(spec).environment();
        Path dir = server.directory(environment);
        // SIGTERM, not SIGKILL: the server and the clients remove their FIFOs on the way out.
        List<Process> started = new CopyOnWriteArrayList<>();
        Thread stopChildren = new Thread(() -> started.forEach(Process::destroy), "fifo-bench-cleanup");
        ShutdownHooks.add(stopChildren);
        Process serverProcess = null;
        try {
            if (startServer) {
                serverProcess = startServer(dir, environment, started);
            } else if (!listening(dir.resolve(FifoProtocol.SERVER_FIFO).toString())) {
                throw IpcException.failure("no server: nobody reads " + dir.resolve(FifoProtocol.SERVER_FIFO)
                        + " (start one with 'ipc fifo serve', or use --start-server)");
            }
            long errors = run(dir, timeoutNanos, environment, started);
            return errors == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            for (Process process : started) {
                if (process != serverProcess) {
                    process.destroy();
                }
            }
            if (serverProcess != null) {
                stop(serverProcess);
            }
            try {
                ShutdownHooks.remove(stopChildren);
            } catch (IllegalStateException exiting) {
                // The hook is running.
            }
        }
    }

    /** Runs the clients, prints the summary; returns how many requests were not answered. */
    private long run(Path dir, long timeoutNanos, Map<String, String> environment, List<Process> started) {
        List<String> command = ChildArguments.command(new BenchWorker.Client(dir, server.shared(), requests,
                timeoutNanos));
        List<Process> workers = new ArrayList<>();
        List<CompletableFuture<List<String>>> outputs = new ArrayList<>();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Process process = start(withEnvironment(new ProcessBuilder(command), environment)
                    .redirectError(ProcessBuilder.Redirect.INHERIT), started);
            workers.add(process);
            CompletableFuture<Void> isReady = new CompletableFuture<>();
            ready.add(isReady);
            outputs.add(CompletableFuture.supplyAsync(() -> readAll(process, isReady), daemonExecutor()));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(START_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw IpcException.failure("the clients did not start within " + Durations.format(START_NANOS));
        } catch (ExecutionException e) {
            throw IpcException.failure("a client could not start: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IpcException.failure("interrupted");
        }
        for (Process process : workers) {
            try (OutputStream in = process.getOutputStream()) {
                in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // Every client gives up after requests x timeout at the very worst.
        long limit = Math.addExact(START_NANOS, Math.multiplyExact(requests, timeoutNanos));
        List<long[]> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long completed = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            List<String> lines;
            try {
                lines = outputs.get(i).get(limit, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw IpcException.failure("client " + workers.get(i).pid() + " did not finish: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw IpcException.failure("interrupted");
            }
            String[] done = lines.isEmpty() ? new String[0] : lines.get(0).split(" ", 5);
            if (done.length < 4 || !done[0].equals("done")) {
                problems.add("client " + workers.get(i).pid() + " ended without a report");
                continue;
            }
            first = Math.min(first, Long.parseLong(done[1]));
            last = Math.max(last, Long.parseLong(done[2]));
            int count = Integer.parseInt(done[3]);
            completed += count;
            if (done.length == 5) {
                problems.add("client " + workers.get(i).pid() + ": " + done[4]);
            }
            long[] own = new long[count];
            for (int k = 0; k < count; k++) {
                own[k] = Long.parseLong(lines.get(k + 1));
            }
            latencies.add(own);
        }
        for (String problem : problems) {
            spec.commandLine().getErr().println("ipc: " + problem);
        }
        long errors = (long) clients * requests - completed;
        spec.commandLine().getOut().println(summary(clients, completed, last - first, merge(latencies), errors));
        spec.commandLine().getOut().flush();
        return errors;
    }

    /** The one line bench prints. */
    static String summary(int clients, long completed, long nanos, long[] sorted, long errors) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "clients=%d requests=%d seconds=%.3f rate=%.0f/s p50=%s p99=%s max=%s "
                        + "errors=%d", clients, completed, seconds, seconds > 0 ? completed / seconds : 0,
                latency(percentile(sorted, 50)), latency(percentile(sorted, 99)),
                latency(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), errors);
    }

    private static long[] merge(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** The nearest-rank percentile: the smallest value that at least p% of the values do not exceed. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** 52.3us, 1.20ms: microseconds below 1 ms. */
    static String latency(long nanos) {
        return nanos < 1_000_000 ? String.format(Locale.ROOT, "%.1fus", nanos / 1e3)
                : String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
    }

    private Process startServer(Path dir, Map<String, String> environment, List<Process> started) {
        List<String> command = new ArrayList<>(List.of("fifo", "serve", "--quiet", "--dir", dir.toString()));
        if (server.shared()) {
            command.add("--shared");
        }
        ProcessBuilder builder = withEnvironment(new ProcessBuilder(SelfCommand.of(command.toArray(String[]::new))),
                environment).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process server = start(builder, started);
        long deadline = System.nanoTime() + START_NANOS;
        String fifo = dir.resolve(FifoProtocol.SERVER_FIFO).toString();
        while (!listening(fifo)) {
            if (!server.isAlive()) {
                throw IpcException.failure("the server did not start (exit status " + server.exitValue() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw IpcException.failure("the server did not start within " + Durations.format(START_NANOS));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw IpcException.failure("interrupted");
            }
        }
        return server;
    }

    /** Someone reads the FIFO: a non-blocking open for writing succeeds. */
    private static boolean listening(String fifo) {
        int fd = Native.libc().open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC, 0);
        if (fd < 0) {
            return false;
        }
        Native.libc().close(fd);
        return true;
    }

    /** SIGTERM, then SIGKILL if it does not go. */
    private static void stop(Process server) {
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A child gets exactly the run's environment. */
    private static ProcessBuilder withEnvironment(ProcessBuilder builder, Map<String, String> environment) {
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    private static Process start(ProcessBuilder builder, List<Process> started) {
        try {
            Process process = builder.start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw IpcException.failure("cannot start " + builder.command().get(0) + ": " + e.getMessage());
        }
    }

    /** Completes ready at the worker's "ready" line; returns the lines after it. */
    private static List<String> readAll(Process process, CompletableFuture<Void> ready) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!ready.isDone() && line.equals("ready")) {
                    ready.complete(null);
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
            throw new UncheckedIOException(e);
        }
        if (!ready.isDone()) {
            ready.completeExceptionally(new IllegalStateException("client " + process.pid() + " exited before it was ready"));
        }
        return lines;
    }

    private static Executor daemonExecutor() {
        return task -> {
            Thread thread = new Thread(task, "fifo-bench-reader");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
