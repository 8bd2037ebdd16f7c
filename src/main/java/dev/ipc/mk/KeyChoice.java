// Where the key of a new System V object comes from: chosen at random, given, or derived from a file (ftok).
package dev.ipc.mk;

import dev.ipc.cli.CNumbers;
import dev.ipc.cli.IpcException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/** fixed is empty for a random key, which is then drawn anew for each object and each collision. */
record KeyChoice(OptionalInt fixed, String description) {
    /** ftok's project id when PATH has no :PROJ. */
    static final int DEFAULT_PROJECT = 1;

    static KeyChoice random() {
        return new KeyChoice(OptionalInt.empty(), "random");
    }

    static KeyChoice given(int key) {
        return new KeyChoice(OptionalInt.of(key), "given");
    }

    /**
     * PATH[:PROJ], the key ftok(3) gives: the low 8 bits of PROJ, the low 8 bits of the file's device number and
     * the low 16 bits of its inode number (glibc's formula, computed here from stat so that no native call is
     * needed). PROJ is a number from 1 to 255 or a single character, as C programs write ftok(path, 'a').
     */
    static KeyChoice ftok(String text) {
        String path = text;
        int project = DEFAULT_PROJECT;
        int colon = text.lastIndexOf(':');
        if (colon > 0) {
            path = text.substring(0, colon);
            project = project(text.substring(colon + 1), text);
        }
        if (path.isEmpty()) {
            throw IpcException.failure("failed to parse key file: '" + text + "'");
        }
        Map<String, Object> stat;
        try {
            stat = Files.readAttributes(Path.of(path), "unix:dev,ino");
        } catch (NoSuchFileException e) {
            throw IpcException.failure("cannot derive a key from '" + path + "': No such file or directory");
        } catch (AccessDeniedException e) {
            throw IpcException.failure("cannot derive a key from '" + path + "': Permission denied");
        } catch (IOException | RuntimeException e) {
            throw IpcException.failure("cannot derive a key from '" + path + "': " + e.getMessage());
        }
        return given(key((Long) stat.get("dev"), (Long) stat.get("ino"), project));
    }

    /** glibc's ftok. */
    static int key(long device, long inode, int project) {
        return (int) ((inode & 0xffff) | ((device & 0xff) << 16) | ((long) (project & 0xff) << 24));
    }

    private static int project(String text, String whole) {
        if (text.length() == 1 && !Character.isDigit(text.charAt(0))) {
            return text.charAt(0);
        }
        CNumbers.Parsed parsed = CNumbers.strtoul(text, 0);
        if (!parsed.complete(text) || parsed.overflow() || parsed.value() < 1 || parsed.value() > 255) {
            throw IpcException.failure("failed to parse project id: '" + text + "' in '" + whole
                    + "' (expected 1 to 255, or one character)");
        }
        return (int) parsed.value();
    }
}
