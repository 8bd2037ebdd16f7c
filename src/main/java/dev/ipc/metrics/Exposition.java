// Prometheus's text exposition format (version 0.0.4), written by hand so that 64-bit values stay exact.
package dev.ipc.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The official client's writer takes every value as a double: the default shmmax, 18446744073692774399, would
 * come out as 1.8446744073692774E19, another number. Here every value is an unsigned 64-bit integer printed in
 * full. The format wants each family's samples together after its HELP and TYPE: samples are kept per family, so
 * that several namespaces (each with its own labels) can add to the same families. No timestamps
 * (node_exporter's textfile collector refuses them).
 */
final class Exposition {
    private final Map<String, StringBuilder> families = new LinkedHashMap<>();
    private String[] common = {};
    private StringBuilder current;

    /** Labels put first on every sample added from now on, as name, value pairs: the namespace. */
    Exposition labels(String... labels) {
        common = labels.clone();
        return this;
    }

    /** Starts, or goes back to, a gauge family; the first time, its HELP and TYPE lines. */
    Exposition gauge(String name, String help) {
        current = families.get(name);
        if (current == null) {
            current = new StringBuilder(256);
            families.put(name, current);
            current.append("# HELP ").append(name).append(' ');
            for (int i = 0; i < help.length(); i++) {
                char c = help.charAt(i);
                switch (c) {
                    case '\\' -> current.append("\\\\");
                    case '\n' -> current.append("\\n");
                    default -> current.append(c);
                }
            }
            current.append('\n').append("# TYPE ").append(name).append(" gauge\n");
        }
        return this;
    }

    /** One sample of the family last named; value is unsigned 64-bit, labels are name, value pairs. */
    Exposition sample(String name, long value, String... labels) {
        current.append(name);
        if (common.length + labels.length > 0) {
            current.append('{');
            boolean first = true;
            for (String[] pairs : new String[][] {common, labels}) {
                for (int i = 0; i < pairs.length; i += 2) {
                    if (!first) {
                        current.append(',');
                    }
                    first = false;
                    current.append(pairs[i]).append("=\"");
                    labelValue(pairs[i + 1]);
                    current.append('"');
                }
            }
            current.append('}');
        }
        current.append(' ').append(Long.toUnsignedString(value)).append('\n');
        return this;
    }

    private void labelValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> current.append("\\\\");
                case '"' -> current.append("\\\"");
                case '\n' -> current.append("\\n");
                default -> current.append(c);
            }
        }
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (StringBuilder family : families.values()) {
            text.append(family);
        }
        return text.toString();
    }
}
