// ipc rm beyond ipcrm: --dry-run, the --all filters, POSIX objects by name and kind, objects that vanish.
package dev.ipc.rm;

import dev.ipc.cli.RunContext;
import dev.ipc.cli.SelfCommand;
import dev.ipc.model.PosixResource;
import dev.ipc.model.SystemVKind;
import dev.ipc.procfs.PosixIpcFiles;
import dev.ipc.procfs.ProcFile;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.procfs.IpcSyscalls;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.support.Await;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.support.TestObjects;
import dev.ipc.support.Unprivileged;
import dev.ipc.libc.PosixIpc;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // the shared resolver's message, with ipcrm's status for every error
        assertEquals(new CommandResult(1, "", "ipc: invalid --owner 'no-such-user-here': no such user (give a user "
                + "name or a uid)\n"), Ipc.run("rm", "-a", "--owner", "no-such-user-here"));
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
    @ValueSource(strings = {"", "h", "1x", "1h30", "-5m", "9999999999999s"})
    void durations_that_are_not_durations_are_refused_with_ipcrms_status(String text) {
        CommandResult result = Ipc.run("rm", "-a", "--older-than", text);
        assertEquals(1, result.exitCode());
        assertEquals("ipc: invalid --older-than '" + text + "': expected a duration such as 500ms, 2s, 1m or 1h30m "
                + "(a plain number is seconds), from 0 and at most 365d\n", result.err());
    }

    /**
     * Objects made by ipcmk (a process that has exited) and never used are orphans; what this JVM created,
     * attached, sent to or operated on is not. ipc ls --orphans lists what ipc rm -a --orphans removes.
     */
    @Test
    void orphans_are_the_objects_no_live_process_uses() throws Exception {
        String queue = "msg " + madeByIpcmk("-Q");
        // a queue shows no waiters itself: it is chosen only when every process could be inspected
        boolean complete = IpcUsers.scan(SystemPaths.fromSystemProperties(), false).complete();
        List<String> orphans = new ArrayList<>(complete ? List.of(queue) : List.of());
        orphans.addAll(List.of("shm " + madeByIpcmk("-M", "10"), "sem " + madeByIpcmk("-S", "1")));
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
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals("", result.out());
            assertDoubts(complete, result.err());
            List<String> left = survivors();
            assertEquals(complete ? 4 : 5, left.size(), left::toString);
            assertTrue(left.containsAll(List.of("shm 0x00005555", "msg 0x00005556", "sem 0x00005557")),
                    left::toString);
        } finally {
            Kernel.detach(address);
        }
        assertTrue(SystemVCalls.sharedMemorySegment(createdHere).isPresent());
    }

    /**
     * Objects whose creator (ipcmk) has exited, with a live process asleep on them - in msgrcv, in msgsnd on a
     * full queue, in semop - are in use: ls --orphans does not list them, rm -a --orphans (and its dry run)
     * leaves them, and their waiters go on waiting. Unused ones are still chosen. A queue nobody waits on is
     * chosen only when every process could be inspected; otherwise one line says so, and that it counts the
     * unused queue alone proves that the queues with waiters were recognised as such, not merely doubted.
     */
    @Test
    void orphans_skip_objects_that_live_processes_wait_on() throws Exception {
        int receivedFrom = Integer.parseInt(madeByIpcmk("-Q"));
        int full = Integer.parseInt(madeByIpcmk("-Q"));
        int taken = Integer.parseInt(madeByIpcmk("-S", "1"));
        String unusedQueue = "msg " + madeByIpcmk("-Q");
        String unusedSegment = "shm " + madeByIpcmk("-M", "10");
        String unusedSet = "sem " + madeByIpcmk("-S", "1");
        fillByExitedProcesses(full);
        IpcSyscalls calls = IpcSyscalls.current().orElseThrow();
        IpcProcess receiver = IpcProcess.start("msg", "recv", "--id", Integer.toString(receivedFrom));
        IpcProcess sender = IpcProcess.start("msg", "send", "--id", Integer.toString(full), "one more");
        IpcProcess operator = IpcProcess.start("sem", "op", "--id", Integer.toString(taken), "0:-1");
        List<IpcProcess> waiters = List.of(receiver, sender, operator);
        try {
            Await.until(() -> IpcSyscalls.sleepsIn(receiver.pid(), calls.msgrcv()).orElse(false), "msgrcv sleeps");
            Await.until(() -> IpcSyscalls.sleepsIn(sender.pid(), calls.msgsnd()).orElse(false), "msgsnd sleeps");
            Await.until(() -> SemaphoreCalls.waitingForIncrease(taken, 0) == 1, "semop sleeps");
            boolean complete = IpcUsers.scan(SystemPaths.fromSystemProperties(), false).complete();
            List<String> orphans = complete ? List.of(unusedQueue, unusedSegment, unusedSet)
                    : List.of(unusedSegment, unusedSet);

            CommandResult listing = Ipc.run("ls", "--orphans");
            assertEquals(0, listing.exitCode(), listing::toString);
            assertEquals(orphans, rows(listing.out()), listing::toString);
            assertDoubts(complete, listing.err());
            CommandResult dryRun = Ipc.run("rm", "-a", "--orphans", "--dry-run");
            assertEquals(0, dryRun.exitCode(), dryRun::toString);
            assertEquals(orphans.stream().sorted().toList(), dryRun.out().lines()
                    .filter(line -> line.startsWith("would remove "))
                    .map(line -> line.replaceAll(": no .*", ""))
                    .map(line -> (line.contains("message") ? "msg " : line.contains("shared") ? "shm " : "sem ")
                            + line.replaceAll(".*`(.*)'", "$1")).sorted().toList(), dryRun::toString);
            assertDoubts(complete, dryRun.err());

            CommandResult removal = Ipc.run("rm", "-a", "--orphans");
            assertEquals(0, removal.exitCode(), removal::toString);
            assertDoubts(complete, removal.err());
            List<String> left = survivors();
            assertTrue(left.size() == (complete ? 3 : 4), left::toString);
            assertTrue(SystemVCalls.messageQueue(receivedFrom).isPresent());
            assertTrue(SystemVCalls.messageQueue(full).isPresent());
            assertTrue(SystemVCalls.semaphoreSet(taken).isPresent());
            for (IpcProcess waiter : waiters) {
                assertTrue(waiter.alive(), "a waiter was woken: " + (waiter.alive() ? "" : waiter.await(10)));
            }
        } finally {
            waiters.forEach(IpcProcess::kill);
        }
    }

    /**
     * Where every process can be inspected - a PID namespace of its own with its own /proc, as in a container -
     * a queue whose creator has exited and on which nobody waits is an orphan, and one with a receiver asleep on
     * it is not: both are decided by the scan alone, with nothing in doubt.
     */
    @Test
    void where_every_process_can_be_inspected_an_unused_queue_is_an_orphan() {
        String unused = madeByIpcmk("-Q");
        String waitedOn = madeByIpcmk("-Q");
        int msgrcv = IpcSyscalls.current().orElseThrow().msgrcv();
        // sh is the namespace's first process: when it exits, the receiver goes with it
        String script = "\"$@\" msg recv --id " + waitedOn + " >/dev/null 2>&1 & receiver=$!\n"
                + "tries=0; until grep -qs '^" + msgrcv + " ' /proc/$receiver/task/*/syscall; do\n"
                + "  tries=$((tries + 1)); [ $tries -lt 600 ] || exit 99; sleep 0.05; done\n"
                + "\"$@\" ls --orphans -q && echo ==== && \"$@\" rm --all=msg --orphans -v && echo ==== && \"$@\" ls -q\n";
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc", "sh", "-c",
                script, "sh"));
        command.addAll(SelfCommand.of());
        CommandResult result = Processes.run(command);
        Assumptions.assumeFalse(result.exitCode() != 0 && result.err().startsWith("unshare:"), result::toString);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err());
        String[] parts = result.out().split("====\n");
        assertEquals(List.of("msg " + unused), rows(parts[0]), result::toString);
        assertTrue(parts[1].startsWith("removing message queue id `" + unused + "': no process waiting, never used, "
                + "last change "), parts[1]);
        assertEquals(1, parts[1].lines().count(), parts[1]);
        assertEquals(List.of("msg " + waitedOn), rows(parts[2]), result::toString);
    }

    /** Where some process cannot be inspected, exactly the one unused queue is kept as possibly in use. */
    private static void assertDoubts(boolean complete, String err) {
        if (complete) {
            assertEquals("", err);
        } else {
            assertTrue(err.matches("ipc: could not inspect [0-9]+ process(es)? .*: 1 message queue they "
                    + "may be waiting on is not counted as orphans\n"), err);
        }
    }

    /** Fills the queue with messages of processes that have exited, so that its last sender is gone. */
    private static void fillByExitedProcesses(int queue) throws Exception {
        long qbytes = SystemVCalls.messageQueue(queue).orElseThrow().maxBytes().getAsLong();
        int msgmax = Integer.parseInt(ProcFile.readText(Path.of("/proc/sys/kernel/msgmax")).strip());
        for (long used = 0; used + msgmax <= qbytes; used += msgmax) {
            IpcProcess.Result sent = IpcProcess.run("x".repeat(msgmax).getBytes(StandardCharsets.US_ASCII),
                    "msg", "send", "--id", Integer.toString(queue));
            assertEquals(0, sent.exitCode(), sent::toString);
        }
    }

    // ---- objects that change between listing and removal ----

    /**
     * --all lists, then removes; meanwhile the queue it listed is removed and its id given to a new queue (the
     * kernel's msg_next_id makes it so). The stale listing is handed to the removal step, as a run would: the
     * new queue is left alone with one line, and the rest of the listing is still removed. (No outside process
     * can slip in between a run's listing and its removals at a chosen moment, so the step is called directly.)
     */
    @Test
    void an_id_reused_by_a_new_object_after_the_listing_is_left_alone() throws Exception {
        Map<String, Integer> ids = populate();
        Remover remover = remover(EnumSet.of(SystemVKind.QUEUE));
        List<RmRequest.Target> listed = remover.listAll();
        int reused = ids.get("q0");
        Kernel.removeQueue(reused);
        Files.writeString(Path.of("/proc/sys/kernel/msg_next_id"), Integer.toString(reused));
        assertEquals(reused, Kernel.createQueue(0x7777, 0600), "the kernel gave the id to the new queue");
        remover.remove(listed, true);
        assertEquals(0, remover.failures());
        assertEquals("ipc: message queue id " + reused + " changed since it was listed; left alone\n", err.toString());
        assertEquals(List.of("msg 0x00007777", "sem 0x00003234", "sem 0x00003235", "shm 0x00002234",
                "shm 0x00002235"), survivors());
    }

    /** A change after the listing (SETVAL here, IPC_SET alike) moves the change time: it is left alone. */
    @Test
    void an_object_changed_after_the_listing_is_left_alone() throws Exception {
        Map<String, Integer> ids = populate();
        Remover remover = remover(EnumSet.of(SystemVKind.SEMAPHORE_SET));
        List<RmRequest.Target> listed = remover.listAll();
        // the change time counts whole seconds (by the kernel's clock): SETVAL until it has moved
        int set = ids.get("s1");
        long listedChange = SystemVCalls.semaphoreSet(set).orElseThrow().changeTime().getAsLong();
        Await.until(() -> {
            Kernel.setValue(set, 0, 1);
            return SystemVCalls.semaphoreSet(set).orElseThrow().changeTime().getAsLong() != listedChange;
        }, "a later change time");
        remover.remove(listed, true);
        assertEquals(0, remover.failures());
        assertEquals("ipc: semaphore id " + ids.get("s1") + " changed since it was listed; left alone\n",
                err.toString());
        assertEquals(List.of("msg 0x00001234", "msg 0x00001235", "sem 0x00003235", "shm 0x00002234",
                "shm 0x00002235"), survivors());
    }

    private final StringWriter err = new StringWriter();

    /** A Remover for --all=KIND..., writing its stderr to {@link #err}. */
    private Remover remover(EnumSet<SystemVKind> kinds) {
        RmRequest request = new RmRequest(List.of(), kinds, EnumSet.noneOf(PosixResource.class), AllFilter.NONE,
                false, false, false);
        return new Remover(request, RunContext.plain(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                SystemPaths.fromSystemProperties()));
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
        RmRequest request = new RmRequest(List.of(), EnumSet.allOf(SystemVKind.class),
                EnumSet.of(PosixResource.SEMAPHORES), new AllFilter(OptionalLong.of(0), OptionalLong.empty(), false),
                false, false, false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Remover remover = new Remover(request, RunContext.plain(new PrintWriter(out), new PrintWriter(err),
                SystemPaths.fromSystemProperties()));
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
