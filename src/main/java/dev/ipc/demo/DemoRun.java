// One run of a lab demo: its transcript, its processes and objects (always cleaned up), its checks and verdict.
package dev.ipc.demo;

import dev.ipc.cli.IpcException;
import dev.ipc.cli.Json;
import dev.ipc.model.SystemVKind;
import dev.ipc.sys.NativeCallException;
import dev.ipc.sys.SystemVLifecycle;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
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

    private final PrintWriter out;
    private final String name;
    private final boolean trace;
    private final boolean json;
    private final Transcript transcript;
    private final Narrator parent;
    private final List<Owned> objects = new ArrayList<>();
    private final List<DemoProcess> processes = new ArrayList<>();
    private final Checks checks = new Checks();
    private final List<String> notes = new ArrayList<>();
    private boolean cleaned;
    private volatile boolean interrupted;
    private final CountDownLatch verdictPrinted = new CountDownLatch(1);

    /** name is the command ("sem demo"); intro is printed first, one paragraph a line. */
    public DemoRun(PrintWriter out, String name, boolean trace, String... intro) {
        this(out, null, false, name, trace, intro);
    }

    /**
     * As above, with the system calls (--trace) on calls, "actor: call" in strace's notation, instead of in the
     * transcript; with json, only the findings, as one JSON object on out at the end.
     */
    public DemoRun(PrintWriter out, PrintWriter calls, boolean json, String name, boolean trace, String... intro) {
        this.out = out;
        this.name = name;
        this.trace = trace;
        this.json = json;
        PrintWriter story = json ? new PrintWriter(Writer.nullWriter()) : out;
        for (String paragraph : intro) {
            story.println(paragraph);
        }
        story.println();
        story.flush();
        this.transcript = new Transcript(story);
        if (calls != null) {
            transcript.callsTo(calls);
        }
        this.parent = transcript.narrator("parent", trace);
    }

    public Narrator parent() {
        return parent;
    }

    public Transcript transcript() {
        return transcript;
    }

    public boolean tracing() {
        return trace;
    }

    /** Registers an object the demo made, so that it is removed at the end whatever happens. */
    public synchronized void owns(SystemVKind kind, int id) {
        objects.add(new Owned(kind, id));
    }

    /** Starts a child running ipc with these arguments; it is stopped at the end if it still runs. */
    public DemoProcess start(String childName, List<String> ipcArguments) {
        DemoProcess process = DemoProcess.start(childName, transcript, ipcArguments);
        synchronized (this) {
            processes.add(process);
        }
        parent.say("starts " + process.label());
        return process;
    }

    /**
     * As {@link #start}, made with posix_spawn with these signals blocked from birth in every thread of its JVM.
     */
    public DemoProcess spawn(String childName, List<String> ipcArguments, int... blocked) {
        DemoProcess process = DemoProcess.spawn(childName, transcript, ipcArguments, blocked);
        synchronized (this) {
            processes.add(process);
        }
        parent.say("starts " + process.label());
        return process;
    }

    /** A check for the verdict: what the documents say, and whether the kernel did it. */
    public void check(boolean ok, String what) {
        checks.check(ok, what, what);
    }

    /** A check whose rule and observation are told apart (in --json). */
    public void check(boolean ok, String rule, String observed) {
        checks.check(ok, rule, observed);
    }

    /** A line for after the checks: figures such as throughput. */
    public void note(String text) {
        notes.add(text);
    }

    /** Waits for a child to exit; a status other than 0 fails the demo. */
    public void await(DemoProcess process, long timeoutMillis) {
        int status = process.await(timeoutMillis);
        if (status != 0) {
            throw new DemoFailure(process.label() + " exited with status " + status);
        }
        parent.say(process.label() + " exited with status 0");
    }

    /** Runs the body, cleans up, prints the checks and verdict; exit 0 only when every check passed. */
    public int execute(Body body) {
        return execute(body, null);
    }

    /** As {@link #execute(Body)}; with json, findings writes the demo's own members of the JSON object. */
    public int execute(Body body, Json.Body findings) {
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
        Runtime.getRuntime().addShutdownHook(hook);
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
                Runtime.getRuntime().removeShutdownHook(hook);
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
        if (json) {
            writeJson(findings);
            verdictPrinted.countDown();
            return checks.verdict(name + ": ", broken -> checksFailed(checks.failed()) + ": " + broken.get(0).rule());
        }
        out.println();
        out.println("Checks:");
        checks.summaryLines().forEach(out::println);
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
        int failed = checks.failed();
        out.println();
        out.println(failed == 0 ? "The kernel behaved as the documents say."
                : "The demo did not go as the documents say: " + checksFailed(failed) + ".");
        out.flush();
        verdictPrinted.countDown();
        return checks.verdict(name + ": ", broken -> checksFailed(failed) + " (see above)");
    }

    private void writeJson(Json.Body findings) {
        Json.write(out, json -> {
            json.writeStartObject();
            json.writeStringField("demo", name);
            json.writeBooleanField("ok", checks.passed());
            if (findings != null) {
                findings.write(json);
            }
            json.writeArrayFieldStart("checks");
            for (Checks.Check check : checks.checks()) {
                json.writeStartObject();
                json.writeStringField("rule", check.rule());
                json.writeBooleanField("ok", check.ok());
                json.writeStringField("observed", check.observed());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("failures");
            for (String failure : checks.failures()) {
                json.writeString(failure);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("notes");
            for (String note : notes) {
                json.writeString(note);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        out.flush();
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
