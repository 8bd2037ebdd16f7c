// Writes listings as one JSON object holding an array of row objects per listing, with jackson-core.
package dev.ipc.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.ipc.cli.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Each listing can be written on its own thread: {@link #member} writes the document {"name": [...]} for one
 * listing and keeps what stands between its braces, and {@link #writeDocument} puts the members of several
 * listings into one object. The result is byte for byte what one generator writing them all in turn prints.
 */
public final class JsonRenderer {
    private JsonRenderer() {
    }

    /** One listing's member of the document, as UTF-8: bytes[offset, offset + length). */
    public record Member(byte[] bytes, int offset, int length) {
    }

    /** Writes the value of one cell of a row. */
    public interface CellWriter<T> {
        void write(JsonGenerator json, T row, int column) throws IOException;
    }

    /**
     * Rows written straight from their objects, with no table of cells in between: a listing of 24,000
     * objects need not box and hold 200,000 values first. The member comes as UTF-8, as it is printed.
     */
    public static <T> Member member(String name, List<String> keys, List<T> rows, CellWriter<T> cells) {
        return member(name, keys, rows, cells, null);
    }

    /** Members a row has after its cells (a semaphore set's elements, say). */
    public interface MoreWriter<T> {
        void write(JsonGenerator json, T row) throws IOException;
    }

    /** As {@link #member(String, List, List, CellWriter)}, with more members after each row's cells (or null). */
    public static <T> Member member(String name, List<String> keys, List<T> rows, CellWriter<T> cells,
            MoreWriter<T> more) {
        // about 24 bytes a cell as printed: the buffer seldom grows, nor is much larger than needed
        Buffer out = new Buffer(rows.size() * (keys.size() * 24 + 16) + 64);
        try (JsonGenerator json = Json.open(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart(name);
            // Member names quoted and escaped once, not once per row.
            SerializedString[] names = new SerializedString[keys.size()];
            for (int c = 0; c < names.length; c++) {
                names[c] = new SerializedString(keys.get(c));
            }
            for (T row : rows) {
                writeRow(json, names, row, cells, more);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // "{" member "\n}": keep the member with its leading line break
        return out.memberOfDocument();
    }

    /** One row; a method of its own so that it is compiled after a few hundred rows, not interpreted. */
    private static <T> void writeRow(JsonGenerator json, SerializedString[] names, T row, CellWriter<T> cells,
            MoreWriter<T> more) throws IOException {
        json.writeStartObject();
        for (int c = 0; c < names.length; c++) {
            json.writeFieldName(names[c]);
            cells.write(json, row, c);
        }
        if (more != null) {
            more.write(json, row);
        }
        json.writeEndObject();
    }

    /** Prints the members as one JSON document: byte for byte what one generator writing them in turn prints. */
    public static void writeDocument(PrintWriter out, List<Member> members) {
        out.write('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Member member = members.get(i);
            Utf8Output.writeUtf8(out, member.bytes(), member.offset(), member.length());
        }
        out.write(members.isEmpty() ? "}\n" : "\n}\n");
    }

    /** The generator's bytes, taken without a copy of the whole document first. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        /** What stands between the document's opening brace and the line break before its closing one. */
        Member memberOfDocument() {
            int end = count;
            while (end > 0 && buf[end - 1] != '\n') {
                end--;
            }
            return new Member(buf, 1, end - 2);
        }
    }
}
