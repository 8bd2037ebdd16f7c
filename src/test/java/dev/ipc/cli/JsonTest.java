// The one JSON set-up: jackson's default pretty printing byte for byte, as text or UTF-8, and exact unsigned numbers.
package dev.ipc.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {
    /** Nested objects and arrays, empty ones, ten levels deep, and text beyond ASCII. */
    private static void sample(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", "café ✓");
        json.writeArrayFieldStart("list");
        json.writeNumber(1);
        json.writeStartObject();
        json.writeEndObject();
        json.writeStartArray();
        json.writeEndArray();
        json.writeEndArray();
        for (int level = 0; level < 10; level++) {
            json.writeObjectFieldStart("level" + level);
        }
        json.writeBooleanField("deep", true);
        for (int level = 0; level < 10; level++) {
            json.writeEndObject();
        }
        json.writeNullField("none");
        json.writeEndObject();
    }

    private static String jacksonDefault() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            sample(json);
        }
        return text.toString();
    }

    @Test
    void indents_as_jacksons_default_pretty_printer_on_a_writer_and_as_utf8_bytes() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.open(text)) {
            sample(json);
        }
        assertEquals(jacksonDefault(), text.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.open(bytes)) {
            sample(json);
        }
        assertEquals(jacksonDefault(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void one_line_documents_have_no_blanks() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.openOneLine(text)) {
            json.writeStartObject();
            json.writeNumberField("id", 3);
            json.writeEndObject();
        }
        assertEquals("{\"id\":3}", text.toString());
    }

    @Test
    void unsigned_values_beyond_2_to_the_53_stay_exact() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.openOneLine(text)) {
            json.writeStartArray();
            Json.unsigned(json, 0xfffffffffeffffffL); // the default shmmax, 18446744073692774399
            Json.unsigned(json, (1L << 53) + 1);
            Json.unsigned(json, 0);
            json.writeEndArray();
        }
        assertEquals("[18446744073692774399,9007199254740993,0]", text.toString());
    }
}
