// A child process of ipc sem demo: A or C waits on its semaphore, B signals SA, then SB.
package dev.ipc.sem;

import dev.ipc.cli.ExitCodes;
import dev.ipc.demo.Calls;
import dev.ipc.demo.ChildLink;
import dev.ipc.demo.DemoChild;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.Narrator;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SemaphoreOperations;

import java.io.PrintWriter;
import java.util.Map;

/** set: the demo's semaphore set; pace: B's pause before each signal, as the user wrote it; objects: see ChildLink. */
record SemDemoChild(Role role, int set, long paceNanos, String pace, boolean trace, String objects)
        implements DemoChild {
    static final int SA = 0;
    static final int SB = 1;
    static final String[] NAMES = {"SA", "SB"};

    /** A waits on SA, C on SB; B signals both. */
    enum Role { A, B, C }

    @Override
    public int run(PrintWriter out, Map<String, String> environment) throws InterruptedException {
        ChildLink link = ChildLink.open(out, trace, () -> DemoRun.removeObjects(objects));
        Narrator me = link.narrator();
        switch (role) {
            case A -> waitOn(me, SA, "A");
            case C -> waitOn(me, SB, "C");
            case B -> {
                me.say("starts; works for " + pace + " before it signals");
                Thread.sleep(paceNanos / 1_000_000);
                signal(me, SA);
                me.say("works for " + pace + " more");
                Thread.sleep(paceNanos / 1_000_000);
                signal(me, SB);
                me.say("finishes");
            }
        }
        return ExitCodes.OK;
    }

    private void waitOn(Narrator me, int number, String name) {
        String sem = NAMES[number];
        int value = SemaphoreCalls.value(set, number);
        me.trace(Calls.semctl(set, number, "GETVAL", "NULL") + " = " + value);
        me.say("wait(" + sem + "): semop takes 1 from " + sem + ", which is " + value
                + (value == 0 ? ", so the kernel puts " + name + " to sleep until someone raises it" : ""));
        int[] numbers = {number};
        int[] ops = {-1};
        me.trace(Calls.semop(set, numbers, ops, 0) + " <unfinished ...>");
        new SemaphoreOperations(numbers, ops, new int[] {0}).applyWaiting(set);
        me.fact("woke", sem);
        me.trace("<... semop resumed> = 0");
        me.say("woke up: its semop returned and took " + sem + " (" + sem + " is 0 again); "
                + name + " does its work and finishes");
    }

    private void signal(Narrator me, int number) {
        String sem = NAMES[number];
        int waiting = SemaphoreCalls.waitingForIncrease(set, number);
        me.trace(Calls.semctl(set, number, "GETNCNT", "NULL") + " = " + waiting);
        me.say("signal(" + sem + "): semop adds 1 to " + sem + "; " + waiting + " process"
                + (waiting == 1 ? " sleeps" : "es sleep") + " waiting for it, so the kernel wakes "
                + (waiting == 0 ? "no one" : "one"));
        int[] numbers = {number};
        int[] ops = {1};
        SemaphoreOperations raise = new SemaphoreOperations(numbers, ops, new int[] {0});
        me.fact("signalled-" + sem, "1");
        raise.applyWaiting(set);
        me.trace(Calls.semop(set, numbers, ops, 0) + " = 0");
    }
}
