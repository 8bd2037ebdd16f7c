// A run's events (a transcript's, or pipe-demo's trace) drawn as a sequence diagram: calls, starts, ends, checks.
package dev.ipc.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class DiagramEvents {
    /** Calls whose object is neither named nor found in the call go to this participant. */
    public static final String KERNEL = "kernel";

    private DiagramEvents() {
    }

    /**
     * One arrow per call (to the object it names, or the System V object its id names, else the kernel), a dashed
     * arrow back for a call that blocked and resumed, an arrow per process started and back when it ended, and a
     * note per check. A signal goes to the process it names, shmdt to the segment shmat attached at
     * that address, a trace's "... the same call N more times" to what the
     * call before it acted on. Steps told in words are the transcript's, not the diagram's.
     */
    public static Diagram draw(List<Transcript.Event> events, String parentActor, String parentLabel) {
        Diagram diagram = new Diagram();
        diagram.participant(parentActor, parentLabel);
        Map<String, String> blockedOn = new HashMap<>();
        Map<String, String> processes = new HashMap<>();
        Map<String, String> lastObject = new HashMap<>();
        Map<String, String> attached = new HashMap<>();
        remember(processes, parentLabel);
        for (Transcript.Event event : events) {
            String actor = event.actor();
            String text = event.text();
            switch (event.kind()) {
                case CALL -> {
                    String object = event.object() != null ? event.object() : Calls.objectOf(text);
                    if (object == null) {
                        object = text.startsWith("... ") ? lastObject.get(actor)
                                : text.startsWith("shmdt(") ? attached.get(actor + " " + argument(text))
                                : signalled(processes, text);
                    }
                    if (text.startsWith("shmat(") && text.contains(" = 0x")) {
                        attached.put(actor + " " + text.substring(text.lastIndexOf(" = ") + 3), object);
                    }
                    if (object == null) {
                        object = KERNEL;
                    }
                    lastObject.put(actor, object);
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
                case START -> {
                    remember(processes, event.object());
                    diagram.call(actor, event.object(), text);
                }
                case EXIT -> diagram.reply(actor, event.object(), text);
                case CHECK, NOTE -> diagram.noteAcross(text);
                case SAY -> {
                    // told in the transcript
                }
            }
        }
        return diagram;
    }

    private static final Pattern SIGNAL = Pattern.compile("^(?:kill|tgkill|rt_sigqueueinfo|rt_tgsigqueueinfo)\\((-?\\d+),");
    private static final Pattern LABEL_PID = Pattern.compile("\\[(\\d+)\\]$");

    /** The first argument of a call: "0x7f00" of "shmdt(0x7f00) = 0". */
    private static String argument(String call) {
        int open = call.indexOf('(');
        int end = open + 1;
        while (end < call.length() && call.charAt(end) != ',' && call.charAt(end) != ')') {
            end++;
        }
        return call.substring(open + 1, end);
    }

    /** "receiver[4242]" under "4242", so that a signal sent to 4242 is drawn to it. */
    private static void remember(Map<String, String> processes, String label) {
        Matcher pid = LABEL_PID.matcher(label);
        if (pid.find()) {
            processes.put(pid.group(1), label);
        }
    }

    /** The process a signal is sent to, if it is one of the run's, or "process group N" for kill(-N, ...). */
    private static String signalled(Map<String, String> processes, String call) {
        Matcher target = SIGNAL.matcher(call);
        if (!target.find()) {
            return null;
        }
        String pid = target.group(1);
        return pid.startsWith("-") ? "process group " + pid.substring(1) : processes.get(pid);
    }
}
