// ipc rm beyond ipcrm: --dry-run, the --all filters, POSIX objects by name and kind, objects that vanish.
package dev.ipc.rm;

import dev.ipc.model.IpcResource;
import dev.ipc.model.PosixResource;
import dev.ipc.proc.PosixIpcFiles;
import dev.ipc.proc.SystemPaths;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.TestObjects;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.support.Unprivileged;
import dev.ipc.sys.PosixIpc;
import dev.ipc.sys.SystemVCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static dev.ipc.rm.IpcrmCompatibilityTest.populate;
import static dev.ipc.rm.IpcrmCompatibilityTest.survivors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RmCommandTest {
    /** A uid that owns nothing on the machine: the tests hand their own objects to it. */
    private static final int STRANGER = 4242;

    @RegisterExtension
    final TestObjects objects = new TestObjects("rm");

    private String name() {
        return objects.posixName();
    }

    private static boolean exists(PosixResource resource, String name) {
        return Files.exists(new PosixIpcFiles(SystemPaths.fromSystemProperties()).file(resource, name));
    }

    private String makePosix(PosixResource resource) {
        String name = name();
        String option = switch (resource) {
            case SHARED_MEMORY -> "--posix-shmem=1K";
            case MESSAGE_QUEUES -> "--posix-mqueue";
            case SEMAPHORES -> "--posix-semaphore";
        };
        CommandResult made = Ipc.run("mk", option, "--name", name);
        assertEquals(0, made.exitCode(), made::toString);
        assertTrue(exists(resource, name));
        return name;
    }

    // ---- --dry-run ----

    @Test
    void a_dry_run_says_what_would_go_and_removes_nothing() {
        Map<String, Integer> ids = populate();
        CommandResult result = Ipc.run("rm", "--dry-run", "-a", "-Q", "0x9999");
        assertEquals(1, result.exitCode());
        assertEquals("ipc: invalid key (0x9999)\n", result.err());
        assertEquals(String.format("would remove shared memory segment id `%d'%n"
                        + "would remove shared memory segment id `%d'%n"
                        + "would remove semaphore id `%d'%nwould remove semaphore id `%d'%n"
                        + "would remove message queue id `%d'%nwould remove message queue id `%d'%n",
                ids.get("m0"), ids.get("m1"), ids.get("s0"), ids.get("s1"), ids.get("q0"), ids.get("q1")),
                result.out());
        assertEquals(6, survivors().size());
    }

    /** ipcrm keeps a key's low 32 bits, so 4294967297 named key 1: another object than the one meant. */
    @Test
    void a_key_wider_than_32_bits_removes_nothing() {
        int one = Kernel.createQueue(1, 0600);
        CommandResult result = Ipc.run("rm", "-Q", "4294967297");
        assertEquals(new CommandResult(1, "", "ipc: failed to parse argument: '4294967297': a key is 32 bits (0 to "
                + "0xffffffff, or -2147483648 to -1)\n"), result);
        assertTrue(SystemVCalls.messageQueue(one).isPresent());
    }

    @Test
    void a_dry_run_of_the_old_form_prints_no_resources_deleted() {
        Map<String, Integer> ids = populate();
        CommandResult result = Ipc.run("rm", "--dry-run", "msg", Integer.toString(ids.get("q0")));
        assertEquals(new CommandResult(0, "would remove message queue id `" + ids.get("q0") + "'\n", ""), result);
        assertEquals(6, survivors().size());
    }

    // ---- filters for --all ----

    @Test
    void owner_narrows_all_to_one_users_objects() {
        Map<String, Integer> ids = populate();
        Kernel.setQueueOwner(ids.get("q1"), STRANGER, STRANGER, 0600);
        Kernel.setSegmentOwner(ids.get("m0"), STRANGER, STRANGER, 0644);
        CommandResult result = Ipc.run("rm", "-a", "--owner", Integer.toString(STRANGER), "-v");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("removing shared memory segment id `" + ids.get("m0") + "'\nremoving message queue id `"
                + ids.get("q1") + "'\n", result.out());
        assertEquals(List.of("msg 0x00001234", "sem 0x00003234", "sem 0x00003235", "shm 0x00002235"), survivors());
    }

    @Test
    void owner_takes_a_user_name() {
        Map<String, Integer> ids = populate();
        Kernel.setQueueOwner(ids.get("q0"), Unprivileged.NOBODY, Unprivileged.NOBODY, 0600);
        CommandResult result = Ipc.run("rm", "--all=msg", "--owner", "nobody");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("msg 0x00001235"), survivors().stream().filter(s -> s.startsWith("msg")).toList());
        assertEquals("ipc: unknown user: 'no-such-user-here'\n",
                Ipc.run("rm", "-a", "--owner", "no-such-user-here").err());
    }

    @Test
    void older_than_spares_what_changed_more_recently() {
        populate();
        CommandResult spared = Ipc.run("rm", "-a", "--older-than", "1h");
        assertEquals(new CommandResult(0, "", ""), spared);
        assertEquals(6, survivors().size());
        CommandResult all = Ipc.run("rm", "-a", "--older-than", "0s");
        assertEquals(new CommandResult(0, "", ""), all);
        assertEquals(List.of(), survivors());
    }

    @Test
    void older_than_compares_with_the_change_time() {
        AllFilter filter = new AllFilter(OptionalLong.empty(), OptionalLong.of(AllFilter.seconds("1d12h")), false);
        long now = 1_000_000_000;
        assertTrue(filter.accepts(0, OptionalLong.of(now - 129_600), now));
        assertFalse(filter.accepts(0, OptionalLong.of(now - 129_599), now));
        assertFalse(filter.accepts(0, OptionalLong.empty(), now), "never changed: no age to compare");
    }

    @ParameterizedTest(name = "--older-than {0}")
    @ValueSource(strings = {"", "h", "1x", "1h30", "-5m", "1.5h", "9999999999999s"})
    void durations_that_are_not_durations_are_refused(String text) {
        CommandResult result = Ipc.run("rm", "-a", "--older-than", text);
        assertEquals(1, result.exitCode());
        assertEquals("ipc: failed to parse duration: '" + text + "' (expected seconds, or numbers with s, m, h, d "
                + "or w, such as 90s, 2h or 1d12h)\n", result.err());
    }

    /**
     * Objects made by ipcmk (a process that has exited) and never used are orphans; what this JVM created,
     * attached, sent to or operated on is not. ipc ls --orphans lists what ipc rm -a --orphans removes.
     */
    @Test
    void orphans_are_the_objects_no_live_process_uses() throws Exception {
        List<String> orphans = List.of("msg " + madeByIpcmk("-Q"), "shm " + madeByIpcmk("-M", "10"),
                "sem " + madeByIpcmk("-S", "1"));
        int attachedByExited = Integer.parseInt(madeByIpcmk("-M", "20"));
        long address = Kernel.attach(attachedByExited);
        int createdHere = Kernel.createSegment(0x5555, 30, 0600);
        int sentTo = Kernel.createQueue(0x5556, 0600);
        Kernel.send(sentTo, 1, "x");
        int operated = Kernel.createSemaphores(0x5557, 2, 0600);
        Kernel.semop(operated, 1, 1);
        try {
            CommandResult listing = Ipc.run("ls", "--orphans");
            assertEquals(0, listing.exitCode(), listing::toString);
            assertEquals(orphans, rows(listing.out()), listing::toString);
            // the structured listing chooses the same ones
            CommandResult json = Ipc.run("ls", "--orphans", "--json", "-o", "ID");
            List<String> ids = new ArrayList<>();
            for (String kind : List.of("messages", "sharedmemory", "semaphores")) {
                String prefix = kind.equals("messages") ? "msg " : kind.equals("sharedmemory") ? "shm " : "sem ";
                for (var row : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get(kind)) {
                    ids.add(prefix + row.get("id").asInt());
                }
            }
            assertEquals(orphans, ids, json::toString);

            CommandResult result = Ipc.run("rm", "-a", "--orphans");
            assertEquals(new CommandResult(0, "", ""), result);
            List<String> left = survivors();
            assertEquals(4, left.size(), left::toString);
            assertTrue(left.containsAll(List.of("shm 0x00005555", "msg 0x00005556", "sem 0x00005557")),
                    left::toString);
        } finally {
            Kernel.detach(address);
        }
        assertTrue(SystemVCalls.sharedMemorySegment(createdHere).isPresent());
    }

    /** "msg 3", "shm 0" ...: each row of an ipcs listing, by section and id. */
    private static List<String> rows(String listing) {
        List<String> rows = new ArrayList<>();
        String kind = null;
        for (String line : listing.lines().toList()) {
            if (line.startsWith("------ ")) {
                kind = line.contains("Message") ? "msg" : line.contains("Shared") ? "shm" : "sem";
            } else if (line.startsWith("0x")) {
                rows.add(kind + " " + line.split(" +")[1]);
            }
        }
        return rows;
    }

    /** The id ipcmk printed for the object it made. */
    private static String madeByIpcmk(String... args) {
        String out = Processes.run(IpcrmCompatibilityTest.command("ipcmk", args)).out();
        return out.substring(out.indexOf(':') + 1).strip();
    }

    @Test
    void filters_only_narrow_all() {
        assertEquals(new CommandResult(1, "", "ipc: --owner only narrows --all; give --all too (see 'ipc rm "
                + "--help')\n"), Ipc.run("rm", "-q", "1", "--owner", "0"));
        assertEquals(new CommandResult(1, "", "ipc: --orphans applies to System V objects only (--all, "
                + "--all=shm|msg|sem) (see 'ipc rm --help')\n"), Ipc.run("rm", "--all=pshm", "--orphans"));
    }

    // ---- POSIX ----

    @Test
    void posix_objects_are_removed_by_name_with_or_without_the_slash() {
        String shm = makePosix(PosixResource.SHARED_MEMORY);
        String queue = makePosix(PosixResource.MESSAGE_QUEUES);
        String semaphore = makePosix(PosixResource.SEMAPHORES);
        CommandResult result = Ipc.run("rm", "-v", "--posix-shmem", shm.substring(1), "--posix-mqueue", queue,
                "--posix-semaphore", semaphore.substring(1));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("removing POSIX shared memory `" + shm + "'\nremoving POSIX message queue `" + queue
                + "'\nremoving POSIX semaphore `" + semaphore + "'\n", result.out());
        assertFalse(exists(PosixResource.SHARED_MEMORY, shm));
        assertFalse(exists(PosixResource.MESSAGE_QUEUES, queue));
        assertFalse(exists(PosixResource.SEMAPHORES, semaphore));
    }

    @Test
    void a_missing_posix_name_is_reported_and_the_rest_go_on() {
        String missing = name();
        String shm = makePosix(PosixResource.SHARED_MEMORY);
        CommandResult result = Ipc.run("rm", "--posix-mqueue", missing, "--posix-shmem", shm);
        assertEquals(new CommandResult(1, "", "ipc: name `" + missing + "' not found\n"), result);
        assertFalse(exists(PosixResource.SHARED_MEMORY, shm));
    }

    @Test
    void an_invalid_posix_name_removes_nothing() {
        String shm = makePosix(PosixResource.SHARED_MEMORY);
        CommandResult result = Ipc.run("rm", "--posix-shmem", shm, "--posix-semaphore", "a/b");
        assertEquals(1, result.exitCode());
        assertEquals("ipc: invalid POSIX IPC name: 'a/b' (expected '/' and then 1 to 255 characters, none of them "
                + "'/')\n", result.err());
        assertTrue(exists(PosixResource.SHARED_MEMORY, shm));
    }

    /**
     * --all=pshm removes every shared memory object the filter lets through; the test hands its own objects to
     * another uid and removes that uid's, so that nothing else in /dev/shm is touched.
     */
    @ParameterizedTest(name = "--all={0}")
    @ValueSource(strings = {"pshm", "pmsg", "psem"})
    void all_of_a_posix_kind(String kind) throws Exception {
        PosixResource resource = switch (kind) {
            case "pshm" -> PosixResource.SHARED_MEMORY;
            case "pmsg" -> PosixResource.MESSAGE_QUEUES;
            default -> PosixResource.SEMAPHORES;
        };
        String spared = makePosix(resource);
        List<String> doomed = List.of(makePosix(resource), makePosix(resource));
        PosixIpcFiles files = new PosixIpcFiles(SystemPaths.fromSystemProperties());
        for (String name : doomed) {
            Files.setAttribute(files.file(resource, name), "unix:uid", STRANGER);
        }
        // something of another kind, same owner: --all=KIND leaves it
        String otherKind = makePosix(resource == PosixResource.SHARED_MEMORY ? PosixResource.SEMAPHORES
                : PosixResource.SHARED_MEMORY);
        CommandResult result = Ipc.run("rm", "--all=" + kind, "--owner", Integer.toString(STRANGER), "-v");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(doomed.stream().sorted().map(n -> "removing " + resource.description() + " `" + n + "'\n")
                .reduce("", String::concat), result.out());
        for (String name : doomed) {
            assertFalse(exists(resource, name));
        }
        assertTrue(exists(resource, spared));
        assertTrue(files.list(resource == PosixResource.SHARED_MEMORY ? PosixResource.SEMAPHORES
                : PosixResource.SHARED_MEMORY).stream().anyMatch(e -> e.name().equals(otherKind)));
    }

    /** /dev/mqueue is often not mounted: --dry-run then asks mq_open, and --all=pmsg says what is missing. */
    @Test
    void posix_queues_without_an_mqueue_mount() {
        String queue = makePosix(PosixResource.MESSAGE_QUEUES);
        String missing = name();
        String mount = System.getProperty("ipc.dev.mqueue");
        System.setProperty("ipc.dev.mqueue", "/no-mqueue-mount-here");
        try {
            CommandResult dryRun = Ipc.run("rm", "--dry-run", "--posix-mqueue", queue, "--posix-mqueue", missing);
            assertEquals(new CommandResult(1, "would remove POSIX message queue `" + queue + "'\n"
                    + "would remove POSIX message queue `" + missing + "'\n",
                    "ipc: name `" + missing + "' not found\n"), dryRun);
            CommandResult all = Ipc.run("rm", "--all=pmsg");
            assertEquals(new CommandResult(0, "", "ipc: /no-mqueue-mount-here does not seem to be mounted. Use "
                    + "'mount -t mqueue none /no-mqueue-mount-here' to mount it.\n"), all);
        } finally {
            System.setProperty("ipc.dev.mqueue", mount);
        }
        assertTrue(exists(PosixResource.MESSAGE_QUEUES, queue));
    }

    @Test
    void nobody_may_not_remove_roots_posix_objects() {
        IpcrmCompatibilityTest.requireUnprivileged();
        String shm = makePosix(PosixResource.SHARED_MEMORY);
        for (String dryRun : new String[] {"--dry-run", "-v"}) {
            CommandResult result = Processes.run(Unprivileged.ipc("rm", dryRun, "--posix-shmem", shm));
            assertEquals(1, result.exitCode(), result::toString);
            assertEquals("ipc: permission denied for name `" + shm + "'\n", result.err());
            assertTrue(exists(PosixResource.SHARED_MEMORY, shm));
        }
    }

    // ---- objects that vanish ----

    /** Between --all's listing and its turn, another process removes an object: one line, no failure. */
    @Test
    void an_object_removed_meanwhile_is_reported_and_the_rest_go_on() {
        Map<String, Integer> ids = populate();
        String name = makePosix(PosixResource.SEMAPHORES);
        RmRequest request = new RmRequest(List.of(), EnumSet.allOf(IpcResource.class),
                EnumSet.of(PosixResource.SEMAPHORES), new AllFilter(OptionalLong.of(0), OptionalLong.empty(), false),
                false, false, false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Remover remover = new Remover(request, new PrintWriter(out), new PrintWriter(err),
                SystemPaths.fromSystemProperties());
        List<RmRequest.Target> listed = remover.listAll();
        assertTrue(listed.contains(new RmRequest.ByName(PosixResource.SEMAPHORES, name)), listed::toString);
        Kernel.removeQueue(ids.get("q0"));
        PosixIpc.unlink(PosixResource.SEMAPHORES, name);
        remover.remove(listed, true);
        assertEquals(0, remover.failures());
        assertEquals("ipc: POSIX semaphore " + name + " was removed by another process meanwhile\n"
                + "ipc: message queue id " + ids.get("q0") + " was removed by another process meanwhile\n",
                err.toString());
        assertEquals(List.of(), survivors());
    }

    @Test
    void an_id_named_on_the_command_line_that_is_gone_is_a_failure_as_in_ipcrm() {
        Map<String, Integer> ids = populate();
        Kernel.removeQueue(ids.get("q0"));
        assertEquals(new CommandResult(1, "", "ipc: invalid id (" + ids.get("q0") + ")\n"),
                Ipc.run("rm", "-q", Integer.toString(ids.get("q0"))));
    }
}
