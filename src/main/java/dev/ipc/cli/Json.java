// Structured output: one JSON document per command, written with jackson-core's streaming generator.
package dev.ipc.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

public final class Json {
    private Json() {
    }

    /** What a command writes into the document it is given. */
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** Writes one indented document, then a newline, to out. */
    public static void write(PrintWriter out, Body body) {
        try (JsonGenerator json = open(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** A generator for one indented document on out, for commands that stream; closing it leaves out open. */
    public static JsonGenerator open(PrintWriter out) {
        try {
            JsonGenerator json = new JsonFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number field, or null when absent. */
    public static void optional(JsonGenerator json, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsLong());
        } else {
            json.writeNullField(name);
        }
    }
}
