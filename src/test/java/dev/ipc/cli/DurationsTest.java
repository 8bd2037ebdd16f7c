// The one duration grammar every option uses: units, plain seconds, sums, the range check and its message.
package dev.ipc.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {
    @ParameterizedTest(name = "{0} is {1} ns")
    @CsvSource({"500ms, 500000000", "2s, 2000000000", "1m, 60000000000", "1h30m, 5400000000000",
            "2, 2000000000", "1.5, 1500000000", ".5s, 500000000", "20us, 20000", "7ns, 7", "1d12h, 129600000000000",
            "2w, 1209600000000000", "0, 0", "0s, 0", "2S, 2000000000", "365d, 31536000000000000",
            "52w, 31449600000000000", "8760h, 31536000000000000", "007s, 7000000000", "' 5s', 5000000000"})
    void reads_units_sums_and_plain_seconds(String text, long nanos) {
        assertEquals(nanos, Durations.nanos("--timeout", text));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "s", "5x", "1h30", "-1s", "1e3", "1..5s", "1s 2s", "365d1s", "9999999999999s",
            "366d", "8761h", "999999999999w", "31536001s"})
    void refuses_what_is_no_duration_or_beyond_a_year_in_one_message(String text) {
        assertRefused("--timeout", text, "from 0", () -> Durations.nanos("--timeout", text));
    }

    @Test
    void refuses_zero_where_zero_means_nothing_by_the_same_check() {
        assertEquals(1, Durations.positiveNanos("--idle-timeout", "1ns"));
        for (String zero : new String[] {"0", "0ms", "0.0s"}) {
            assertRefused("--idle-timeout", zero, "more than 0", () -> Durations.positiveNanos("--idle-timeout", zero));
        }
    }

    private static void assertRefused(String option, String text, String lowest, Executable parse) {
        IpcException e = assertThrows(IpcException.class, parse, text);
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertEquals("invalid " + option + " '" + text + "': expected a duration such as 500ms, 2s, 1m or 1h30m "
                + "(a plain number is seconds), " + lowest + " and at most 365d", e.getMessage());
    }

    @Test
    void formats_the_shortest_exact_form_for_messages() {
        assertEquals("300ms", Durations.format(300_000_000L));
        assertEquals("1.5s", Durations.format(1_500_000_000L));
        assertEquals("5s", Durations.format(5_000_000_000L));
        assertEquals("2m", Durations.format(120_000_000_000L));
        assertEquals("90s", Durations.format(90_000_000_000L));
        assertEquals("20us", Durations.format(20_000L));
    }

    @Test
    void formats_every_scale_as_the_exact_decimal_without_trailing_zeros() {
        long[] samples = {1, 7, 10, 999, 1_000, 1_001, 20_500, 999_999, 1_000_000, 1_234_567, 999_999_999,
                1_000_000_000L, 1_000_000_001L, 59_999_999_999L, 61_000_000_000L, 3_600_000_000_001L,
                Long.MAX_VALUE};
        for (long nanos : samples) {
            int scale = nanos >= 1_000_000_000L ? 9 : nanos >= 1_000_000L ? 6 : 3;
            String unit = scale == 9 ? "s" : scale == 6 ? "ms" : "us";
            String expected = nanos >= 60_000_000_000L && nanos % 60_000_000_000L == 0
                    ? nanos / 60_000_000_000L + "m"
                    : java.math.BigDecimal.valueOf(nanos, scale).stripTrailingZeros().toPlainString() + unit;
            assertEquals(expected, Durations.format(nanos), "format(" + nanos + ")");
            assertEquals("-" + expected, Durations.format(-nanos), "format(-" + nanos + ")");
        }
    }
}
