// A child process of ipc shm demo: the producer or the consumer, each on its side of the ring in the segment.
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import dev.ipc.demo.Calls;
import dev.ipc.demo.ChildLink;
import dev.ipc.demo.DemoChild;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.Narrator;
import dev.ipc.libc.SemaphoreOperations;
import dev.ipc.libc.SharedMemoryCalls;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;

import static dev.ipc.libc.IpcConstants.IPC_NOWAIT;

/**
 * segment and set: the demo's segment and semaphores; count items of itemSize bytes through ring slots; objects:
 * what to remove if the parent dies (see ChildLink).
 */
record ShmDemoChild(Side side, int segment, int set, long count, int itemSize, int ring, boolean trace,
                    String objects) implements DemoChild {
    static final int EMPTY = 0;
    static final int FULL = 1;
    static final int MUTEX = 2;
    static final int SHOWN_ITEMS = 6;
    static final int SHOWN_WAITS = 3;

    enum Side { PRODUCER, CONSUMER }

    @Override
    public int run(PrintWriter out, Map<String, String> environment) {
        return side == Side.PRODUCER ? producer(out) : consumer(out);
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }

    private int producer(PrintWriter out) {
        ChildLink link = ChildLink.open(out, trace, () -> DemoRun.removeObjects(objects));
        Narrator me = link.narrator();
        Ring shared = new Ring(me, true);
        link.ready();
        me.fact("started", "1");
        for (long n = 0; n < count; n++) {
            shared.put(n);
        }
        shared.tellWaits("full-waits");
        me.say("made all " + count + " items; it waited " + times(shared.counter.waits) + " for a free slot (EMPTY "
                + "= 0) and " + times(shared.mutex.waits) + " for MUTEX (the consumer was in the ring)");
        shared.close();
        return ExitCodes.OK;
    }

    private int consumer(PrintWriter out) {
        ChildLink link = ChildLink.open(out, trace, () -> DemoRun.removeObjects(objects));
        Narrator me = link.narrator();
        Ring shared = new Ring(me, false);
        link.ready();
        long received = 0;
        while (received < count && shared.get(received)) {
            received++;
        }
        me.fact("finished", "1");
        me.fact("received", Long.toString(received));
        shared.tellWaits("empty-waits");
        me.say("got " + received + " items; it waited " + times(shared.counter.waits) + " for a filled slot (FULL "
                + "= 0) and " + times(shared.mutex.waits) + " for MUTEX (the producer was in the ring)");
        shared.close();
        return ExitCodes.OK; // what went wrong was told in facts, for the parent's checks to report
    }

    /**
     * One side's view of the ring: the attached segment, its two waits and its semop that gives back. An item is
     * put or got by one method call, which the JVM compiles after a few hundred items; a loop body it compiles only
     * once the loop has run tens of thousands of times.
     */
    private final class Ring {
        final Narrator me;
        final RingItem items = new RingItem(itemSize);
        final byte[] item = new byte[itemSize];
        final SharedMemoryCalls.Attachment memory;
        final Wait counter;
        final Wait mutex;
        final int[] takeNumbers;
        final SemaphoreOperations both;
        /** The trace of a failed try of both. */
        final String bothBusy;
        final SemaphoreOperations give;
        final int[] giveNumbers;

        Ring(Narrator me, boolean producer) {
            this.me = me;
            long bytes = (long) ring * itemSize;
            memory = SharedMemoryCalls.attach(segment, bytes, !producer);
            me.trace(Calls.shmat(segment, !producer) + " = 0x" + Long.toHexString(memory.address()));
            takeNumbers = new int[] {producer ? EMPTY : FULL, MUTEX};
            both = new SemaphoreOperations(takeNumbers, new int[] {-1, -1}, new int[] {IPC_NOWAIT, IPC_NOWAIT});
            bothBusy = Calls.semop(set, takeNumbers, new int[] {-1, -1}, IPC_NOWAIT)
                    + " = -1 EAGAIN (Resource temporarily unavailable)";
            counter = producer
                    ? new Wait(me, EMPTY, takeNumbers, "the ring is full (EMPTY = 0): the producer waits for the "
                            + "consumer to free a slot")
                    : new Wait(me, FULL, takeNumbers, "the ring is empty (FULL = 0): the consumer waits for the "
                            + "producer");
            mutex = new Wait(me, MUTEX, new int[] {MUTEX}, "MUTEX is taken (MUTEX = 0): the "
                    + (producer ? "consumer" : "producer") + " is in the ring; the "
                    + (producer ? "producer" : "consumer") + " waits for it to leave");
            giveNumbers = new int[] {MUTEX, producer ? FULL : EMPTY};
            give = new SemaphoreOperations(giveNumbers, new int[] {1, 1}, new int[] {0, 0});
            give.bindCalls(); // before the parent's "go": the timed items do not pay for it
        }

        /**
         * P(counter) and P(MUTEX) in one semop, as the C twin takes them (one system call), but without waiting: when
         * that would block, the counter is tried alone to tell which one was 0. A counter at 0 is a wait for a slot
         * (or an item), told and counted, and one semop then waits for both, as C's does; otherwise MUTEX was taken,
         * and that wait is told and counted apart. Holding the counter while waiting for MUTEX is safe: whoever holds
         * MUTEX never waits for a slot, so the other always gets in to make one.
         */
        void take(boolean shown) {
            if (both.tryApply(set)) {
                if (shown) {
                    me.trace(Calls.semop(set, takeNumbers, new int[] {-1, -1}, IPC_NOWAIT) + " = 0");
                }
                return;
            }
            if (shown) {
                me.trace(bothBusy);
            }
            if (!counter.take(shown, shown ? null : bothBusy)) {
                mutex.take(shown, null);
            }
        }

        /** The producer's item n, into its slot. */
        void put(long n) {
            boolean shown = n < SHOWN_ITEMS;
            take(shown);
            int slot = (int) (n % ring);
            items.fill(item, n);
            memory.write((long) slot * itemSize, item, 0, itemSize);
            if (shown) {
                me.say("put item " + n + " in slot " + slot + "; gives back MUTEX and adds 1 to FULL, which wakes "
                        + "the consumer if it waits");
            } else if (n == SHOWN_ITEMS) {
                me.say("puts items " + n + " to " + (count - 1) + " the same way (not shown)");
            }
            give(shown);
        }

        /** The consumer's item n, from its slot; false, told in a fact, when another came or it was damaged. */
        boolean get(long n) {
            boolean shown = n < SHOWN_ITEMS;
            take(shown);
            int slot = (int) (n % ring);
            memory.read((long) slot * itemSize, item, 0, itemSize);
            // checked out of the ring, as the C twin does: the producer can go on meanwhile
            give(shown);
            long number = RingItem.number(item);
            if (number != n) {
                me.fact("wrong", "item " + number + " came where item " + n + " was due");
                return false;
            }
            if (!items.intact(item, n)) {
                me.fact("damaged", "item " + n + " does not hold the data it was written with");
                return false;
            }
            if (shown) {
                me.say("got item " + n + " from slot " + slot + ", in order and intact (it gave back MUTEX and "
                        + "added 1 to EMPTY, which freed the slot, before checking it)");
            } else if (n == SHOWN_ITEMS) {
                me.say("gets items " + n + " to " + (count - 1) + " the same way, checking each (not shown)");
            }
            return true;
        }

        /** V(MUTEX) and V(FULL) for the producer, V(MUTEX) and V(EMPTY) for the consumer, in one semop. */
        void give(boolean shown) {
            give.apply(set);
            if (shown) {
                me.trace(Calls.semop(set, giveNumbers, new int[] {1, 1}, 0) + " = 0");
            }
        }

        /** The waits, in facts for the parent: for the counter (counterFact), untold, for MUTEX. */
        void tellWaits(String counterFact) {
            me.fact(counterFact, Long.toString(counter.waits));
            me.fact("untold-waits", Long.toString(counter.untold() + mutex.untold()));
            me.fact("mutex-waits", Long.toString(mutex.waits));
        }

        void close() {
            memory.close();
            me.trace(Calls.shmdt(memory.address()) + " = 0");
        }
    }

    /**
     * P on one semaphore, tried without waiting first: EAGAIN then means this semaphore was 0 at that moment, so
     * the wait is told and counted for what it waits for, and one semop waits for it (with MUTEX, for a counter).
     */
    private final class Wait {
        final Narrator me;
        final int[] number;
        final int[] waitNumbers;
        final int[] minusOnes;
        final String why;
        final SemaphoreOperations now;
        final SemaphoreOperations waiting;
        long waits;
        long told;

        /** waitNumbers: what the semop that waits takes, this semaphore first. */
        Wait(Narrator me, int semaphore, int[] waitNumbers, String why) {
            this.me = me;
            this.number = new int[] {semaphore};
            this.waitNumbers = waitNumbers;
            this.why = why;
            minusOnes = new int[waitNumbers.length];
            Arrays.fill(minusOnes, -1);
            now = new SemaphoreOperations(number, new int[] {-1}, new int[] {IPC_NOWAIT});
            waiting = new SemaphoreOperations(waitNumbers, minusOnes, new int[waitNumbers.length]);
        }

        /** Waits that happened but were not traced, so the diagram does not draw them. */
        long untold() {
            return waits - told;
        }

        /**
         * Returns whether it waited, and so took every semaphore of waitNumbers; earlier is the trace of the call
         * before it, for a wait told after an item that is not shown.
         */
        boolean take(boolean shown, String earlier) {
            if (now.tryApply(set)) {
                if (shown) {
                    me.trace(Calls.semop(set, number, new int[] {-1}, IPC_NOWAIT) + " = 0");
                }
                return false;
            }
            waits++;
            boolean told = shown || waits <= SHOWN_WAITS;
            if (told) {
                this.told++;
                if (earlier != null) {
                    me.trace(earlier);
                }
                me.trace(Calls.semop(set, number, new int[] {-1}, IPC_NOWAIT)
                        + " = -1 EAGAIN (Resource temporarily unavailable)");
                me.say(why);
                me.trace(Calls.semop(set, waitNumbers, minusOnes, 0) + " <unfinished ...>");
            } else if (waits == SHOWN_WAITS + 1) {
                me.say("(waits for " + (number[0] == MUTEX ? "MUTEX" : "a slot")
                        + " again; further such waits are counted, not shown)");
            }
            waiting.applyWaiting(set);
            if (told) {
                me.trace("<... semop resumed> = 0");
            }
            return true;
        }
    }
}
