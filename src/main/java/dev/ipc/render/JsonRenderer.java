// Writes tables as one JSON object holding an array of row objects per table, with jackson-core.
package dev.ipc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Each table can be written on its own thread: {@link #member(Table)} writes the document {"name": [...]}
 * for one table and keeps what stands between its braces, and {@link #document(List)} puts the members of
 * several tables into one object. The result is byte for byte what one generator writing all the tables in
 * turn prints.
 */
public final class JsonRenderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonRenderer() {
    }

    public static String render(List<Table> tables) {
        List<String> members = new ArrayList<>(tables.size());
        for (Table table : tables) {
            members.add(member(table));
        }
        return document(members);
    }

    /** The table as one member of the document: its name and its array of rows, pretty-printed. */
    public static String member(Table table) {
        StringWriter out = new StringWriter(table.rows().size() * 200 + 64);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart(table.name());
            List<Table.Column> columns = table.columns();
            // Member names quoted and escaped once, not once per row.
            SerializedString[] keys = new SerializedString[columns.size()];
            for (int c = 0; c < keys.length; c++) {
                keys[c] = new SerializedString(columns.get(c).jsonKey());
            }
            for (Object[] row : table.rows()) {
                json.writeStartObject();
                for (int c = 0; c < row.length; c++) {
                    json.writeFieldName(keys[c]);
                    write(json, row[c]);
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

    static void write(JsonGenerator json, Object value) throws IOException {
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
