// Writes tables as one JSON object holding an array of row objects per table, with jackson-core.
package dev.ipc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

public final class JsonRenderer {
    private JsonRenderer() {
    }

    public static String render(List<Table> tables) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (Table table : tables) {
                json.writeArrayFieldStart(table.name());
                List<Table.Column> columns = table.columns();
                for (Object[] row : table.rows()) {
                    json.writeStartObject();
                    for (int c = 0; c < row.length; c++) {
                        json.writeFieldName(columns.get(c).jsonKey());
                        write(json, row[c]);
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
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
