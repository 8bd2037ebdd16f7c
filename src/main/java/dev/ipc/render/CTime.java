// ctime(3) in a given time zone: "Sat Nov 21 04:40:19 2026", as ipcs prints times.
package dev.ipc.render;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.TimeZone;

public final class CTime {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private final ZoneId zone;
    /** TZ as the run's environment gives it, or null. */
    private final String tz;
    private ZoneRules rules;
    private TimeZone defaultZone;

    public CTime(ZoneId zone) {
        this(zone, null, null);
    }

    private CTime(ZoneId zone, String tz, TimeZone defaultZone) {
        this.zone = zone;
        this.tz = tz;
        this.defaultZone = defaultZone;
    }

    /** In the JVM's default time zone, looked up when the first time is formatted. */
    public static CTime systemDefault() {
        return new CTime(null, null, null);
    }

    /** As {@link #systemDefault()}, with no look-up at all when the run's environment names UTC (TZ=UTC). */
    public static CTime systemDefault(Map<String, String> environment) {
        return new CTime(null, environment.get("TZ"), null);
    }

    /** The default zone's way, with the given zone in its place: for tests. */
    static CTime asDefault(TimeZone zone) {
        return new CTime(null, null, zone);
    }

    /**
     * The offset from UTC at that instant. The JVM's default zone is read through java.util.TimeZone, whose
     * zone data is read from the JDK's time-zone file alone; java.time's ZoneId.systemDefault() also sets up the
     * zone-rules providers, which look for services on the class path (a scan of the jar) before the same data
     * is read.
     */
    public ZoneOffset offset(long epochSeconds) {
        if (zone != null) {
            return rules().getOffset(Instant.ofEpochSecond(epochSeconds));
        }
        if (defaultZone == null && utcByEnvironment()) {
            return ZoneOffset.UTC;
        }
        TimeZone known = defaultZone;
        if (known == null) { // threads that race here read the same zone
            known = TimeZone.getDefault();
            defaultZone = known;
        }
        // beyond the range of milliseconds in a long (292 million years) the zone's last rule holds anyway
        long millis = epochSeconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE
                : epochSeconds < Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : epochSeconds * 1000;
        return ZoneOffset.ofTotalSeconds(known.getOffset(millis) / 1000);
    }

    private ZoneRules rules() {
        ZoneRules known = rules;
        if (known == null) { // threads that race here compute the same immutable rules
            known = zone.getRules();
            rules = known;
        }
        return known;
    }

    /**
     * Whether TZ names UTC, as on many servers and in scripts (TZ=UTC): then the zone needs no look-up in the
     * JDK's time-zone database.
     */
    private boolean utcByEnvironment() {
        return System.getProperty("user.timezone", "").isEmpty() && tz != null
                && (tz.equals("UTC") || tz.equals("Etc/UTC") || tz.equals("GMT") || tz.equals("Etc/GMT"));
    }

    /** The local time now, to the second. */
    public LocalDateTime now() {
        return local(Math.floorDiv(System.currentTimeMillis(), 1000L));
    }

    /** "%.3s %.3s%3d %.2d:%.2d:%.2d %d", the 24 characters of ctime without its newline. */
    public String format(long epochSeconds) {
        LocalDateTime t = local(epochSeconds);
        StringBuilder s = new StringBuilder(24);
        s.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(' ').append(MONTHS[t.getMonthValue() - 1]);
        int day = t.getDayOfMonth();
        s.append(day < 10 ? "  " : " ").append(day).append(' ');
        two(s, t.getHour()).append(':');
        two(s, t.getMinute()).append(':');
        two(s, t.getSecond()).append(' ').append(t.getYear());
        return s.toString();
    }

    public LocalDateTime local(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, offset(epochSeconds));
    }

    private static StringBuilder two(StringBuilder s, int value) {
        if (value < 10) {
            s.append('0');
        }
        return s.append(value);
    }
}
