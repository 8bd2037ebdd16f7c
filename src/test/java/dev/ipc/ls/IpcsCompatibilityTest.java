// ipc ls against util-linux ipcs on the same real objects: same stdout, same stderr text, same exit code.
package dev.ipc.ls;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.support.Unprivileged;
import dev.ipc.libc.NativeCallException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcsCompatibilityTest {
    private static final List<Long> attachments = new ArrayList<>();
    private static final List<Thread> waiters = new ArrayList<>();
    private static int semaphoreSet;
    private static int queue;
    private static int segment;

    /** A namespace holding every case the issue names: unknown owners, long names, dest and locked, big sizes. */
    @BeforeAll
    static void createObjects() throws Exception {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();

        queue = Kernel.createQueue(0x1234, 0660);
        Kernel.send(queue, 1, "hello");
        Kernel.send(queue, 2, "0123456789");
        int foreign = Kernel.createQueue(0, 0600);
        Kernel.setQueueOwner(foreign, 4242, 4343, 0600);
        int longName = Kernel.createQueue(0x7fffffff, 0640);
        Kernel.setQueueOwner(longName, 998, 998, 0640); // systemd-network, cut to 10 characters where known
        Kernel.createQueue(0x80000001, 0); // a key with the sign bit set, and mode 000

        segment = Kernel.createSegment(0xabcdef01, 65536, 0666);
        attachments.add(Kernel.attach(segment));
        int doomed = Kernel.createSegment(0x4321, 10, 0400);
        attachments.add(Kernel.attach(doomed));
        Kernel.lockSegment(doomed);
        Kernel.removeSegment(doomed); // still attached: listed as dest, key 0
        Kernel.createSegment(0x5555, 12345678901L, 0600); // wider than its column
        Kernel.createSegment(0x6666, 1536, 0644);
        int strangers = Kernel.createSegment(0x7777, 4096, 0640);
        Kernel.setSegmentOwner(strangers, 5000, 5001, 0640);

        semaphoreSet = Kernel.createSemaphores(1234, 3, 0644);
        Kernel.setValue(semaphoreSet, 1, 5);
        Kernel.setValue(semaphoreSet, 2, 1);
        Kernel.createSemaphores(0, 1, 0600);
        CountDownLatch started = new CountDownLatch(2);
        waiters.add(waiter(started, 0, -1)); // blocks: semaphore 0 is 0 -> ncount 1
        waiters.add(waiter(started, 2, 0));  // blocks until semaphore 2 is zero -> zcount 1
        started.await(5, TimeUnit.SECONDS);
        awaitWaiters();
    }

    private static Thread waiter(CountDownLatch started, int number, int operation) {
        Thread thread = new Thread(() -> {
            started.countDown();
            try {
                Kernel.semop(semaphoreSet, number, operation);
            } catch (NativeCallException removed) {
                // EIDRM when the set is removed at the end
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitWaiters() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            CommandResult details = Ipc.run("ls", "-s", "-i", Integer.toString(semaphoreSet));
            if (details.out().contains("\n0          0          1          0")
                    && details.out().contains("\n2          1          0          1")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the semaphore waiters did not block");
    }

    @AfterAll
    static void removeObjects() throws InterruptedException {
        if (!Isolation.inPrivateIpcNamespace()) {
            return;
        }
        for (long address : attachments) {
            Kernel.detach(address);
        }
        Kernel.removeAll();
        for (Thread waiter : waiters) {
            waiter.join(5000);
        }
    }

    @ParameterizedTest(name = "ipc ls {0}")
    @ValueSource(strings = {"", "-a", "-q", "-m", "-s", "-q -m", "-s -q", "-t", "-p", "-c", "-l", "-u",
            "-q -t", "-m -t", "-s -t", "-q -p", "-m -p", "-s -p", "-q -c", "-m -c", "-s -c",
            "-b", "--human", "-m --human", "-q --human", "-m -b", "-l -b", "-l --human", "-u -b", "-u --human",
            "-t -p", "-p -t", "-c -l", "-l -u -c", "--human -b", "-b --human", "-tp", "-qmst",
            "--queues --shmems --semaphores --time", "--limits", "--summary --human",
            "extra arguments are ignored"})
    void listings_match_ipcs(String arguments) {
        assertSameAsIpcs(split(arguments));
    }

    @Test
    void queue_details_match_ipcs() {
        assertSameAsIpcs("-q", "-i", Integer.toString(queue));
        assertSameAsIpcs("-q", "-i", Integer.toString(queue), "--human");
        assertSameAsIpcs("--id", Integer.toString(queue), "--queues", "-b");
    }

    @Test
    void segment_details_match_ipcs() {
        var segments = dev.ipc.libc.SystemVCalls.sharedMemorySegments();
        assertEquals(5, segments.size(), "the five segments made above");
        for (var s : segments) {
            assertSameAsIpcs("-m", "-i", Integer.toString(s.id()));
            assertSameAsIpcs("-m", "-i", Integer.toString(s.id()), "--human");
        }
    }

    @Test
    void semaphore_details_show_values_and_waiters_as_ipcs_does() {
        assertSameAsIpcs("-s", "-i", Integer.toString(semaphoreSet));
        CommandResult result = Ipc.run("ls", "-s", "-i", Integer.toString(semaphoreSet));
        assertTrue(result.out().contains("1          5          0          0"), result::toString);
    }

    @Test
    void an_unreadable_semaphore_set_fails_as_ipcs_fails() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Unprivileged.unavailableReason() == null,
                Unprivileged::unavailableReason);
        int locked = Kernel.createSemaphores(0x5151, 2, 0600);
        String id = Integer.toString(locked);
        CommandResult expected = Processes.run(Unprivileged.command(List.of("ipcs", "-s", "-i", id)));
        CommandResult actual = Processes.run(Unprivileged.ipc("ls", "-s", "-i", id));
        assertEquals(1, expected.exitCode(), expected::toString);
        assertEquals(expected.exitCode(), actual.exitCode(), actual::toString);
        assertEquals(expected.err().replace("ipcs: ", "ipc: "), actual.err());
        Kernel.removeSemaphores(locked);
    }

    @ParameterizedTest(name = "ipc ls {0}")
    @ValueSource(strings = {"-i abc", "-i 99999999999", "-i -99999999999", "-i 1", "-q -s -i 1", "-a -i 1",
            "-q -i 77", "-m -i 99", "-s -i 12345", "-i", "--foo", "-x", "-q -i", "-i 0x10 -q", "-i '' -q",
            "-i 12a -q"})
    void errors_match_ipcs(String arguments) {
        String[] args = split(arguments);
        CommandResult ours = Ipc.run(prepend("ls", args));
        CommandResult theirs = ipcs(args);
        assertEquals(theirs.exitCode(), ours.exitCode(), () -> "exit code\n" + ours + "\nipcs:\n" + theirs);
        assertEquals(theirs.out(), ours.out(), () -> "stdout\n" + ours + "\nipcs:\n" + theirs);
        // getopt's own wording for unknown options differs; ipcs's messages must match after the name
        if (!arguments.startsWith("--foo") && !arguments.equals("-x") && !arguments.endsWith("-i")) {
            assertEquals(theirs.err().replace("ipcs: ", "ipc: "), ours.err(), () -> ours + "\nipcs:\n" + theirs);
        } else {
            assertEquals(1, ours.err().lines().count(), () -> "one line on stderr: " + ours);
        }
    }

    @ParameterizedTest(name = "ipc ls -q -i [{0}]")
    @ValueSource(strings = {"5 ", " 5", "+5", "-0", "\t7", "7\n"})
    void ids_with_blanks_signs_and_other_digits_are_read_as_ipcs_reads_them(String id) {
        CommandResult ours = Ipc.run("ls", "-q", "-i", id);
        CommandResult theirs = ipcs("-q", "-i", id);
        assertEquals(theirs.exitCode(), ours.exitCode(), () -> "exit code\n" + ours + "\nipcs:\n" + theirs);
        assertEquals(theirs.out(), ours.out());
        assertEquals(theirs.err().replace("ipcs: ", "ipc: "), ours.err());
    }

    private static void assertSameAsIpcs(String... args) {
        CommandResult theirs = ipcs(args);
        CommandResult ours = Ipc.run(prepend("ls", args));
        assertEquals(theirs.out(), ours.out(), () -> "ipcs " + String.join(" ", args));
        assertEquals(theirs.err().replace("ipcs: ", "ipc: "), ours.err());
        assertEquals(theirs.exitCode(), ours.exitCode());
    }

    static CommandResult ipcs(String... args) {
        return Processes.run(command("ipcs", args));
    }

    static String[] split(String arguments) {
        if (arguments.isEmpty()) {
            return new String[0];
        }
        return Arrays.stream(arguments.split(" ")).map(a -> a.equals("''") ? "" : a).toArray(String[]::new);
    }

    static List<String> command(String first, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(Arrays.asList(rest));
        return all;
    }

    private static String[] prepend(String first, String[] rest) {
        return command(first, rest).toArray(String[]::new);
    }
}
