// The ISO times of JSON, made by date arithmetic, equal what java.time prints, in every zone and era.
package dev.ipc.render;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeFormatTest {
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu",
            "Pacific/Chatham", "Pacific/Kiritimati", "America/Adak", "Africa/Monrovia"};

    /** What java.time prints: the local date, the time with seconds, the offset with +00:00 for UTC. */
    private static String expected(long epochSeconds, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSeconds));
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, offset);
        return t.toLocalDate() + "T" + String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
                + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    }

    @Test
    void iso_times_equal_java_time_in_every_zone_over_random_and_edge_instants() {
        long[] edges = {0, -1, 1, 59, 60, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 4_107_542_399L,
                -2_208_988_800L /* 1900 */, -62_135_596_800L /* year 1 */, 253_402_300_799L /* 9999-12-31 */,
                253_402_300_800L /* year 10000 */, -62_167_219_201L /* year -1 */, 1_795_247_672L};
        SplittableRandom random = new SplittableRandom(7);
        for (String name : ZONES) {
            ZoneId zone = ZoneId.of(name);
            CTime ctime = new CTime(zone);
            for (long edge : edges) {
                assertEquals(expected(edge, zone), TimeFormat.ISO.format(edge, ctime, null), name + " " + edge);
            }
            for (int i = 0; i < 20_000; i++) {
                long t = random.nextLong(-5_000_000_000L, 20_000_000_000L);
                assertEquals(expected(t, zone), TimeFormat.ISO.format(t, ctime, null), name + " " + t);
            }
        }
    }

    /** The default zone is read through java.util.TimeZone: the same offsets as java.time's rules since 1970. */
    @Test
    void the_default_zones_offsets_equal_java_times_rules_from_1970_to_2100() {
        long[] edges = {0, 1, 86_400, 951_782_400L, 1_795_247_672L, 2_147_483_647L, 2_147_483_648L,
                4_102_444_799L};
        SplittableRandom random = new SplittableRandom(11);
        for (String name : ZONES) {
            ZoneId zone = ZoneId.of(name);
            CTime ctime = CTime.asDefault(TimeZone.getTimeZone(zone));
            for (long edge : edges) {
                assertEquals(expected(edge, zone), TimeFormat.ISO.format(edge, ctime, null), name + " " + edge);
            }
            for (int i = 0; i < 20_000; i++) {
                long t = random.nextLong(0, 4_102_444_800L);
                assertEquals(expected(t, zone), TimeFormat.ISO.format(t, ctime, null), name + " " + t);
            }
            // and instants no clock gives still format, in the zone's last rule
            for (long far : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 1000 + 1}) {
                assertEquals(TimeZone.getTimeZone(zone).getOffset(far > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) / 1000,
                        ctime.offset(far).getTotalSeconds(), name + " " + far);
            }
        }
    }
}
