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
 * clone a new process. Calls are listed in the order they were entered: a parent that posix_spawn has
 * released runs on while strace still waits for its child's execve to return.
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
        List<String[]> entered = new ArrayList<>(); // tid, name, args, result
        Map<Integer, Integer> pending = new HashMap<>();
        Map<Integer, Integer> threadOf = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher complete = COMPLETE.matcher(line);
            Matcher unfinished = UNFINISHED.matcher(line);
            Matcher resumed = RESUMED.matcher(line);
            String[] call;
            if (unfinished.matches()) {
                pending.put(Integer.parseInt(unfinished.group(1)), entered.size());
                entered.add(new String[] {unfinished.group(1), unfinished.group(2), unfinished.group(3), null});
                continue;
            } else if (resumed.matches()) {
                Integer index = pending.remove(Integer.parseInt(resumed.group(1)));
                if (index == null) {
                    continue;
                }
                call = entered.get(index);
                call[2] += resumed.group(3);
                call[3] = resumed.group(4);
            } else if (complete.matches()) {
                call = new String[] {complete.group(1), complete.group(2), complete.group(3), complete.group(4)};
                entered.add(call);
            } else {
                continue;
            }
            if ((call[1].equals("clone") || call[1].equals("clone3")) && call[3].matches("\\d+.*")
                    && call[2].contains("CLONE_THREAD")) {
                threadOf.put(Integer.parseInt(call[3].replaceAll("\\D.*", "")), Integer.parseInt(call[0]));
            }
        }
        for (String[] call : entered) {
            if (call[3] != null) {
                int tid = Integer.parseInt(call[0]);
                int process = tid;
                while (threadOf.containsKey(process)) {
                    process = threadOf.get(process);
                }
                calls.add(new Call(tid, process, call[1], call[2], call[3]));
            }
        }
        root = entered.isEmpty() ? -1 : Integer.parseInt(entered.get(0)[0]);
    }
}
