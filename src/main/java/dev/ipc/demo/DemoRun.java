// One run of a lab demo: its transcript, its processes and objects (always cleaned up), its checks and verdict.
package dev.ipc.demo;

import dev.ipc.cli.IpcException;
import dev.ipc.cli.Json;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVLifecycle;
import dev.ipc.util.ShutdownHooks;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The objects a demo creates and the processes it starts are registered here at once, and removed and stopped
 * whatever happens: normal end, a failed check, a child that fails or hangs, an exception, or Ctrl-C (a shutdown
 * hook). Children also remove the objects themselves if this process dies without cleaning up (see ChildLink).
 */
public final class DemoRun {
    private record Owned(SystemVKind kind, int id) {
    }

    /** A step of the demo, which may fail with DemoFailure. */
    public interface Body {
        void run(DemoRun run) throws Exception;
    }

    /**
     * Where the run goes. Text: the transcript on out. --json: one JSON object on out. --diagram: a Mermaid
     * sequence diagram on out. --trace: the calls on err in strace's notation, "process: call = result", whatever
     * goes to out.
     */
    public record Output(PrintWriter out, PrintWriter err, boolean trace, boolean json, boolean diagram) {
        /** Whether processes must tell their calls: to show them or to draw them. */
        public boolean calls() {
            return trace || diagram;
        }

        boolean story() {
            return !json && !diagram;
        }
    }

    private final PrintWriter out;
    private final String name;
    private final boolean trace;
    private final Output output;
    private final Map<String, String> environment;
    private Json.Body findings = json -> { };
    private final Transcript transcript;
    private final Narrator parent;
    private final List<Owned> objects = new ArrayList<>();
    private final List<DemoProcess> processes = new ArrayList<>();
    private final List<Runnable> removals = new ArrayList<>();
    private final Checks checks = new Checks();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Number> figures = new LinkedHashMap<>();
    private boolean cleaned;
    private volatile boolean interrupted;
    private final CountDownLatch verdictPrinted = new CountDownLatch(1);

    /** name is the command ("sem demo"); intro is printed first, with the transcript only, one paragraph a line. */
    public DemoRun(Output output, Map<String, String> environment, String name, String... intro) {
        this.output = output;
        this.environment = Map.copyOf(environment);
        this.out = output.out();
        this.name = name;
        this.trace = output.calls();
        if (output.story()) {
            for (String paragraph : intro) {
                out.println(paragraph);
            }
            out.println();
            out.flush();
        }
        PrintWriter calls = output.trace() ? output.err() : null;
        this.transcript = new Transcript(output.story() ? out : null, calls);
        this.parent = transcript.narrator("parent", trace);
    }

