// Structured output: the one place that makes jackson-core generators with the project's settings, and its helpers.
package dev.ipc.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Every generator leaves its target open (the command's writer outlives the document), indents as jackson's
 * default pretty printer does (two spaces, " : ", a line break per member), and writes text as UTF-8 when it
 * writes bytes. Unsigned 64-bit values such as shmmax go through {@link #unsigned} so that numbers beyond 2^53
 * stay exact integers.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

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
    public static JsonGenerator open(Writer out) {
        try {
            return indented(FACTORY.createGenerator(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same document as UTF-8 bytes, for output built apart before it is printed. */
    public static JsonGenerator open(OutputStream out) {
        try {
            return indented(FACTORY.createGenerator(out, JsonEncoding.UTF8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document on one line, for output that scripts read line by line (ipc mk --json). */
    public static JsonGenerator openOneLine(Writer out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unsigned 64-bit value as the exact integer, beyond Long.MAX_VALUE too. */
    public static void unsigned(JsonGenerator json, long value) throws IOException {
        if (value >= 0) {
            json.writeNumber(value);
        } else {
            json.writeNumber(new BigInteger(Long.toUnsignedString(value)));
        }
    }

    /** An array field of whole numbers (pids). */
    public static void numbers(JsonGenerator json, String name, java.util.List<Integer> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    /** An array field of strings (paths). */
    public static void strings(JsonGenerator json, String name, java.util.List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** A number field, or null when absent. */
    public static void optional(JsonGenerator json, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsLong());
        } else {
            json.writeNullField(name);
        }
    }

    private static JsonGenerator indented(JsonGenerator json) {
        return json.setPrettyPrinter(new PrettyPrinter());
    }

    /**
     * Jackson's default pretty printing, byte for byte, with its line breaks, indentation and " : " encoded once:
     * the default printer turns them from chars into bytes again for each of 200,000 cells of a large listing.
     */
    private static final class PrettyPrinter extends DefaultPrettyPrinter {
        // The default printer's own separators, encoded once.
        private final SerializedString fieldValueSeparator = new SerializedString(_objectFieldValueSeparatorWithSpaces);
        private final SerializedString entrySeparator = new SerializedString(_objectEntrySeparator);
        private final SerializedString valueSeparator = new SerializedString(_arrayValueSeparator);

        PrettyPrinter() {
            indentObjectsWith(new Indentation());
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new PrettyPrinter();
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(fieldValueSeparator);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
            json.writeRaw(entrySeparator);
            _objectIndenter.writeIndentation(json, _nesting);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(valueSeparator);
            _arrayIndenter.writeIndentation(json, _nesting);
        }
    }

    /** A line break and two spaces a level, as DefaultIndenter writes them on Linux. */
    private static final class Indentation implements DefaultPrettyPrinter.Indenter {
        private static final SerializedString[] LEVELS = new SerializedString[8];

        static {
            for (int level = 0; level < LEVELS.length; level++) {
                LEVELS[level] = new SerializedString("\n" + "  ".repeat(level));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator json, int level) throws IOException {
            json.writeRaw(level < LEVELS.length ? LEVELS[level] : new SerializedString("\n" + "  ".repeat(level)));
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}
