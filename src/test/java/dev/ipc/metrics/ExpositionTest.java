// The exposition writer alone: escapes, unsigned 64-bit values, and what the strict parser reads back.
package dev.ipc.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpositionTest {
    @Test
    void values_are_unsigned_64_bit_integers_written_in_full() {
        String text = new Exposition().gauge("ipc_limit", "Limits.")
                .sample("ipc_limit", -16777217L, "resource", "SHMMAX")
                .sample("ipc_limit", -1L, "resource", "SHMALL")
                .sample("ipc_limit", 0, "resource", "MSGMNI").text();
        assertEquals("# HELP ipc_limit Limits.\n# TYPE ipc_limit gauge\n"
                + "ipc_limit{resource=\"SHMMAX\"} 18446744073692774399\n"
                + "ipc_limit{resource=\"SHMALL\"} 18446744073709551615\n"
                + "ipc_limit{resource=\"MSGMNI\"} 0\n", text);
        assertEquals(new BigInteger("18446744073692774399"),
                ExpositionParser.parse(text).get("ipc_limit").value("resource", "SHMMAX"));
    }

    @Test
    void label_values_escape_backslash_quote_and_newline_and_read_back_unchanged() {
        String owner = "a\\b\"c\nd é";
        String text = new Exposition().gauge("ipc_queue_bytes", "Bytes.\nWith \\ in help.")
                .sample("ipc_queue_bytes", 7, "id", "0", "key", "0x00000000", "owner", owner).text();
        assertEquals("# HELP ipc_queue_bytes Bytes.\\nWith \\\\ in help.\n# TYPE ipc_queue_bytes gauge\n"
                + "ipc_queue_bytes{id=\"0\",key=\"0x00000000\",owner=\"a\\\\b\\\"c\\nd é\"} 7\n", text);
        assertEquals(BigInteger.valueOf(7), ExpositionParser.parse(text).get("ipc_queue_bytes")
                .value("id", "0", "key", "0x00000000", "owner", owner));
    }
}
