// Runs ipc in a child JVM, for what an in-process run cannot show: standard input, raw bytes on standard output,
// blocking calls, signals, other users.
package dev.ipc.support;

import dev.ipc.cli.SelfCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

public final class IpcProcess {
    /** What a finished child produced; out as bytes, exactly. */
    public record Result(int exitCode, byte[] out, String err) {
        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + outText() + "--- stderr\n" + err;
        }
    }

    private final Process process;
    private final CompletableFuture<byte[]> out;
    private final CompletableFuture<byte[]> err;

    private IpcProcess(Process process) {
        this.process = process;
        this.out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        this.err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    }

    /** Starts ipc with these arguments; standard input stays open until {@link #closeInput}. */
    public static IpcProcess start(String... args) {
        return start(List.of(), SelfCommand.of(args));
    }

    /** Starts a command line (prefix, e.g. setpriv ..., then the java command). */
    public static IpcProcess start(List<String> prefix, List<String> command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(all);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        try {
            return new IpcProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs ipc with these bytes on standard input, to its end. */
    public static Result run(byte[] input, String... args) {
        IpcProcess p = start(args);
        p.write(input);
        p.closeInput();
        return p.await(60);
    }

    /** Runs ipc as the unprivileged user of {@link Unprivileged}, with nothing on standard input. */
    public static Result runUnprivileged(String... args) {
        IpcProcess p = start(List.of(), Unprivileged.ipc(args));
        p.closeInput();
        return p.await(60);
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public void write(byte[] bytes) {
        try {
            process.getOutputStream().write(bytes);
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the exit; a child still running after the limit is killed and the test fails. */
    public Result await(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ipc did not finish within " + seconds + " s");
            }
            return new Result(process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** Kills the child if it still runs; for clean-up in finally blocks. */
    public void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
