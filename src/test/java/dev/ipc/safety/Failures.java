// How a failure must look: one or two clear lines on stderr that name the value, never a stack trace.
package dev.ipc.safety;

import dev.ipc.support.CommandResult;

final class Failures {
    private Failures() {
    }

    /** What betrays an exception that no handler turned into a message, or null when nothing does. */
    static String stackTrace(CommandResult result) {
        String all = result.out() + result.err();
        for (String sign : new String[] {"Exception", "at dev.ipc", "\tat ", "internal error"}) {
            if (all.contains(sign)) {
                return "a stack trace or an internal error (\"" + sign + "\")";
            }
        }
        return null;
    }

    /**
     * What is wrong with this failure, or null: it must exit with one of the codes, say it in one or two lines
     * on stderr, name the value (when there is one to name) and show no stack trace.
     */
    static String unclear(CommandResult result, String value, int... codes) {
        String trace = stackTrace(result);
        if (trace != null) {
            return trace;
        }
        boolean expected = false;
        for (int code : codes) {
            expected |= result.exitCode() == code;
        }
        if (!expected) {
            return "exit " + result.exitCode() + ", expected " + java.util.Arrays.toString(codes);
        }
        long lines = result.err().lines().count();
        if (lines < 1 || lines > 2) {
            return lines + " lines on stderr";
        }
        if (value != null && !result.err().contains(value)) {
            return "stderr does not name '" + value + "'";
        }
        return null;
    }
}
