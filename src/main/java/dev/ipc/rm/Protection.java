// --protect and --protect-file: keys, ids and names that --all never removes, whatever its filters choose.
package dev.ipc.rm;

import dev.ipc.cli.CNumbers;
import dev.ipc.cli.Input;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SystemVObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry that reads as a number (decimal, 0x hex, 0 octal, as keys are written) protects the System V objects
 * with that key, and, written in decimal, the one with that id too: "KEY|ID" cannot be told apart, and keeping
 * one object too many is the safe side. Any other entry is a POSIX name, with or without its leading '/'.
 *
 * @param entries each entry as written, for the message that says why an object was kept
 */
record Protection(List<String> entries) {
    static final Protection NONE = new Protection(List.of());

    /** The entry that protects this System V object, or null. */
    String protecting(SystemVObject object) {
        for (String entry : entries) {
            CNumbers.Parsed parsed = CNumbers.strtoul(entry, 0);
            if (!parsed.complete(entry) || !CNumbers.isKey(entry, parsed)) {
                continue;
            }
            boolean decimal = entry.matches("[0-9]+");
            if ((int) parsed.value() == object.key() && object.key() != 0
                    || decimal && parsed.value() == object.id()) {
                return entry;
            }
        }
        return null;
    }

    /** The entry that protects this POSIX name ("/jobs"), or null. */
    String protecting(String name) {
        for (String entry : entries) {
            if (entry.equals(name) || ("/" + entry).equals(name)) {
                return entry;
            }
        }
        return null;
    }

    /** One key, id or name per line; blank lines and text after '#' are skipped. */
    static List<String> read(String file) {
        if (file.isEmpty()) {
            throw IpcException.failure("--protect-file: '' names no file"); // ipcrm's bad usage is exit 1
        }
        Path path = Input.path(file);
        List<String> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                int comment = line.indexOf('#');
                String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.getMessage();
            throw IpcException.failure("cannot read --protect-file " + file + ": " + reason);
        }
        return entries;
    }
}