    public Narrator parent() {
        return parent;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** Whether processes tell their calls (--trace or --diagram): children must be started with --trace then. */
    public boolean tracing() {
        return trace;
    }

    /** What --json writes besides the checks. */
    public void findings(Json.Body findings) {
        this.findings = findings;
    }

    /** Registers an object the demo made, so that it is removed at the end whatever happens. */
    public synchronized void owns(SystemVKind kind, int id) {
        objects.add(new Owned(kind, id));
    }

    /**
     * Registers the removal of something else the demo made (a folder, a socket file), run at the end after the
     * processes are stopped, whatever happens, Ctrl-C included; it must not throw.
     */
    public synchronized void removes(Runnable removal) {
        removals.add(removal);
    }

    /**
     * Starts a child process, given this run's environment; it is stopped at the end if it still runs. Make its
     * record after the objects it needs are registered: it carries {@link #objectList()}.
     */
    public DemoProcess start(String childName, DemoChild child) {
        DemoProcess process = DemoProcess.start(childName, transcript, child, environment);
        synchronized (this) {
            processes.add(process);
        }
        transcript.add(System.nanoTime(), "parent", Transcript.Kind.START, process.label(), "starts");
        parent.say("starts " + process.label());
        return process;
    }

    /**
     * As {@link #start}, made with posix_spawn with these signals blocked from birth in every thread of its JVM.
     */
    public DemoProcess spawn(String childName, DemoChild child, int... blocked) {
        DemoProcess process = DemoProcess.spawn(childName, transcript, child, environment, blocked);
        synchronized (this) {
            processes.add(process);
        }
        transcript.add(System.nanoTime(), "parent", Transcript.Kind.START, process.label(), "starts");
        parent.say("starts " + process.label());
        return process;
    }

    /** A check whose rule and observation are told apart (in --json). */
    public void check(boolean ok, String rule, String observed) {
        Checks.Check check = checks.check(ok, rule, observed);
        transcript.add(System.nanoTime(), "parent", Transcript.Kind.CHECK, null, check.storyLine());
    }

    /** A check for the verdict: what the documents say, and whether the kernel did it. */
    public void check(boolean ok, String what) {
        check(ok, what, what);
    }

    /** A note for --diagram only: what the run did that its traced calls leave out, so the picture is not taken
     * for the whole run. */
    public void undrawn(String text) {
        transcript.add(System.nanoTime(), "parent", Transcript.Kind.NOTE, null, text);
    }

    /** A line for after the checks: figures such as throughput. */
    public void note(String text) {
        notes.add(text);
    }

    /**
     * A figure of the run for --json ("items_per_second"): a name in snake case with its unit, a number in
     * base units. The text gives it in a {@link #note}.
     */
    public synchronized void figure(String name, Number value) {
        figures.put(name, value);
    }

    /** Waits for a child to exit; a status other than 0 fails the demo. */
    public void await(DemoProcess process, long timeoutMillis) {
        int status = process.await(timeoutMillis);
        if (status != 0) {
            throw new DemoFailure(process.label() + " exited with status " + status);
        }
        transcript.add(System.nanoTime(), process.label(), Transcript.Kind.EXIT, "parent", "exit status 0");
        parent.say(process.label() + " exited with status 0");
    }

    /** As {@link #execute(Body)}; with --json, findings writes the demo's own members of the JSON object. */
    public int execute(Body body, Json.Body findings) {
        findings(findings);
        return execute(body);
    }

    /** Runs the body, cleans up, prints the checks and verdict; exit 0 only when every check passed. */
    public int execute(Body body) {
        Thread hook = new Thread(() -> {
            interrupted = true;
            parent.say("interrupted: stopping the processes and removing the objects");
            cleanUp();
            // The demo's own thread sees its processes end and prints the verdict; the JVM halts when this returns.
            try {
                verdictPrinted.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            transcript.close();
        }, "ipc-demo-cleanup");
        ShutdownHooks.add(hook);
        String failure = null;
        try {
            body.run(this);
        } catch (DemoFailure e) {
            failure = e.getMessage();
        } catch (NativeCallException | IpcException e) {
            failure = e.getMessage();
        } catch (Exception e) {
            failure = e.toString();
        } finally {
            cleanUp();
            transcript.close();
            try {
                ShutdownHooks.remove(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will: it finds everything cleaned up
            }
        }
        if (interrupted) {
            failure = "interrupted before it could finish";
        }
        if (failure != null) {
            checks.fail(failure);
        }
        int failed = checks.failed();
        if (output.json()) {
            writeJson();
        } else if (output.diagram()) {
            out.print(diagram().render());
        } else {
            out.println();
            out.println("Checks:");
            checks.summaryLines().forEach(out::println);
            if (!notes.isEmpty()) {
                out.println();
                notes.forEach(out::println);
            }
            out.println();
            out.println(failed == 0 ? "The kernel behaved as the documents say."
                    : "The demo did not go as the documents say: " + checksFailed(failed) + ".");
        }
        out.flush();
        verdictPrinted.countDown();
        return checks.verdict(name + ": ", broken -> checksFailed(failed) + (output.story() ? " (see above)"
                : ": " + broken.get(0).rule()));
    }

    private void writeJson() {
        List<DemoJson.Step> steps = new ArrayList<>();
        for (Transcript.Event event : transcript.events()) {
            boolean call = event.kind() == Transcript.Kind.CALL;
            if (event.kind() == Transcript.Kind.SAY || call && output.trace()) {
                steps.add(new DemoJson.Step(Math.max(0, event.nanos() - transcript.start()), event.actor(),
                        call ? "call" : "say", event.text()));
            }
        }
        DemoJson.write(out, name, checks, findings, this::writeObjects, this::writeProcesses, steps, figures, notes);
    }

    private synchronized void writeObjects(JsonGenerator json) throws IOException {
        for (Owned object : objects) {
            json.writeStartObject();
            json.writeStringField("kind", object.kind().shortName()); // the vocabulary's shm, msg, sem
            json.writeNumberField("id", object.id());
            json.writeEndObject();
        }
    }

    private synchronized void writeProcesses(JsonGenerator json) throws IOException {
        for (DemoProcess process : processes) {
            DemoJson.processStart(json, process.name(), process.pid(), process.exitStatus());
            json.writeEndObject();
        }
    }

    /** The run as it happened, drawn from the transcript's events; failures that are no check close it. */
    public Diagram diagram() {
        Diagram diagram = DiagramEvents.draw(transcript.events(), "parent", "parent[" + ProcessHandle.current().pid()
                + "]");
        checks.failures().forEach(failure -> diagram.noteAcross("FAIL: " + failure));
        return diagram;
    }

    private static String checksFailed(int failed) {
        return failed + " check" + (failed == 1 ? "" : "s") + " failed";
    }

    /** Stops what still runs, then removes every object; safe to call twice. */
    private synchronized void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        for (DemoProcess process : processes) {
            if (process.alive()) {
                parent.say("stops " + process.label() + ", which is still running");
            }
            process.stop();
        }
        removals.forEach(Runnable::run);
        for (Owned object : objects) {
            int id = object.id();
            SystemVKind kind = object.kind();
            try {
                SystemVLifecycle.remove(kind, id);
                parent.trace(Calls.remove(kind, id) + " = 0");
                parent.say("removes " + kind.noun() + " " + id);
            } catch (NativeCallException e) {
                parent.say(SystemVLifecycle.exists(kind, id) ? "could not remove " + kind.noun() + " " + id + ": " + e.getMessage()
                        : kind.noun() + " " + id + " is gone already: a child removed it as it saw this process end");
            }
        }
    }

    /** The objects a child removes when the parent is gone: "--objects" argument text, e.g. "sem:3,shm:5". */
    public synchronized String objectList() {
        List<String> parts = new ArrayList<>();
        objects.forEach(object -> parts.add(object.kind().name() + ":" + object.id()));
        return String.join(",", parts);
    }

    /** Removes the objects of an objectList(), as a child does when its parent died; ignores failures. */
    public static void removeObjects(String list) {
        if (list == null || list.isEmpty()) {
            return;
        }
        for (String part : list.split(",")) {
            String[] kindAndId = part.split(":");
            try {
                SystemVLifecycle.remove(SystemVKind.valueOf(kindAndId[0]), Integer.parseInt(kindAndId[1]));
            } catch (RuntimeException alreadyGone) {
                // removed by the parent or another child
            }
        }
    }
}
