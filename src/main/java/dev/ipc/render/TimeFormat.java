// lsipc's --time-format: short (a time today, a date otherwise), full (ctime) or iso (ISO 8601).
package dev.ipc.render;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

public enum TimeFormat {
    SHORT, FULL, ISO;

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    /** The format named on the command line (any case), or null when there is none of that name. */
    public static TimeFormat byName(String name) {
        for (TimeFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        return null;
    }

    /** @param now the present, in the same zone, for the short format's "today" and "this year" */
    public String format(long epochSeconds, CTime zone, LocalDateTime now) {
        LocalDateTime t = zone.local(epochSeconds);
        switch (this) {
            case FULL:
                return zone.format(epochSeconds);
            case ISO:
                ZoneOffset offset = zone.offset(epochSeconds);
                String o = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
                return t.toLocalDate() + "T" + two(t.getHour()) + ":" + two(t.getMinute()) + ":"
                        + two(t.getSecond()) + o;
            default:
                if (t.toLocalDate().equals(now.toLocalDate())) {
                    return two(t.getHour()) + ":" + two(t.getMinute());
                }
                String monthDay = MONTHS[t.getMonthValue() - 1] + two(t.getDayOfMonth());
                return t.getYear() == now.getYear() ? monthDay : t.getYear() + "-" + monthDay;
        }
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
