// who and top under --ns: the processes and objects of the named namespace, not of ours.
package dev.ipc.ns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CPrograms;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Holders;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.NamespaceHolder;
import dev.ipc.support.Processes;
import dev.ipc.support.Tmux;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceUsersTest {
    /** Keys of the segments: the same key in both namespaces, so that only the namespace tells them apart. */
    private static final int KEY = 0x7a01;

    @RegisterExtension
    final Holders holders = new Holders();

    private static Path state;
    private static NamespaceHolder holder;
    /** The segment in the namespace, and the process attached to it there. */
    private static String theirSegment;
    private static long theirAttacher;
    private static int ourSegment = -1;

    @BeforeAll
    static void start() throws IOException {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Processes.onPath("ipcmk") && Processes.onPath("nsenter"), "needs ipcmk and nsenter");
        Path attach = CPrograms.build("holders");
        state = Files.createTempDirectory("ipc-ns-users");
        // the segment is made and attached to inside the namespace; holders says "ready" once attached
        holder = NamespaceHolder.start(String.join("\n",
                "id=$(ipcmk -M 8192 | sed 's/.*: //')",
                attach + " attach2 $id > " + state.resolve("ready") + " &",
                "echo $! > " + state.resolve("pid"),
                "echo $id > " + state.resolve("id"),
                "while ! grep -qs ready " + state.resolve("ready") + "; do sleep 0.05; done"));
        theirSegment = Files.readString(state.resolve("id")).trim();
        theirAttacher = Long.parseLong(Files.readString(state.resolve("pid")).trim());
        ourSegment = Kernel.createSegment(KEY, 4096, 0600);
    }

    @AfterAll
    static void stop() throws IOException {
        if (theirAttacher > 0) {
            ProcessHandle.of(theirAttacher).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (holder != null) {
            holder.close();
        }
        if (ourSegment >= 0) {
            Processes.run(List.of("ipcrm", "-m", Integer.toString(ourSegment)));
        }
        if (state != null) {
            for (String name : List.of("ready", "pid", "id")) {
                Files.deleteIfExists(state.resolve(name));
            }
            Files.deleteIfExists(state);
        }
    }

    @Test
    void who_shows_the_process_attached_inside_the_namespace() throws IOException {
        Process ours = holders.hold("attach2", Integer.toString(ourSegment));
        CommandResult result = Ipc.run("who", "--ns", holder.pidText(), "-m", theirSegment, "--json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode object = new ObjectMapper().readTree(result.out()).get("objects").get(0);
        List<Long> users = new ArrayList<>();
        object.get("users").forEach(user -> users.add(user.get("pid").asLong()));
        assertEquals(List.of(theirAttacher), users, result::toString);
        assertEquals(2, object.get("nattch").asInt(), object::toString);
        assertEquals(1, object.get("processes").asInt(), object::toString);

        CommandResult here = Ipc.run("who", "-m", Integer.toString(ourSegment), "--json");
        assertFalse(here.out().contains("\"pid\" : " + theirAttacher + ","), here::toString);
        assertTrue(here.out().contains("\"pid\" : " + ours.pid() + ","), here::toString);
    }

    @Test
    void who_without_arguments_lists_the_namespace_segment_and_its_user() {
        CommandResult result = Ipc.run("who", "--ns", holder.pidText());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("shared memory segment " + theirSegment + ","), result::toString);
        assertTrue(result.out().contains(theirAttacher + " root     attached 2 times"), result::toString);
        assertFalse(result.out().contains("0x00007a01"), "our segment is not the namespace's: " + result);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void top_shows_the_namespace_and_its_segment(@TempDir Path directory) {
        Assumptions.assumeTrue(Tmux.available(), "needs tmux (apt-get install tmux)");
        String theirKey = holder.inside("ipcs", "-m").out().lines().filter(l -> l.startsWith("0x")).findFirst()
                .orElseThrow().split(" +")[0];
        try (Tmux tmux = Tmux.start(directory, 160, 30,
                SelfCommand.of("top", "--ns", holder.pidText(), "--kind", "shm"))) {
            String screen = tmux.awaitScreen(theirKey);
            assertTrue(screen.contains("namespace " + holder.namespace()), screen);
            assertFalse(screen.contains("0x00007a01"), screen);
            String row = screen.lines().filter(l -> l.contains(theirKey)).findFirst().orElseThrow();
            assertTrue(row.contains(Long.toString(theirAttacher)), "PIDS shows the attached process:\n" + screen);
        }
    }
}
