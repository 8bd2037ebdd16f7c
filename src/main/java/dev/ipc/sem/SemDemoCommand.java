// ipc sem demo: the documents' processes A, B and C on two semaphores; A and C wait, B signals.
package dev.ipc.sem;

import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.demo.Calls;
import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.DemoProcess;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.DemoOutputOptions;
import dev.ipc.demo.Narrator;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SystemVLifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "demo",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Lab demo: processes A and C wait on semaphores, B signals them.",
                "The documents' picture of semaphores, with real processes: A and C each wait (P) on a "
                + "semaphore that is 0, SA and SB, and block in the kernel; B signals (V) SA, which wakes A, then "
                + "SB, which wakes C. The transcript shows each process's steps and why, when each one blocked "
                + "(seen in the kernel's semncnt) and who woke whom; the set is removed at the end, also on "
                + "Ctrl-C or when a process fails."},
        footer = {"", "Exit status: 0 when the kernel behaved as the documents say; 1 otherwise; 2 bad usage."})
public final class SemDemoCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private static final int SA = SemDemoChild.SA;
    private static final int SB = SemDemoChild.SB;
    private static final long START_MILLIS = 60_000;

    @Spec
    CommandSpec spec;

    @Mixin
    DemoOutputOptions output;

    @Option(names = "--pace", paramLabel = "DURATION", defaultValue = "300ms",
            description = "How long B works before each signal, so that the blocking can be watched; 0: no pause "
                    + "(default ${DEFAULT-VALUE}). " + Durations.HELP)
    String pace;

    @Override
    public Integer call() throws Exception {
        long paceNanos = Durations.nanos("--pace", pace);
        DemoRun run = output.run(spec, "sem demo",
                "ipc sem demo: processes A, B and C share a set of two semaphores, SA and SB, both 0.",
                "A waits on SA and C on SB: wait (P) takes 1 from a semaphore, and when it is 0 the kernel puts "
                        + "the process to sleep. B signals (V) SA, then SB: a signal adds 1 and wakes a process "
                        + "waiting for it.");
        return run.execute(r -> parent(r, paceNanos));
    }

    private void parent(DemoRun run, long paceNanos) throws InterruptedException {
        Narrator parent = run.parent();
        int id = SystemVLifecycle.createPrivate(SystemVKind.SEMAPHORE_SET, 2, 0600);
        run.owns(SystemVKind.SEMAPHORE_SET, id);
        parent.trace(Calls.semget(2, 0600) + " = " + id);
        SemaphoreCalls.setValues(id, new int[] {0, 0});
        parent.trace(Calls.semctl(id, 0, "SETALL", "[0, 0]") + " = 0");
        parent.say("made semaphore set " + id + ": SA (semaphore 0) = 0, SB (semaphore 1) = 0");

        DemoProcess a = run.start("A", child(run, SemDemoChild.Role.A, id, paceNanos));
        awaitBlocked(run, id, SA, a);
        DemoProcess c = run.start("C", child(run, SemDemoChild.Role.C, id, paceNanos));
        awaitBlocked(run, id, SB, c);
        DemoProcess b = run.start("B", child(run, SemDemoChild.Role.B, id, paceNanos));
        run.await(b, START_MILLIS);
        run.await(a, START_MILLIS);
        run.await(c, START_MILLIS);

        int[] values = SemaphoreCalls.values(id, 2);
        parent.trace(Calls.semctl(id, 0, "GETALL", Arrays.toString(values)) + " = 0");
        long signalledA = b.awaitFact("signalled-SA", 0).nanos();
        long signalledB = b.awaitFact("signalled-SB", 0).nanos();
        long wokeA = a.awaitFact("woke", 0).nanos();
        long wokeC = c.awaitFact("woke", 0).nanos();
        run.check(true, "A blocked: its wait(SA) slept in the kernel (semncnt(SA) = 1) until a signal came");
        run.check(true, "C blocked: its wait(SB) slept in the kernel (semncnt(SB) = 1) until a signal came");
        run.check(wokeA > signalledA, "B woke A: A's wait returned " + millis(wokeA - signalledA)
                + " after B signalled SA, not before");
        run.check(wokeC > signalledB, "B woke C: C's wait returned " + millis(wokeC - signalledB)
                + " after B signalled SB, not before; C slept through the signal on SA");
        run.figure("a_woke_after_seconds", (wokeA - signalledA) / 1e9);
        run.figure("c_woke_after_seconds", (wokeC - signalledB) / 1e9);
        run.check(values[SA] == 0 && values[SB] == 0, "each signal was taken by exactly one wait: SA = "
                + values[SA] + " and SB = " + values[SB] + " at the end");
    }

    /** Waits until the child sleeps in semop on this semaphore, as the kernel's semncnt shows it. */
    private static void awaitBlocked(DemoRun run, int id, int number, DemoProcess child) throws InterruptedException {
        long deadline = System.nanoTime() + START_MILLIS * 1_000_000L;
        while (SemaphoreCalls.waitingForIncrease(id, number) < 1) {
            if (!child.alive() || System.nanoTime() > deadline) {
                throw new DemoFailure(child.label() + " never blocked on " + SemDemoChild.NAMES[number]);
            }
            Thread.sleep(5);
        }
        run.parent().trace(Calls.semctl(id, number, "GETNCNT", "NULL") + " = 1");
        String name = SemDemoChild.NAMES[number];
        run.transcript().add(System.nanoTime(), "kernel", "semncnt(" + name + ") = 1: " + child.label()
                + " sleeps in semop, waiting for " + name + " to be raised");
    }

    private SemDemoChild child(DemoRun run, SemDemoChild.Role role, int id, long paceNanos) {
        return new SemDemoChild(role, id, paceNanos, pace, run.tracing(), run.objectList());
    }

    private static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
