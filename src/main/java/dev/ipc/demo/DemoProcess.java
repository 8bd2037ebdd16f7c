// One child process of a demo: an ipc command in its own JVM, its narration fed into the transcript.
package dev.ipc.demo;

import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.Spawn;
import dev.ipc.libc.SpawnedProcess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

public final class DemoProcess {
    /** A fact a child told, and when. */
    public record Fact(String value, long nanos) {
    }

    private final String name;
    private final Process process;
    private final Transcript transcript;
    private final Map<String, Fact> facts = new HashMap<>();
    private final Thread stdout;
    private final Thread stderr;
    private final String label;
    /** Set once the demo ends the child: its streams then close under the readers, which is no loss. */
    private volatile boolean stopping;
    /** Its exit status once it was awaited or stopped; null while it runs. */
    private volatile Integer exitStatus;

    private DemoProcess(String name, Process process, Transcript transcript) {
        this.name = name;
        this.process = process;
        this.transcript = transcript;
        this.label = name + "[" + process.pid() + "]";
        stdout = reader(process.getInputStream(), false);
        stderr = reader(process.getErrorStream(), true);
    }

    /**
     * Starts child as a process named name (A, producer, R2 ...), with exactly this environment: the parent's own,
     * as its run was given it.
     */
    public static DemoProcess start(String name, Transcript transcript, DemoChild child,
                                    Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(ChildArguments.command(child));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return new DemoProcess(name, builder.start(), transcript);
        } catch (IOException e) {
            throw new DemoFailure("cannot start process " + name + ": " + e.getMessage());
        }
    }

    /**
     * As {@link #start}, but made with posix_spawn so that these signals are blocked in the child from birth: in
     * every thread its JVM makes, so that none of them takes the signals and they stay pending for a signalfd.
     */
    public static DemoProcess spawn(String name, Transcript transcript, DemoChild child,
                                    Map<String, String> environment, int... blocked) {
        try {
            return new DemoProcess(name, SpawnedProcess.start(ChildArguments.command(child), environment,
                    new Spawn.Attributes(blocked.clone(), -1)), transcript);
        } catch (NativeCallException e) {
            throw new DemoFailure("cannot start process " + name + ": " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    /** "A[4242]": the name and pid, as the transcript shows it. */
    public String label() {
        return label;
    }

    public long pid() {
        return process.pid();
    }

    private Thread reader(InputStream stream, boolean errors) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (errors) {
                        transcript.add(System.nanoTime(), label, "error: " + line);
                    } else {
                        accept(line);
                    }
                }
            } catch (IOException e) {
                // on Ctrl-C the child is ending too, and its streams close before stop() is reached
                if (!stopping && process.isAlive()) {
                    transcript.add(System.nanoTime(), label, "error: lost its output: " + e.getMessage());
                }
            }
        }, "ipc-demo-" + name + (errors ? "-err" : "-out"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void accept(String line) {
        if (!line.startsWith(ChildNarrator.MARK)) {
            transcript.add(System.nanoTime(), label, line);
            return;
        }
        String[] parts = line.substring(ChildNarrator.MARK.length()).split(" ", 3);
        long nanos = Long.parseLong(parts[0]);
        String text = parts.length > 2 ? parts[2] : "";
        switch (parts[1]) {
            case "say" -> transcript.add(nanos, label, text);
            case "trace" -> transcript.call(nanos, label, text);
            case "fact" -> {
                int space = text.indexOf(' ');
                synchronized (facts) {
                    facts.put(space < 0 ? text : text.substring(0, space),
                            new Fact(space < 0 ? "" : text.substring(space + 1), nanos));
                    facts.notifyAll();
                }
            }
            default -> transcript.add(nanos, label, line);
        }
    }

    /** The fact told under this name, waiting for it up to timeoutMillis; DemoFailure if it never comes. */
    public Fact awaitFact(String fact, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (facts) {
            while (!facts.containsKey(fact)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !stdout.isAlive())) {
                    throw new DemoFailure(label + " did not report '" + fact + "'"
                            + (process.isAlive() ? " within " + timeoutMillis + " ms" : ": it exited with status "
                            + process.exitValue()));
                }
                try {
                    facts.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoFailure("interrupted");
                }
            }
            return facts.get(fact);
        }
    }

    /** The fact if it was told, else null. */
    public Fact fact(String fact) {
        synchronized (facts) {
            return facts.get(fact);
        }
    }

    /** Sends the child its next "go". */
    public void go() {
        try {
            OutputStream in = process.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new DemoFailure("cannot signal " + label + ": " + e.getMessage());
        }
    }

    /** Waits for the child to exit and for the last of its output; its exit status. */
    public int await(long timeoutMillis) {
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new DemoFailure(label + " did not finish within " + timeoutMillis + " ms");
            }
            stdout.join(5000);
            stderr.join(5000);
            exitStatus = process.exitValue();
            return exitStatus;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    /** Its exit status once it ended and was awaited or stopped; null before. */
    public Integer exitStatus() {
        return exitStatus;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Ends the child (SIGTERM, then SIGKILL after a grace period) and closes its standard input. */
    void stop() {
        stopping = true;
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (!process.isAlive()) {
            exitStatus = process.exitValue();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child is gone; nothing to tell it
        }
    }
}
