// One run of a pipe demo: its trace, descriptors and children, the story it tells, the documents' rules it
// checks, and its findings as text or JSON.
package dev.ipc.pipe;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.RunContext;
import dev.ipc.demo.Checks;
import dev.ipc.demo.DemoJson;
import dev.ipc.model.WaitStatus;
import dev.ipc.libc.Native;
import dev.ipc.libc.Posix;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

final class Demo implements AutoCloseable {
    /** The demo's own findings, written inside the JSON object. */
    interface Findings {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * For reads that must go on while this thread writes (a pipe read by a thread of its own). Made on first use:
     * the demos that never need it do not pay for the pool and the linking of its lambda at start.
     */
    static ExecutorService threads() {
        return Threads.POOL;
    }

    private static final class Threads {
        static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ipc-pipe-demo");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The command, "pipe-demo hello", as every demo's JSON names it. */
    final String name;
    final Trace trace;
    final Descriptors fds;
    final Children children;
    final Deadline deadline;
    final boolean json;
    private final boolean diagram;
    private final PrintWriter out;
    private final PrintWriter story;
    private final Checks checks = new Checks();
    private final long started = System.nanoTime();
    /** The story's lines for --json, where they are not printed. */
    private final List<DemoJson.Step> steps = new ArrayList<>();

    /** Where a demo runs: its name ("pipe-demo hello"), its output and the environment its children get. */
    record Target(String name, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        /** The target of a demo picocli runs. */
        static Target of(CommandSpec spec) {
            return new Target(spec.parent() == null ? spec.name() : spec.parent().name() + " " + spec.name(),
                    spec.commandLine().getOut(), spec.commandLine().getErr(), RunContext.of(spec).environment());
        }

        /** The target of a demo run without picocli (dev.ipc.FastPath). */
        static Target of(String name, RunContext context) {
            return new Target(name, context.out(), context.err(), context.environment());
        }
    }

    private Demo(Target target, DemoOptions options, boolean storyOnStderr) {
        this.name = target.name();
        this.deadline = options.deadline();
        this.json = options.json();
        this.out = target.out();
        this.diagram = options.diagram();
        this.story = options.json() || diagram ? null : storyOnStderr ? target.err() : out;
        this.trace = new Trace(target.err(), options.trace(), diagram);
        this.fds = new Descriptors(trace);
        this.children = new Children(trace, target.environment());
    }

    /** A demo whose story goes to stdout. */
    static Demo start(CommandSpec spec, DemoOptions options) {
        return start(Target.of(spec), options);
    }

    static Demo start(Target target, DemoOptions options) {
        return new Demo(target, options, false);
    }

    /** For demos whose stdout carries the children's data: the story then goes to stderr. */
    static Demo startWithStoryOnStderr(CommandSpec spec, DemoOptions options) {
        return new Demo(Target.of(spec), options, true);
    }

    /** One line of the story (not with --json). Flushed at once, so that it stays in step with the trace. */
    void say(String line) {
        if (json) {
            steps.add(new DemoJson.Step(System.nanoTime() - started, "parent", "say", line));
        }
        if (story != null) {
            story.println(line);
            story.flush();
        }
    }

    /** Records whether the kernel kept a rule of the documents, and what was seen either way; says so. */
    boolean expect(boolean ok, String rule, String observed) {
        String line = checks.check(ok, rule, observed).storyLine();
        say(line);
        trace.check(line);
        return ok;
    }

    /** Something that went wrong that is not the kernel's doing: a failing stage, a timeout. Exit code 1. */
    void fail(String message) {
        checks.fail(message);
    }

    /** Waits for the child and records a failure unless it exited 0. */
    WaitStatus awaitSuccess(Children.Child child) {
        return awaitSuccess(child, false);
    }

    /**
     * As {@link #awaitSuccess(Children.Child)}; with sigpipeIsNoFailure, death by SIGPIPE is no failure
     * either: the way a writer stops once its reader has gone.
     */
    WaitStatus awaitSuccess(Children.Child child, boolean sigpipeIsNoFailure) {
        WaitStatus status = children.await(child, deadline);
        if (child.killed()) {
            fail(child + " was still running after " + deadline.limit() + " and was killed");
        } else if (!status.success() && !(sigpipeIsNoFailure && killedBySigpipe(status))) {
            fail(child + " " + Trace.describe(status));
        }
        return status;
    }

    /** Killed by SIGPIPE, or a shell's report of its child killed so: status 128 + SIGPIPE. */
    static boolean killedBySigpipe(WaitStatus status) {
        return status.signaled() ? status.signal() == Posix.SIGPIPE : status.exitCode() == 128 + Posix.SIGPIPE;
    }

    /**
     * Prints the findings (with --json) and returns 0, or throws with the first failure, or with the first
     * rule the kernel did not keep: exit code 1 either way.
     */
    int finish(Findings findings) {
        trace.flush();
        if (json) {
            writeJson(findings);
        } else if (diagram) {
            trace.diagram(checks.failures()).render().lines().forEach(out::println);
            out.flush();
        }
        return checks.verdict("", new FirstBroken());
    }

    /** The verdict's message when checks failed: the first rule the kernel broke. A class, not a lambda: see PipeIo. */
    private static final class FirstBroken implements Function<List<Checks.Check>, String> {
        @Override
        public String apply(List<Checks.Check> broken) {
            return "the kernel did not behave as the documents say: " + broken.get(0).rule() + " ("
                    + broken.get(0).observed() + ")";
        }
    }

    /** A pipe demo makes no named kernel object: its pipes are the descriptors the story and trace show. */
    private void writeJson(Findings findings) {
        DemoJson.write(out, name, checks, findings::write, json -> { },
                json -> {
                    for (Children.Child child : children.all()) {
                        writeChild(json, child);
                    }
                }, steps, Map.of(), List.of());
    }

    /** A child as JSON: who it was, its pid and how it ended. */
    private static void writeChild(JsonGenerator json, Children.Child child) throws IOException {
        WaitStatus status = child.status();
        DemoJson.processStart(json, child.role, child.pid, status == null || !status.exited() ? null
                : status.exitCode());
        json.writeArrayFieldStart("argv");
        for (String arg : child.program.argv()) {
            json.writeString(arg);
        }
        json.writeEndArray();
        if (status != null) {
            json.writeObjectFieldStart("status");
            json.writeNumberField("raw", status.raw());
            json.writeBooleanField("exited", status.exited());
            if (status.exited()) {
                json.writeNumberField("exit_code", status.exitCode());
            }
            json.writeBooleanField("signaled", status.signaled());
            if (status.signaled()) {
                json.writeNumberField("signal", status.signal());
                json.writeStringField("signal_name", Native.signalName(status.signal()));
            }
            json.writeEndObject();
        }
        json.writeBooleanField("killed_at_timeout", child.killed());
        json.writeEndObject();
    }

    /** Children first (killed and reaped if still running), then every descriptor still open. */
    @Override
    public void close() {
        try {
            children.close();
        } finally {
            fds.close();
            trace.flush();
        }
    }
}
