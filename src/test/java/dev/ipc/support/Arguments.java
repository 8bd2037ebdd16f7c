// Command lines written as one string in test tables: split on spaces, '' for an empty argument.
package dev.ipc.support;

import java.util.ArrayList;
import java.util.List;

public final class Arguments {
    private Arguments() {
    }

    /** "-M ' 12' -p ''" is {"-M", " 12", "-p", ""}: single quotes keep spaces and make empty arguments. */
    public static String[] split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    args.add(current.toString());
                }
                current.setLength(0);
                any = false;
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            args.add(current.toString());
        }
        return args.toArray(String[]::new);
    }

    /** first, then rest. */
    public static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
