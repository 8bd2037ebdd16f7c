// The documents' rules a demo checks, what failed that is not the kernel's doing, and the verdict: one API for all demos.
package dev.ipc.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.IpcException;

import java.io.IOException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every demo (pipe-demo, sem/msg/shm demo) records here whether the kernel kept each rule; a demo passes, exit
 * status 0, only when every check passed and nothing else failed (a child that failed or hung, an error); otherwise
 * exit status 1. How the checks are shown is the demo's: as the story goes ({@link Check#storyLine}) or in a summary
 * after the transcript ({@link Check#summaryLine}).
 */
public final class Checks {
    /** A rule of the documents, whether the kernel kept it this time, and what was seen. */
    public record Check(String rule, boolean ok, String observed) {
        /** The line told as the check is made: "ok: rule", or the rule broken and what was seen. */
        public String storyLine() {
            return ok ? "ok: " + rule : "NOT AS DOCUMENTED: " + rule + " (" + observed + ")";
        }

        /** The line of the summary after the transcript. */
        public String summaryLine() {
            return summaryLine(ok, rule);
        }

        static String summaryLine(boolean ok, String text) {
            return (ok ? "  ok    " : "  FAIL  ") + text;
        }
    }

    private final List<Check> checks = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /** Records a check; the demo shows it as it likes. */
    public synchronized Check check(boolean ok, String rule, String observed) {
        Check check = new Check(rule, ok, observed);
        checks.add(check);
        return check;
    }

    /** Something that went wrong that is not the kernel's doing: a failing child, a timeout, an error. */
    public synchronized void fail(String message) {
        failures.add(message);
    }

    public synchronized List<Check> checks() {
        return List.copyOf(checks);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** The summary: a line per check, then a FAIL line per other failure. */
    public synchronized List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        for (Check check : checks) {
            lines.add(check.summaryLine());
        }
        for (String failure : failures) {
            lines.add(Check.summaryLine(false, failure));
        }
        return lines;
    }

    /** The "checks" and "failures" arrays, inside a demo's JSON object. */
    public synchronized void writeJson(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("checks");
        for (Check check : checks) {
            json.writeStartObject();
            json.writeStringField("rule", check.rule());
            json.writeBooleanField("ok", check.ok());
            json.writeStringField("observed", check.observed());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("failures");
        for (String failure : failures) {
            json.writeString(failure);
        }
        json.writeEndArray();
    }

    /** Failed checks and other failures together. */
    public synchronized int failed() {
        return broken().size() + failures.size();
    }

    /**
     * The checks the kernel failed, in order. A loop, not a stream: a demo's verdict is its last step, and the
     * first stream's set-up (its flags' EnumMap reads the enum by reflection) cost more than the rest of the step.
     */
    private List<Check> broken() {
        List<Check> broken = new ArrayList<>();
        for (Check check : checks) {
            if (!check.ok()) {
                broken.add(check);
            }
        }
        return broken;
    }

    public boolean passed() {
        return failed() == 0;
    }

    /**
     * Returns exit status 0 when the demo passed; otherwise throws for exit status 1 with prefix and the first
     * failure, or, when only checks failed, what describes them.
     */
    public synchronized int verdict(String prefix, Function<List<Check>, String> checksFailed) {
        if (!failures.isEmpty()) {
            throw IpcException.failure(prefix + failures.get(0));
        }
        List<Check> broken = List.copyOf(broken());
        if (!broken.isEmpty()) {
            throw IpcException.failure(prefix + checksFailed.apply(broken));
        }
        return 0;
    }
}
