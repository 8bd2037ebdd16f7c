// The count of torn records, on streams made by hand.
package dev.ipc.pipe;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TornRecordsTest {
    private static TornRecords count(int writers, int size, String... chunks) {
        TornRecords torn = new TornRecords(writers, size);
        for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.US_ASCII);
            torn.accept(bytes, bytes.length);
        }
        return torn.finish();
    }

    @Test
    void whole_records_in_any_order_are_not_torn() {
        TornRecords torn = count(2, 4, "AAAABBBB", "AAAAAAAA", "BBBB");
        assertEquals(0, torn.torn());
        assertEquals(12, torn.received(0));
        assertEquals(8, torn.received(1));
    }

    @Test
    void a_record_split_by_another_writers_bytes_is_torn_once() {
        assertEquals(1, count(2, 4, "AABBBBAA").torn());
        assertEquals(1, count(3, 4, "ABBBBACCCCAA").torn());
    }

    @Test
    void the_split_may_fall_anywhere_even_between_two_reads() {
        assertEquals(0, count(2, 4, "AA", "AA", "BB", "BB").torn());
        assertEquals(2, count(2, 6, "AAAA", "BBBBBB", "AA", "BBBBAAAAAA", "BB").torn());
    }

    @Test
    void bytes_of_no_writer_are_counted_apart() {
        TornRecords torn = count(1, 2, "AAxyAA");
        assertEquals(2, torn.foreign());
        assertEquals(0, torn.torn());
        assertEquals(4, torn.received(0));
    }
}
