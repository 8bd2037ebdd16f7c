// A child process for FIFO tests: ipc itself or any program, its stderr collected line by line so a test can
// wait for a log line; always ended (SIGKILL if need be) when the test closes it.
package dev.ipc.fifo;

import dev.ipc.cli.SelfCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

final class ChildProcess implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> errLines = new ArrayList<>();
    private final CompletableFuture<String> out;
    private final Thread errReader;

    private ChildProcess(Process process) {
        this.process = process;
        errReader = new Thread(this::collectErr, "stderr-" + process.pid());
        errReader.setDaemon(true);
        errReader.start();
        out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** ipc with these arguments, in a JVM of its own. */
    static ChildProcess ipc(String... arguments) {
        return start(SelfCommand.of(arguments));
    }

    static ChildProcess start(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            process.getOutputStream().close();
            return new ChildProcess(process);
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command + ": " + e, e);
        }
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    private void collectErr() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (errLines) {
                    errLines.add(line);
                    errLines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process is gone.
        }
    }

    /** Waits for a stderr line matching the regular expression (find) and returns it. */
    String awaitErr(String regex) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (errLines) {
            while (true) {
                for (String line : errLines) {
                    if (pattern.matcher(line).find()) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no stderr line matching /" + regex + "/ within " + WAIT + "; got:\n"
                            + String.join("\n", errLines));
                }
                try {
                    errLines.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * Waits until count stderr lines match (a line the process wrote before it answered a request may still be
     * on its way through the pipe), then returns all matching lines so far.
     */
    List<String> awaitErrCount(String regex, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> matching;
        while ((matching = errMatching(regex)).size() < count && System.nanoTime() < deadline) {
            synchronized (errLines) {
                try {
                    errLines.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        return matching;
    }

    /** The stderr lines so far matching the regular expression. */
    List<String> errMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> matching = new ArrayList<>();
        synchronized (errLines) {
            for (String line : errLines) {
                if (pattern.matcher(line).find()) {
                    matching.add(line);
                }
            }
        }
        return matching;
    }

    /** Stderr so far; all of it once the process has exited. */
    String err() {
        if (!process.isAlive()) {
            try {
                errReader.join(WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (errLines) {
            return String.join("\n", errLines);
        }
    }

    /** Waits for the exit (failing the test after WAIT) and returns the status. */
    int awaitExit() {
        try {
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + WAIT + "; stderr:\n" + err());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** All of stdout, once the process has exited. */
    String out() {
        awaitExit();
        try {
            return out.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends a signal by name (TERM, INT, STOP, CONT, KILL) with kill(1). */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            signal("CONT"); // a stopped process cannot act on anything else
            process.destroyForcibly();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
