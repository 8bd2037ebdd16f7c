// Writes listings as one JSON object holding an array of row objects per listing, with jackson-core.
package dev.ipc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Each listing can be written on its own thread: {@link #member} writes the document {"name": [...]} for one
 * listing and keeps what stands between its braces, and {@link #document(List)} puts the members of several
 * listings into one object. The result is byte for byte what one generator writing them all in turn prints.
 */
public final class JsonRenderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonRenderer() {
    }

    /** Writes the value of one cell of a row. */
    public interface CellWriter<T> {
        void write(JsonGenerator json, T row, int column) throws IOException;
    }

    /**
     * Rows written straight from their objects, with no table of cells in between: a listing of 24,000
     * objects need not box and hold 200,000 values first.
     */
    public static <T> String member(String name, List<String> keys, List<T> rows, CellWriter<T> cells) {
        StringWriter out = new StringWriter(rows.size() * 200 + 64);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart(name);
            // Member names quoted and escaped once, not once per row.
            SerializedString[] names = new SerializedString[keys.size()];
            for (int c = 0; c < names.length; c++) {
                names[c] = new SerializedString(keys.get(c));
            }
            for (T row : rows) {
                json.writeStartObject();
                for (int c = 0; c < names.length; c++) {
                    json.writeFieldName(names[c]);
                    cells.write(json, row, c);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String document = out.toString();
        // "{" member "\n}": keep the member with its leading line break
        return document.substring(1, document.lastIndexOf('\n'));
    }

    public static String document(List<String> members) {
        StringBuilder json = new StringBuilder(members.stream().mapToInt(String::length).sum() + 16);
        json.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(members.get(i));
        }
        return json.append(members.isEmpty() ? "}\n" : "\n}\n").toString();
    }

    /** A value as JSON: null, a number (Long, Integer, Double, BigInteger), a boolean, or a string. */
    public static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof BigInteger b) {
            json.writeNumber(b);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }
}
