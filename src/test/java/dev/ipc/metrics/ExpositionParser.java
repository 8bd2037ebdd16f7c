// A strict reader of Prometheus's text exposition format (0.0.4), for tests: any deviation is a failure.
package dev.ipc.metrics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stricter than Prometheus itself where ipc has promised more: every family opens with HELP then TYPE, appears
 * once, holds only its own samples; values are integers (so exact), no timestamps, no series twice, label values
 * only with the three escapes the format defines.
 */
final class ExpositionParser {
    record Sample(String name, Map<String, String> labels, BigInteger value) {
    }

    record Family(String name, String help, String type, List<Sample> samples) {
        /** The value of the one sample with these labels (name, value pairs), or null. */
        BigInteger value(String... labels) {
            Map<String, String> wanted = new TreeMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                wanted.put(labels[i], labels[i + 1]);
            }
            for (Sample sample : samples) {
                if (sample.labels().equals(wanted)) {
                    return sample.value();
                }
            }
            return null;
        }
    }

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)\\})? (0|[1-9][0-9]*)");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private ExpositionParser() {
    }

    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text does not end with a newline");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Set<String> series = new HashSet<>();
        Family current = null;
        String pendingHelp = null;
        String pendingName = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + " '" + line + "': ";
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                require(pendingName == null, where + "HELP without TYPE before it");
                require(!families.containsKey(m.group(1)), where + "family " + m.group(1) + " opened twice");
                require(!m.group(2).isBlank() && m.group(2).equals(m.group(2).strip()), where + "empty or padded HELP");
                requireEscapes(m.group(2), where);
                pendingName = m.group(1);
                pendingHelp = m.group(2);
            } else if ((m = TYPE.matcher(line)).matches()) {
                require(m.group(1).equals(pendingName), where + "TYPE not right after its HELP");
                current = new Family(pendingName, pendingHelp, m.group(2), new ArrayList<>());
                families.put(pendingName, current);
                pendingName = null;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                require(pendingName == null, where + "sample between HELP and TYPE");
                require(current != null && current.name().equals(m.group(1)), where + "sample outside its family");
                Map<String, String> labels = labels(m.group(2) == null ? "" : m.group(2), where);
                require(series.add(m.group(1) + labels), where + "the same series twice");
                current.samples().add(new Sample(m.group(1), labels, new BigInteger(m.group(3))));
            } else {
                throw new IllegalArgumentException(where + "not HELP, TYPE or a sample with an integer value");
            }
        }
        require(pendingName == null, "HELP without TYPE at the end");
        return families;
    }

    /** name="value",name="value" with \\, \" and \n the only escapes. */
    private static Map<String, String> labels(String text, String where) {
        Map<String, String> labels = new TreeMap<>();
        int at = 0;
        while (at < text.length()) {
            int equals = text.indexOf('=', at);
            require(equals > at, where + "label without a name");
            String name = text.substring(at, equals);
            require(LABEL_NAME.matcher(name).matches() && !name.startsWith("__"), where + "bad label name " + name);
            require(equals + 1 < text.length() && text.charAt(equals + 1) == '"', where + "label value not quoted");
            StringBuilder value = new StringBuilder();
            int i = equals + 2;
            for (; i < text.length() && text.charAt(i) != '"'; i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    require(i + 1 < text.length(), where + "escape at the end");
                    char next = text.charAt(++i);
                    require(next == '\\' || next == '"' || next == 'n', where + "bad escape \\" + next);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            require(i < text.length(), where + "unterminated label value");
            require(labels.put(name, value.toString()) == null, where + "label " + name + " twice");
            at = i + 1;
            if (at < text.length()) {
                require(text.charAt(at) == ',' && at + 1 < text.length(), where + "labels not separated by one comma");
                at++;
            }
        }
        return labels;
    }

    private static void requireEscapes(String help, String where) {
        for (int i = 0; i < help.length(); i++) {
            if (help.charAt(i) == '\\') {
                require(i + 1 < help.length() && (help.charAt(i + 1) == '\\' || help.charAt(i + 1) == 'n'),
                        where + "bad escape in HELP");
                i++;
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
