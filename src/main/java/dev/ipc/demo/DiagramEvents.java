// A run's events (a transcript's, or pipe-demo's trace) drawn as a sequence diagram: calls, starts, ends, checks.
package dev.ipc.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class DiagramEvents {
    /** Calls whose object is neither named nor found in the call go to this participant. */
    public static final String KERNEL = "kernel";

    private DiagramEvents() {
    }

    /**
     * One arrow per call (to the object it names, or the System V object its id names, else the kernel), a dashed
     * arrow back for a call that blocked and resumed, an arrow per process started and back when it ended, and a
     * note per check. Steps told in words are the transcript's, not the diagram's.
     */
    public static Diagram draw(List<Transcript.Event> events, String parentActor, String parentLabel) {
        Diagram diagram = new Diagram();
        diagram.participant(parentActor, parentLabel);
        Map<String, String> blockedOn = new HashMap<>();
        for (Transcript.Event event : events) {
            String actor = event.actor();
            String text = event.text();
            switch (event.kind()) {
                case CALL -> {
                    String object = event.object() != null ? event.object() : Calls.objectOf(text);
                    if (object == null) {
                        object = KERNEL;
                    }
                    if (text.startsWith("<... ")) {
                        diagram.reply(blockedOn.getOrDefault(actor, object), actor, text);
                        blockedOn.remove(actor);
                    } else {
                        diagram.call(actor, object, text);
                        if (text.endsWith("<unfinished ...>")) {
                            blockedOn.put(actor, object);
                        }
                    }
                }
                case START -> diagram.call(actor, event.object(), text);
                case EXIT -> diagram.reply(actor, event.object(), text);
                case CHECK -> diagram.noteAcross(text);
                case SAY -> {
                    // told in the transcript
                }
            }
        }
        return diagram;
    }
}
