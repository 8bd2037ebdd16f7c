// The one shape of every demo's --json: the same top-level members, in the same order, for the same things.
package dev.ipc.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.Json;
import dev.ipc.render.JsonFields;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * "demo" (the command), "ok", the demo's own findings, "objects" (the kernel objects it made, each "kind" shm, msg
 * or sem and "id"), "processes" (each "name", "pid", "exit_status" or null, and what else the demo knows of it), "steps"
 * (the transcript: "seconds" since the run began, to the millisecond, "process", "kind" say or call, "text"), "checks" (each "rule",
 * "ok", "observed"), "failures", "figures" (numbers in base units, named with their unit) and "notes".
 */
public final class DemoJson {
    /** A line of the transcript: "say" for a step told, "call" for a system call (with --trace). */
    public record Step(long nanos, String process, String kind, String text) {
    }

    private DemoJson() {
    }

    public static void write(PrintWriter out, String demo, Checks checks, Json.Body findings, Json.Body objects,
                             Json.Body processes, List<Step> steps, Map<String, Number> figures,
                             List<String> notes) {
        Json.write(out, json -> {
            json.writeStartObject();
            json.writeStringField("demo", demo);
            json.writeBooleanField("ok", checks.passed());
            findings.write(json);
            json.writeArrayFieldStart("objects");
            objects.write(json);
            json.writeEndArray();
            json.writeArrayFieldStart("processes");
            processes.write(json);
            json.writeEndArray();
            json.writeArrayFieldStart("steps");
            for (Step step : steps) {
                json.writeStartObject();
                JsonFields.seconds(json, "seconds", step.nanos());
                json.writeStringField("process", step.process());
                json.writeStringField("kind", step.kind());
                json.writeStringField("text", step.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            checks.writeJson(json);
            json.writeObjectFieldStart("figures");
            for (Map.Entry<String, Number> figure : figures.entrySet()) {
                json.writeFieldName(figure.getKey());
                writeNumber(json, figure.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("notes");
            for (String note : notes) {
                json.writeString(note);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        out.flush();
    }

    private static void writeNumber(JsonGenerator json, Number value) throws IOException {
        if (value instanceof Double || value instanceof Float) {
            json.writeNumber(value.doubleValue());
        } else {
            json.writeNumber(value.longValue());
        }
    }

    /** A process's entry: its name, pid and exit status (null while it has none); more members may follow. */
    public static void processStart(JsonGenerator json, String name, long pid, Integer exitStatus) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeNumberField("pid", pid);
        if (exitStatus == null) {
            json.writeNullField("exit_status");
        } else {
            json.writeNumberField("exit_status", exitStatus);
        }
    }
}
