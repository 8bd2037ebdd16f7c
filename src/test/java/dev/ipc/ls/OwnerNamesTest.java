// Owner names looked up through NSS while a listing's sections are read on several threads come out right.
package dev.ipc.ls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnerNamesTest {
    /** An id that neither /etc/passwd nor /etc/group names: shown as the number. */
    private static final long UNNAMED = 424242;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, Long> queueOwners = new HashMap<>();
    private final Map<Integer, Long> segmentOwners = new HashMap<>();
    private Map<Long, String> users;
    private Map<Long, String> groups;
    private Path empty;

    @BeforeEach
    void objectsOfManyOwners() throws IOException {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Isolation.isRoot(), "needs root to give objects to other users");
        Kernel.removeAll();
        users = names(Path.of("/etc/passwd"));
        groups = names(Path.of("/etc/group"));
        List<Long> ids = new ArrayList<>(users.keySet());
        ids.add(UNNAMED);
        for (long id : ids) {
            int queue = Kernel.createQueue(0, 0600);
            Kernel.setQueueOwner(queue, (int) id, (int) id, 0600);
            queueOwners.put(queue, id);
            int segment = Kernel.createSegment(0, 4096, 0600);
            Kernel.setSegmentOwner(segment, (int) id, (int) id, 0600);
            segmentOwners.put(segment, id);
        }
        // With no names in the files ls reads first, every name comes from getpwuid and getgrgid.
        empty = Files.createTempFile("ipc-no-names", "");
        System.setProperty("ipc.etc.passwd", empty.toString());
        System.setProperty("ipc.etc.group", empty.toString());
    }

    @AfterEach
    void removeObjects() throws IOException {
        System.clearProperty("ipc.etc.passwd");
        System.clearProperty("ipc.etc.group");
        if (empty != null) {
            Files.delete(empty);
        }
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }

    @Test
    void lsipc_sections_name_every_owner_as_the_system_does() throws IOException {
        CommandResult run = Ipc.run("ls", "--json", "-q", "-m", "-o", "ID,UID,USER,GID,GROUP");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode document = JSON.readTree(run.out());
        checkJson(document.get("messages"), queueOwners);
        checkJson(document.get("sharedmemory"), segmentOwners);
    }

    @Test
    void ipcs_sections_name_every_owner_as_the_system_does() {
        CommandResult run = Ipc.run("ls", "-q", "-m", "-c");
        assertEquals(0, run.exitCode(), run::toString);
        String[] sections = run.out().split("------ Shared Memory");
        assertEquals(2, sections.length, run::toString);
        checkIpcs(sections[0], queueOwners);
        checkIpcs(sections[1], segmentOwners);
    }

    private void checkJson(JsonNode rows, Map<Integer, Long> owners) {
        assertEquals(owners.size(), rows.size(), rows::toString);
        for (JsonNode row : rows) {
            long owner = owners.get(row.get("id").asInt());
            assertEquals(owner, row.get("uid").asLong());
            assertEquals(expected(users, owner), row.get("user").asText(), row::toString);
            assertEquals(expected(groups, owner), row.get("group").asText(), row::toString);
        }
    }

    /** ipcs -c: id, perms, creator's user and group, then owner's user and group. */
    private void checkIpcs(String section, Map<Integer, Long> owners) {
        int rows = 0;
        for (String line : section.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 6 && fields[0].matches("[0-9]+")) {
                long owner = owners.get(Integer.parseInt(fields[0]));
                assertEquals(expected(users, owner), fields[4], line);
                assertEquals(expected(groups, owner), fields[5], line);
                rows++;
            }
        }
        assertEquals(owners.size(), rows, section);
    }

    private static String expected(Map<Long, String> names, long id) {
        return names.getOrDefault(id, Long.toString(id));
    }

    /** name:password:id:... ; the first line naming an id wins, as the files backend of NSS reads it. */
    private static Map<Long, String> names(Path file) throws IOException {
        Map<Long, String> names = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split(":");
            if (fields.length > 2 && !line.startsWith("#") && fields[2].matches("[0-9]+")) {
                names.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
            }
        }
        assertTrue(names.size() > 5, "a system with several accounts: " + file);
        return names;
    }
}
