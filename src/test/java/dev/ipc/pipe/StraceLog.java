// An strace -f log read back as calls, each with the process (not just the thread) that made it.
package dev.ipc.pipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a log written by strace -f -o FILE with clone and clone3 among the traced calls, so that each thread
 * can be mapped to its process: a clone with CLONE_THREAD makes a thread of the caller's process, any other
 * clone a new process. Calls are listed in the order they returned, as a trace printed after each call is.
 */
final class StraceLog {
    record Call(int pid, int process, String name, String args, String result) {
        @Override
        public String toString() {
            return "[" + process + "/" + pid + "] " + name + "(" + args + ") = " + result;
        }
    }

    private static final Pattern COMPLETE = Pattern.compile("^(\\d+) +(\\w+)\\((.*)\\) += (.*)$");
    private static final Pattern UNFINISHED = Pattern.compile("^(\\d+) +(\\w+)\\((.*) <unfinished \\.\\.\\.>$");
    private static final Pattern RESUMED = Pattern.compile("^(\\d+) +<\\.\\.\\. (\\w+) resumed>(.*)\\) += (.*)$");

    final List<Call> calls = new ArrayList<>();
    final int root;

    StraceLog(Path file) throws IOException {
        Map<Integer, Integer> processOf = new HashMap<>();
        Map<Integer, String> pending = new HashMap<>();
        int first = -1;
        for (String line : Files.readAllLines(file)) {
            Matcher complete = COMPLETE.matcher(line);
            Matcher unfinished = UNFINISHED.matcher(line);
            Matcher resumed = RESUMED.matcher(line);
            int pid;
            String name;
            String args;
            String result;
            if (unfinished.matches()) {
                pending.put(Integer.parseInt(unfinished.group(1)), unfinished.group(3));
                continue;
            } else if (resumed.matches()) {
                pid = Integer.parseInt(resumed.group(1));
                name = resumed.group(2);
                args = pending.getOrDefault(pid, "") + resumed.group(3);
                result = resumed.group(4);
            } else if (complete.matches()) {
                pid = Integer.parseInt(complete.group(1));
                name = complete.group(2);
                args = complete.group(3);
                result = complete.group(4);
            } else {
                continue;
            }
            if (first < 0) {
                first = pid;
            }
            int process = processOf.computeIfAbsent(pid, p -> p);
            if ((name.equals("clone") || name.equals("clone3")) && result.matches("\\d+.*")) {
                int created = Integer.parseInt(result.replaceAll("\\D.*", ""));
                processOf.put(created, args.contains("CLONE_THREAD") ? process : created);
            }
            calls.add(new Call(pid, process, name, args, result));
        }
        root = first;
    }
}
