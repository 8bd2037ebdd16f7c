// Tables written as separate document members join into exactly what one generator writes.
package dev.ipc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonRendererTest {
    private static Table table(String name, int rows) {
        Table table = new Table(name, List.of(new Table.Column("ID", "ID", "id", true),
                new Table.Column("NAME", "NAME", "name", false), new Table.Column("SIZE", "SIZE", "size", true)));
        for (int i = 0; i < rows; i++) {
            table.add(new Object[] {(long) i, i % 2 == 0 ? "q\"uote" : null,
                    new BigInteger("18446744073692774399")});
        }
        return table;
    }

    @Test
    void joined_members_equal_one_generator_writing_every_table() throws Exception {
        List<Table> tables = List.of(table("messages", 2), table("sharedmemory", 0), table("semaphores", 1));
        StringWriter expected = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(expected)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (Table table : tables) {
                json.writeArrayFieldStart(table.name());
                for (Object[] row : table.rows()) {
                    json.writeStartObject();
                    for (int c = 0; c < row.length; c++) {
                        json.writeFieldName(table.columns().get(c).jsonKey());
                        JsonRenderer.write(json, row[c]);
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        String rendered = JsonRenderer.render(tables);
        assertEquals(expected + "\n", rendered);
        assertEquals(new BigInteger("18446744073692774399"),
                new ObjectMapper().readTree(rendered).get("semaphores").get(0).get("size").bigIntegerValue());
    }

    @Test
    void no_tables_is_an_empty_object() {
        assertEquals("{}\n", JsonRenderer.render(List.of()));
    }
}
