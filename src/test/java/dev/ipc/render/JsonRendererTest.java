// Listings written as separate document members join into exactly what one generator writes.
package dev.ipc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRendererTest {
    private static final List<String> KEYS = List.of("id", "name", "size");

    private static List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {(long) i, i % 2 == 0 ? "q\"uote" : null, new BigInteger("18446744073692774399")});
        }
        return rows;
    }

    @Test
    void joined_members_equal_one_generator_writing_every_listing() throws Exception {
        List<String> names = List.of("messages", "sharedmemory", "semaphores");
        List<List<Object[]>> listings = List.of(rows(2), rows(0), rows(1));
        StringWriter expected = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(expected)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (int t = 0; t < names.size(); t++) {
                json.writeArrayFieldStart(names.get(t));
                for (Object[] row : listings.get(t)) {
                    json.writeStartObject();
                    for (int c = 0; c < row.length; c++) {
                        json.writeFieldName(KEYS.get(c));
                        write(json, row[c]);
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        List<JsonRenderer.Member> members = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            members.add(JsonRenderer.member(names.get(t), KEYS, listings.get(t),
                    (json, row, column) -> write(json, row[column])));
        }
        String rendered = document(members);
        assertEquals(expected + "\n", rendered);
        assertEquals(new BigInteger("18446744073692774399"),
                new ObjectMapper().readTree(rendered).get("semaphores").get(0).get("size").bigIntegerValue());
    }

    @Test
    void no_listings_is_an_empty_object() {
        assertEquals("{}\n", document(List.of()));
    }

    @Test
    void utf8_members_reach_our_own_stream_as_they_are_and_any_other_writer_decoded() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L, "gr\u00fc\u00dfe \u2603", 0L});
        List<JsonRenderer.Member> members = List.of(JsonRenderer.member("messages", KEYS, rows,
                (json, row, column) -> write(json, row[column])));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter ours = Utf8Output.printWriter(bytes, false);
        ours.write("before ");
        JsonRenderer.writeDocument(ours, members);
        ours.flush();
        String decoded = document(members);
        assertEquals("before " + decoded, bytes.toString(StandardCharsets.UTF_8));
        assertTrue(decoded.contains("\"name\" : \"gr\u00fc\u00dfe \u2603\""), decoded);
    }

    /** A cell's value as JSON, by its type. */
    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof BigInteger b) {
            json.writeNumber(b);
        } else {
            json.writeString(value.toString());
        }
    }

    private static String document(List<JsonRenderer.Member> members) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        JsonRenderer.writeDocument(out, members);
        out.flush();
        return text.toString();
    }
}
