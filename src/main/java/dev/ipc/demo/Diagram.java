// A demo's run as a Mermaid sequence diagram: a participant per process and per kernel object, an arrow per call
// or message in the order they happened, a note per check. Teachers paste it into slides and wikis.
package dev.ipc.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Built from the events of one run (see {@link Transcript.Event}), never a fixed picture. Participants are
 * declared in the order they first appear, so the one who acts first stands leftmost.
 */
public final class Diagram {
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<String> steps = new ArrayList<>();
    private int arrows;
    private int notes;

    /** Declares a participant (if new) under key, shown as label; returns its Mermaid id. */
    public String participant(String key, String label) {
        String id = ids.get(key);
        if (id == null) {
            id = "P" + (ids.size() + 1);
            ids.put(key, id);
            labels.put(id, label);
        }
        return id;
    }

    private String id(String key) {
        return participant(key, key);
    }

    /** A call or message from one participant to another: a solid arrow. */
    public void call(String from, String to, String text) {
        steps.add("    " + id(from) + "->>" + id(to) + ": " + escape(text));
        arrows++;
    }

    /** A reply, a return or a wake-up: a dashed arrow. */
    public void reply(String from, String to, String text) {
        steps.add("    " + id(from) + "-->>" + id(to) + ": " + escape(text));
        arrows++;
    }

    /** A note beside one participant. */
    public void note(String over, String text) {
        steps.add("    Note over " + id(over) + ": " + escape(text));
        notes++;
    }

    /** A note across every participant declared so far, for a check of the whole run. */
    public void noteAcross(String text) {
        if (ids.isEmpty()) {
            participant("kernel", "kernel");
        }
        List<String> all = new ArrayList<>(ids.values());
        String over = all.size() == 1 ? all.get(0) : all.get(0) + "," + all.get(all.size() - 1);
        steps.add("    Note over " + over + ": " + escape(text));
        notes++;
    }

    public int arrows() {
        return arrows;
    }

    public int notes() {
        return notes;
    }

    /** The diagram, ready to paste between ```mermaid fences. */
    public String render() {
        StringBuilder text = new StringBuilder("sequenceDiagram\n");
        labels.forEach((id, label) -> text.append("    participant ").append(id).append(" as ")
                .append(escape(label)).append('\n'));
        steps.forEach(step -> text.append(step).append('\n'));
        return text.toString();
    }

    /**
     * Mermaid ends a statement at ';' and reads '#' as the start of an entity code and '<', '>' as HTML: those
     * are written as entity codes, which it renders as the characters.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '#' -> escaped.append("#35;");
                case ';' -> escaped.append("#59;");
                case '<' -> escaped.append("#lt;");
                case '>' -> escaped.append("#gt;");
                case '\n', '\r' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
