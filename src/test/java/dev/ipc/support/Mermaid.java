// A Mermaid sequence diagram as ipc's demos print it, read back for tests: participants, arrows and notes, each
// line checked to be one of those.
package dev.ipc.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public record Mermaid(Map<String, String> participants, List<Arrow> arrows, List<String> notes) {
    /** from ->> to (or -->> when dashed), as their labels, and the arrow's text. */
    public record Arrow(String from, String to, boolean dashed, String text) {
    }

    private static final Pattern PARTICIPANT = Pattern.compile("    participant (P\\d+) as (.+)");
    private static final Pattern ARROW = Pattern.compile("    (P\\d+)(->>|-->>)(P\\d+): (.+)");
    private static final Pattern NOTE = Pattern.compile("    Note over (P\\d+)(?:,(P\\d+))?: (.+)");

    /** Parses the text; AssertionError for a line that is none of these or an undeclared participant. */
    public static Mermaid parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals("sequenceDiagram")) {
            throw new AssertionError("not a sequence diagram: " + text);
        }
        Map<String, String> participants = new LinkedHashMap<>();
        List<Arrow> arrows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher p = PARTICIPANT.matcher(line);
            Matcher a = ARROW.matcher(line);
            Matcher n = NOTE.matcher(line);
            if (p.matches()) {
                participants.put(p.group(1), p.group(2));
            } else if (a.matches()) {
                arrows.add(new Arrow(label(participants, a.group(1), line), label(participants, a.group(3), line),
                        a.group(2).equals("-->>"), unescape(a.group(4))));
            } else if (n.matches()) {
                label(participants, n.group(1), line);
                notes.add(unescape(n.group(3)));
            } else {
                throw new AssertionError("not a line of a sequence diagram: '" + line + "' in\n" + text);
            }
        }
        return new Mermaid(participants, arrows, notes);
    }

    /** The entity codes the diagram writes for what Mermaid would misread. */
    private static String unescape(String text) {
        return text.replace("#lt;", "<").replace("#gt;", ">").replace("#59;", ";").replace("#35;", "#");
    }

    private static String label(Map<String, String> participants, String id, String line) {
        String label = participants.get(id);
        if (label == null) {
            throw new AssertionError("undeclared participant " + id + ": " + line);
        }
        return label;
    }

    /** Arrows from a participant whose label starts with from, to one whose label starts with to, text with text. */
    public long count(String from, String to, String text) {
        return arrows.stream().filter(a -> a.from().startsWith(from) && a.to().startsWith(to)
                && a.text().startsWith(text)).count();
    }

    public long participantsStartingWith(String prefix) {
        return participants.values().stream().filter(label -> label.startsWith(prefix)).count();
    }
}
