// Turns uids and gids into names: /etc/passwd and /etc/group read once, getpwuid/getgrgid for the rest.
package dev.ipc.state;

import dev.ipc.procfs.ProcFile;
import dev.ipc.libc.Passwd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the files costs a millisecond where a native getpwuid per row would first cost the load of libc
 * bindings; ids the files do not name (LDAP, systemd dynamic users) still go through NSS, once each.
 */
public final class UserDirectory {
    private final Path passwdFile;
    private final Path groupFile;
    private volatile Map<Long, String> users;
    private volatile Map<Long, String> groups;
    // Listings render their sections on several threads at once, and getpwuid and getgrgid answer in static
    // storage that the next call overwrites: every NSS look-up, of any directory, takes this one lock.
    private static final Object NSS = new Object();
    private final Map<Long, Optional<String>> nssUsers = new HashMap<>(); // guarded by NSS
    private final Map<Long, Optional<String>> nssGroups = new HashMap<>(); // guarded by NSS

    public UserDirectory(Path passwdFile, Path groupFile) {
        this.passwdFile = passwdFile;
        this.groupFile = groupFile;
    }

    public Optional<String> userName(long uid) {
        Map<Long, String> known = users;
        if (known == null) {
            known = users = readIdFile(passwdFile);
        }
        String name = known.get(uid);
        if (name != null) {
            return Optional.of(name);
        }
        synchronized (NSS) {
            return nssUsers.computeIfAbsent(uid, Passwd::userName);
        }
    }

    public Optional<String> groupName(long gid) {
        Map<Long, String> known = groups;
        if (known == null) {
            known = groups = readIdFile(groupFile);
        }
        String name = known.get(gid);
        if (name != null) {
            return Optional.of(name);
        }
        synchronized (NSS) {
            return nssGroups.computeIfAbsent(gid, Passwd::groupName);
        }
    }

    /** name:password:id:... ; the first line naming an id wins, as getpwuid's files backend does. */
    private static Map<Long, String> readIdFile(Path file) {
        Map<Long, String> names = new HashMap<>();
        String text;
        try {
            text = new String(ProcFile.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return names; // NSS still answers
        }
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int nameEnd = text.indexOf(':', lineStart);
            int passwordEnd = nameEnd < 0 ? -1 : text.indexOf(':', nameEnd + 1);
            int idEnd = passwordEnd < 0 ? -1 : text.indexOf(':', passwordEnd + 1);
            if (idEnd > 0 && idEnd < lineEnd && text.charAt(lineStart) != '#') {
                try {
                    long id = Long.parseLong(text, passwordEnd + 1, idEnd, 10);
                    names.putIfAbsent(id, text.substring(lineStart, nameEnd));
                } catch (NumberFormatException e) {
                    // not an entry
                }
            }
            lineStart = lineEnd + 1;
        }
        return names;
    }
}
