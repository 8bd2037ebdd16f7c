// pipe-demo's --diagram: the trace's lines as events, each call drawn to the pipe (or file) its descriptor names.
package dev.ipc.pipe;

import dev.ipc.demo.Diagram;
import dev.ipc.demo.DiagramEvents;
import dev.ipc.demo.Transcript.Event;
import dev.ipc.demo.Transcript.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same lines --trace prints, folded the same way. Descriptors are named from the parent's table: a child
 * spawned by posix_spawn starts with the parent's descriptors, so its dup2 and close act on the same pipes.
 */
final class PipeDiagram {
    private static final Pattern PIPE = Pattern.compile("pipe2\\(\\[(\\d+), (\\d+)\\]");
    private static final Pattern OPEN = Pattern.compile("openat\\(AT_FDCWD, \"([^\"]*)\".* = (\\d+)$");
    private static final Pattern PID = Pattern.compile("^(?:posix_spawn\\(\\[|waitpid\\(|kill\\()(\\d+)");
    private static final Pattern FD = Pattern.compile("^[a-z0-9_]+\\((?:\\[\\{fd=)?(\\d+)[,)}]");

    private final String parent;
    private final List<Event> events = new ArrayList<>();
    private final Map<Integer, String> objects = new HashMap<>();
    private final Map<String, String> lastObject = new HashMap<>();
    private int pipes;

    /** parent as the trace names it: "parent 4242". */
    PipeDiagram(String parent) {
        this.parent = label(parent);
    }

    /** "parent 4242" as the other demos draw a process: "parent[4242]". */
    private static String label(String who) {
        int space = who.indexOf(' ');
        return space < 0 ? who : who.substring(0, space) + "[" + who.substring(space + 1) + "]";
    }

    void call(String who, String call) {
        Matcher pid = PID.matcher(call);
        if (pid.find()) {
            String child = "child[" + pid.group(1) + "]";
            if (call.startsWith("posix_spawn")) {
                add(who, Kind.START, child, call);
            } else if (call.startsWith("waitpid")) {
                add(child, Kind.EXIT, label(who), call);
            } else {
                add(who, Kind.CALL, child, call);
            }
            return;
        }
        Matcher pipe = PIPE.matcher(call);
        Matcher open = OPEN.matcher(call);
        String object;
        if (pipe.find()) {
            object = "pipe " + ++pipes;
            objects.put(Integer.parseInt(pipe.group(1)), object);
            objects.put(Integer.parseInt(pipe.group(2)), object);
        } else if (open.find()) {
            object = open.group(1);
            objects.put(Integer.parseInt(open.group(2)), object);
        } else {
            Matcher fd = FD.matcher(call);
            object = fd.find() ? objects.getOrDefault(Integer.parseInt(fd.group(1)), DiagramEvents.KERNEL)
                    : DiagramEvents.KERNEL;
        }
        add(who, Kind.CALL, object, call);
    }

    /** "... the same call N more times", drawn to what the call before it acted on. */
    void repeated(String who, String text) {
        add(who, Kind.CALL, lastObject.getOrDefault(who, DiagramEvents.KERNEL), text);
    }

    void check(String line) {
        add(parent, Kind.CHECK, null, line);
    }

    private void add(String process, Kind kind, String object, String text) {
        String who = label(process);
        if (kind == Kind.CALL) {
            lastObject.put(who, object);
        }
        events.add(new Event(events.size(), events.size(), who, kind, object, text));
    }

    Diagram draw(List<String> failures) {
        Diagram diagram = DiagramEvents.draw(events, parent, parent);
        failures.forEach(failure -> diagram.noteAcross("FAIL: " + failure));
        return diagram;
    }
}
