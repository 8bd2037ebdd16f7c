// lsipc's --time-format: short (a time today, a date otherwise), full (ctime) or iso (ISO 8601).
package dev.ipc.render;

import java.nio.charset.StandardCharsets;
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

    /** @param now the present, in the same zone, for the short format's "today" and "this year"; only it reads it */
    public String format(long epochSeconds, CTime zone, LocalDateTime now) {
        if (this == ISO) {
            return iso(epochSeconds, zone.offset(epochSeconds));
        }
        LocalDateTime t = zone.local(epochSeconds);
        switch (this) {
            case FULL:
                return zone.format(epochSeconds);
            default:
                if (t.toLocalDate().equals(now.toLocalDate())) {
                    return two(t.getHour()) + ":" + two(t.getMinute());
                }
                String monthDay = MONTHS[t.getMonthValue() - 1] + two(t.getDayOfMonth());
                return t.getYear() == now.getYear() ? monthDay : t.getYear() + "-" + monthDay;
        }
    }

    /**
     * 2026-11-21T04:40:19+00:00, as LocalDateTime and ZoneOffset print it, from the date's arithmetic alone: JSON
     * holds one for each object, and building the java.time objects for each costs a third of a listing.
     */
    static String iso(long epochSeconds, ZoneOffset offset) {
        long local = epochSeconds + offset.getTotalSeconds();
        long days = Math.floorDiv(local, 86_400);
        int second = (int) Math.floorMod(local, 86_400);
        // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
        long shifted = days + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) { // signed and wider years: as java.time prints the date
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, offset);
            return t.toLocalDate() + "T" + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond())
                    + offsetText(offset);
        }
        String zone = offsetText(offset);
        byte[] text = new byte[19 + zone.length()];
        digits(text, 0, (int) year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, second / 3600, 2);
        text[13] = ':';
        digits(text, 14, second / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, second % 60, 2);
        for (int i = 0; i < zone.length(); i++) {
            text[19 + i] = (byte) zone.charAt(i);
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** +00:00 for UTC (where ZoneOffset says Z), else the offset's own +05:45. */
    private static String offsetText(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            text[i] = (byte) ('0' + value % 10);
        }
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
