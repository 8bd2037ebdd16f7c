// Prometheus's text exposition format (version 0.0.4), written by hand so that 64-bit values stay exact.
package dev.ipc.metrics;

/**
 * The official client's writer takes every value as a double: the default shmmax, 18446744073692774399, would
 * come out as 1.8446744073692774E19, another number. Here every value is an unsigned 64-bit integer printed in
 * full. Families are written one after the other, each with its HELP and TYPE before its samples, as the format
 * requires; no timestamps (node_exporter's textfile collector refuses them).
 */
final class Exposition {
    private final StringBuilder text = new StringBuilder(4096);

    /** Starts a gauge family: its HELP and TYPE lines. */
    Exposition gauge(String name, String help) {
        text.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                default -> text.append(c);
            }
        }
        text.append('\n').append("# TYPE ").append(name).append(" gauge\n");
        return this;
    }

    /** One sample of the family just started; value is unsigned 64-bit, labels are name, value pairs. */
    Exposition sample(String name, long value, String... labels) {
        text.append(name);
        if (labels.length > 0) {
            text.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(labels[i]).append("=\"");
                labelValue(labels[i + 1]);
                text.append('"');
            }
            text.append('}');
        }
        text.append(' ');
        if (value >= 0) {
            text.append(value);
        } else {
            text.append(Long.toUnsignedString(value));
        }
        text.append('\n');
        return this;
    }

    private void labelValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                default -> text.append(c);
            }
        }
    }

    String text() {
        return text.toString();
    }
}
