// What makes a listing's output whole: each check returns what is wrong with it, or null.
package dev.ipc.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CommandResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@FunctionalInterface
interface ListingCheck {
    String problem(String out);

    ObjectMapper JSON = new ObjectMapper();
    Pattern NUMBER = Pattern.compile("(?<![\\w.:])-?[0-9]+");
    Pattern EXPORT_PAIR = Pattern.compile("([A-Z_%]+)=\"([^\"\\\\]|\\\\.)*\"");

    /** Whatever the check says, plus what every run must keep: exit 0, nothing on stderr, no stack trace. */
    static String problem(String line, CommandResult result, ListingCheck check) {
        if (Failures.stackTrace(result) != null) {
            return Failures.stackTrace(result);
        }
        if (line.contains(" -i ") && !line.contains("--json")) {
            return details(line, result);
        }
        if (result.exitCode() != 0) {
            return "exit " + result.exitCode();
        }
        // rm notes what went meanwhile; --orphans warns of processes it could not inspect (and spares their objects);
        // -i of an object that went says so as lsipc does, with the empty JSON document on stdout
        boolean one = line.contains(" -i ");
        if (!result.err().lines().allMatch(l -> l.endsWith(" was removed by another process meanwhile")
                || l.matches("ipc: could not inspect [0-9]+ process(es)? .*")
                || one && l.matches("ipc: id [0-9]+ not found"))) {
            return "something on stderr";
        }
        return check.problem(result.out());
    }

    static String anything(String out) {
        return null;
    }

    /**
     * ipcs's sections: a title, a header, then one row per object with a unique id; the row has the header's
     * fields (a segment's status may be blank or two words; times, "Not set" among them, are of several).
     */
    static String ipcsTables(String out) {
        String[] lines = out.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("------ ")) {
                continue;
            }
            if (!lines[i].endsWith(" --------") || i + 1 >= lines.length) {
                return "a section without its title or header: " + lines[i];
            }
            String[] header = lines[i + 1].trim().split("\\s+");
            boolean keyFirst = header[0].equals("key");
            boolean times = lines[i].contains("Times");
            boolean fixed = !keyFirst && !times;
            Set<String> ids = new HashSet<>();
            for (int r = i + 2; r < lines.length && !lines[r].isEmpty(); r++) {
                String[] fields = lines[r].trim().split("\\s+");
                String id = keyFirst ? (fields.length > 1 ? fields[1] : "") : fields[0];
                if (keyFirst && !fields[0].matches("0x[0-9a-f]{8}")) {
                    return "a row without its key: " + lines[r];
                }
                if (!id.matches("[0-9]+") || !ids.add(id)) {
                    return "a row without an id of its own: " + lines[r];
                }
                boolean fits = times || (fixed ? fields.length == header.length
                        : fields.length >= header.length - 1 && fields.length <= header.length + 2);
                if (!fits) {
                    return "a row of " + fields.length + " fields under a header of " + header.length + ": "
                            + lines[r];
                }
            }
        }
        return out.contains("------ ") ? null : "no section";
    }

    /** -l and -u: every figure is a count or a size, never negative. */
    static String numbersNotNegative(String out) {
        Matcher number = NUMBER.matcher(out);
        while (number.find()) {
            if (number.group().startsWith("-")) {
                return "a negative figure: " + number.group();
            }
        }
        return out.contains("------ ") ? null : "no section";
    }

    /** One document; in each array every object has the same members, and no count or size is negative. */
    static String json(String out) {
        JsonNode root;
        try {
            root = JSON.readTree(out);
        } catch (IOException e) {
            return "not JSON: " + e.getMessage();
        }
        if (root == null || !root.isObject()) {
            return "not one JSON object";
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode array = root.get(name);
            if (!array.isArray()) {
                return name + " is not an array";
            }
            List<String> first = null;
            for (JsonNode object : array) {
                List<String> members = new ArrayList<>();
                object.fieldNames().forEachRemaining(members::add);
                if (first == null) {
                    first = members;
                } else if (!first.equals(members)) {
                    return name + ": members " + members + " where the first object has " + first;
                }
                for (String member : members) {
                    JsonNode value = object.get(member);
                    if (value.isNumber() && value.asDouble() < 0 && !member.endsWith("pid")) {
                        return name + ": " + member + " is negative: " + object;
                    }
                }
            }
        }
        return null;
    }

    /** --raw: blocks separated by a blank line, each a header and rows of exactly its fields. */
    static String raw(String out) {
        int columns = -1;
        for (String line : out.split("\n", -1)) {
            if (line.isEmpty()) {
                columns = -1;
                continue;
            }
            int fields = line.split(" ", -1).length;
            if (columns < 0) {
                columns = fields;
            } else if (fields != columns) {
                return "a row of " + fields + " fields under a header of " + columns + ": " + line;
            }
        }
        return null;
    }

    /** The aligned table: blocks of a header and rows no wider than the header line's columns can make them. */
    static String table(String out) {
        boolean header = true;
        for (String line : out.split("\n", -1)) {
            if (line.isEmpty()) {
                header = true;
            } else if (header) {
                if (!line.matches("[A-Z%][A-Z%_ ]*")) {
                    return "a block that does not start with its header: " + line;
                }
                header = false;
            }
        }
        return null;
    }

    /** --export: NAME="value" pairs; the lines of one listing name the same columns in the same order. */
    static String export(String out) {
        Set<String> layouts = new HashSet<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            StringBuilder names = new StringBuilder();
            Matcher pair = EXPORT_PAIR.matcher(line);
            int at = 0;
            while (pair.find() && pair.start() == at) {
                names.append(pair.group(1)).append(' ');
                at = pair.end() + 1;
            }
            if (at < line.length()) {
                return "not NAME=\"value\" pairs: " + line;
            }
            layouts.add(names.toString());
        }
        return layouts.size() <= 7 ? null : "rows of " + layouts.size() + " different layouts";
    }

    /** ls -i: the object's block, or ipcs's "not found" when it went; exit 1 with one line when it went midway. */
    static String details(String line, CommandResult result) {
        if (result.exitCode() == 0) {
            boolean block = result.out().startsWith("\n") && result.err().isEmpty();
            boolean gone = result.out().isEmpty() && result.err().matches("ipc: id [0-9]+ not found\n");
            return block || gone ? null : "neither the object's block nor 'not found'";
        }
        // as ipcs when a set goes between its line in /proc and the calls for its semaphores' values
        if (result.exitCode() == 1 && result.err().matches(
                "ipc: semctl\\((GETVAL|GETNCNT|GETZCNT|GETPID)\\) failed: (Invalid argument|Identifier removed)\n")) {
            return null;
        }
        return "exit " + result.exitCode();
    }
}
