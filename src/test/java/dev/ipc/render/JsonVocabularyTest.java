// The same object reads the same in every command's --json: key, mode, owner, time and size (docs/json/README.md).
package dev.ipc.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ipc.procfs.IpcSyscalls;
import dev.ipc.support.Holders;
import dev.ipc.support.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigInteger;
import java.util.List;

import static dev.ipc.render.JsonSchemaTest.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonVocabularyTest {
    private static final IpcSyscalls CALLS = Holders.CALLS;

    @RegisterExtension
    final TestObjects objects = new TestObjects("vocabulary");

    @RegisterExtension
    final Holders holders = new Holders();

    private static JsonNode made(JsonNode mk, String kind) {
        for (JsonNode object : mk.get("objects")) {
            if (object.get("kind").asText().equals(kind)) {
                return object;
            }
        }
        throw new AssertionError("no " + kind + " in " + mk);
    }

    private static JsonNode only(JsonNode listing, String name) {
        assertEquals(1, listing.get(name).size(), listing::toPrettyString);
        return listing.get(name).get(0);
    }

    /** Each member named reads the same in every document given. */
    private static void same(List<String> members, JsonNode... documents) {
        for (String member : members) {
            for (JsonNode document : documents) {
                assertEquals(documents[0].get(member), document.get(member),
                        () -> member + " differs:\n" + documents[0] + "\n" + document);
            }
        }
    }

    @Test
    void key_mode_owner_and_time_of_a_queue_read_the_same_in_mk_ls_stat_and_who() {
        JsonNode mk = made(valid("mk", "mk", "-Q", "--key", "0x1234", "-p", "640", "--json"), "msg");
        assertEquals("0x00001234", mk.get("key").asText());
        assertEquals(4660, mk.get("key_number").asInt());
        assertEquals("rw-r-----", mk.get("perms").asText());
        assertEquals("0640", mk.get("mode").asText());
        String id = mk.get("id").asText();
        Process receiver = holders.hold("msgrcv", id, "9");
        Holders.awaitCall(receiver, CALLS.msgrcv(), "msgrcv sleeps");

        JsonNode ls = only(valid("ls", "ls", "-q", "--json", "-o", "+CTIME,UID,USER,CUID,CUSER"), "messages");
        JsonNode lsFull = only(valid("ls", "ls", "-q", "--json", "-P", "--time-format", "full", "-o", "+CTIME"),
                "messages");
        JsonNode stat = valid("msg-stat", "msg", "stat", "--id", id, "--json");
        JsonNode who = only(valid("who", "who", "-q", id, "--json"), "objects");

        same(List.of("id", "key", "key_number", "perms", "mode"), mk, ls, lsFull, stat);
        same(List.of("id", "key", "key_number"), mk, who);
        same(List.of("qbytes"), mk, stat);
        same(List.of("ctime"), ls, lsFull, stat);
        assertTrue(stat.get("ctime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"),
                stat::toString);
        same(List.of("uid", "user", "cuid", "cuser"), ls, stat);
        assertEquals(who.get("users").get(0).get("user"), stat.get("user"));
    }

    @Test
    void a_segment_and_a_set_read_the_same_in_mk_ls_and_their_own_commands() {
        JsonNode mk = valid("mk", "mk", "-M", "64K", "-S", "3", "--key", "0x2345", "-p", "600", "--json");
        JsonNode segment = made(mk, "shm");
        JsonNode set = made(mk, "sem");
        holders.hold("attach2", segment.get("id").asText());
        JsonNode lsSegment = only(valid("ls", "ls", "-m", "--json", "-b", "--human"), "sharedmemory");
        JsonNode lsSet = only(valid("ls", "ls", "-s", "--json", "-i", set.get("id").asText()), "semaphores");
        JsonNode get = valid("sem-get", "sem", "get", "--id", set.get("id").asText(), "--json");
        JsonNode who = only(valid("who", "who", "-m", segment.get("id").asText(), "--json"), "objects");

        assertEquals(65536, segment.get("size").asLong());
        same(List.of("id", "key", "key_number", "perms", "mode", "size"), segment, lsSegment);
        same(List.of("id", "key", "key_number"), segment, who);
        same(List.of("id", "key", "key_number", "perms", "mode", "nsems"), set, lsSet);
        same(List.of("id", "key", "key_number", "nsems", "elements"), lsSet, get);
    }

    @Test
    void posix_objects_read_the_same_in_mk_and_ls() {
        String name = objects.posixName();
        JsonNode mk = valid("mk", "mk", "--posix-shmem", "12K", "--posix-semaphore", "5", "-p", "604", "-n", name,
                "--json");
        JsonNode memory = made(mk, "pshm");
        JsonNode semaphore = made(mk, "psem");
        JsonNode lsMemory = only(valid("ls", "ls", "-M", "--json", "--name", name), "posix-sharedmemory");
        JsonNode lsSemaphore = only(valid("ls", "ls", "-S", "--json", "--name", name), "posix-semaphores");
        same(List.of("name", "perms", "mode", "size"), memory, lsMemory);
        same(List.of("name", "perms", "mode", "sval"), semaphore, lsSemaphore);
        assertEquals("rw----r--", memory.get("perms").asText());
    }

    @Test
    void limits_beyond_two_to_the_53_are_the_same_exact_integer_in_ls_and_tune() {
        JsonNode shmmax = null;
        for (JsonNode row : valid("ls", "ls", "-g", "--json").get("ipclimits")) {
            if (row.get("resource").asText().equals("SHMMAX")) {
                shmmax = row;
            }
        }
        JsonNode tune = valid("tune", "shm", "tune", "--json").get("limits").get(0);
        assertEquals("SHMMAX", tune.get("name").asText());
        assertTrue(shmmax.get("limit").isBigInteger(), shmmax::toString);
        assertEquals(new BigInteger("18446744073692774399"), shmmax.get("limit").bigIntegerValue());
        assertEquals(shmmax.get("limit"), tune.get("value"));
    }
}
