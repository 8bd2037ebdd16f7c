// With no values, each tune command shows its limits with their names, meanings and what is in use.
package dev.ipc.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.procfs.IpcNamespace;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Kernel;
import dev.ipc.libc.PageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigInteger;

import static dev.ipc.tune.Runs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(PrivateLimits.class)
class TuneShowTest {

    @Test
    void shows_semaphore_limits_with_meaning_and_use() {
        Kernel.createSemaphores(0, 3, 0600);
        Kernel.createSemaphores(0, 5, 0600);

        CommandResult result = ok("sem", "tune");

        assertEquals("Semaphore limits: kernel.sem = SEMMSL SEMMNS SEMOPM SEMMNI\n"
                + "NAME        VALUE IN USE MEANING\n"
                + "SEMMSL      32000      5 semaphores in one set (in use: the largest set)\n"
                + "SEMMNS 1024000000      8 semaphores in all sets together\n"
                + "SEMOPM        500      - operations in one semop call\n"
                + "SEMMNI      32000      2 semaphore sets\n"
                + "IPC namespace " + IpcNamespace.read(SystemPaths.fromSystemProperties().ipcNamespace()).id()
                + " is not the initial one: these limits are its own.\n", result.out());
        assertEquals("", result.err());
    }

    @Test
    void shows_message_queue_limits_and_queues_in_use() {
        Kernel.createQueue(0, 0600);

        String out = ok("msg", "tune").out();

        assertTrue(out.startsWith("Message queue limits: kernel.msgmax, kernel.msgmnb, kernel.msgmni\n"
                + "NAME   VALUE IN USE MEANING\n"
                + "MSGMAX  8192      - bytes in one message\n"
                + "MSGMNB 16384      - bytes a new queue may hold (its msg_qbytes)\n"
                + "MSGMNI 32000      1 message queues\n"), out);
    }

    @Test
    void shows_shared_memory_limits_in_bytes_and_pages_without_overflow() {
        long page = PageSize.get();
        Kernel.createSegment(0, 3 * page + 1, 0600); // 4 pages
        Kernel.createSegment(0, 10, 0600);           // 1 page

        String out = ok("shm", "tune").out();

        int width = Math.max("IN USE".length(), Long.toString(3 * page + 1).length());
        assertTrue(out.contains("SHMMAX 18446744073692774399 " + pad(3 * page + 1, width)
                + " bytes in one segment (in use: the largest segment)\n"), out);
        assertTrue(out.contains("SHMALL 18446744073692774399 " + pad(5, width) + " pages of " + page
                + " bytes in all segments together\n"), out);
        assertTrue(out.contains("SHMMNI                 4096 " + pad(2, width) + " shared memory segments\n"), out);
    }

    private static String pad(long value, int width) {
        return " ".repeat(Math.max(0, width - Long.toString(value).length())) + value;
    }

    @Test
    void json_gives_numbers_as_numbers_even_beyond_a_signed_long() throws Exception {
        Kernel.createSegment(0, 4096, 0600);

        JsonNode json = new ObjectMapper().readTree(ok("shm", "tune", "--json").out());

        assertEquals("shm", json.get("group").asText());
        assertFalse(json.get("initial_namespace").asBoolean());
        assertTrue(json.get("namespace").asText().matches("ipc:\\[\\d+]"), json::toString);
        assertEquals(PageSize.get(), json.get("page_size").asLong());
        JsonNode shmmax = json.get("limits").get(0);
        assertEquals("SHMMAX", shmmax.get("name").asText());
        assertEquals("kernel.shmmax", shmmax.get("sysctl").asText());
        assertTrue(shmmax.get("value").isBigInteger(), shmmax.toString());
        assertEquals(new BigInteger("18446744073692774399"), shmmax.get("value").bigIntegerValue());
        assertEquals(4096, shmmax.get("in_use").asLong());
        assertEquals("bytes in one segment", shmmax.get("meaning").asText());
        assertEquals(0, json.get("warnings").size());
    }

    @Test
    void json_names_the_field_of_kernel_sem_and_null_where_use_is_unknown() throws Exception {
        JsonNode limits = new ObjectMapper().readTree(ok("sem", "tune", "--json").out()).get("limits");

        assertEquals(4, limits.size());
        assertEquals("SEMOPM", limits.get(2).get("name").asText());
        assertEquals(3, limits.get(2).get("field").asInt());
        assertTrue(limits.get(2).get("in_use").isNull());
        assertEquals(500, limits.get(2).get("value").asLong());
        assertTrue(limits.get(2).get("value").isIntegralNumber());
    }

    @Test
    void shows_a_limit_below_its_use_with_a_warning() {
        Kernel.createSemaphores(0, 1, 0600);
        Kernel.createSemaphores(0, 1, 0600);
        PrivateLimits.write(java.util.Map.of("sem", "250 250 100 1"));

        CommandResult result = ok("sem", "tune");

        assertEquals("ipc: warning: SEMMNI 1 is below what is in use: 2 sets exist, so every semget that creates a "
                + "set would fail with ENOSPC until fewer than 1 exist\n", result.err());
    }
}
