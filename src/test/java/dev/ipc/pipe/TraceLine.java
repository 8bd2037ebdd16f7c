// One line of pipe-demo --trace, parsed: who made the call, the call and its result.
package dev.ipc.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

record TraceLine(boolean parent, int pid, String name, String args, String result) {
    /** Results never hold '#'; notes start with "# " after spaces. */
    private static final Pattern LINE =
            Pattern.compile("^(parent|child) (\\d+): (\\w+)\\((.*)\\) = ([^#]*?)(?:\\s+# .*)?$");

    /** The trace lines in a command's stderr, with their notes cut off; other lines are left out. */
    static List<TraceLine> parse(String stderr) {
        List<TraceLine> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                lines.add(new TraceLine(matcher.group(1).equals("parent"), Integer.parseInt(matcher.group(2)),
                        matcher.group(3), matcher.group(4), matcher.group(5)));
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return (parent ? "parent " : "child ") + pid + ": " + name + "(" + args + ") = " + result;
    }
}
