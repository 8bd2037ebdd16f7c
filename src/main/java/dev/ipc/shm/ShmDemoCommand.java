// ipc shm demo: producer and consumer through a ring in a shared memory segment, guarded by semaphores.
package dev.ipc.shm;

import dev.ipc.cli.Sizes;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.OptionValues;
import dev.ipc.demo.Calls;
import dev.ipc.demo.ChildLink;
import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.DemoProcess;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.DemoOutputOptions;
import dev.ipc.demo.Narrator;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SemaphoreOperations;
import dev.ipc.libc.SharedMemoryCalls;
import dev.ipc.libc.SystemVLifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.ipc.libc.IpcConstants.IPC_NOWAIT;

@Command(name = "demo",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Lab demo: producer and consumer through a segment guarded by semaphores.",
                "The producer-consumer problem through shared memory, with real processes: a producer "
                + "writes numbered items into a ring of slots in a segment, a consumer reads them, and three "
                + "semaphores guard the ring: EMPTY (free slots), FULL (filled slots) and MUTEX. The transcript "
                + "shows the first items and every kind of wait; the checks confirm that every item arrived once, "
                + "in order and intact, and the throughput is reported. The segment and the semaphores are "
                + "removed at the end, also on Ctrl-C or when a process fails."},
        footer = {"", "Exit status: 0 when every item arrived once and in order and the semaphores are back where "
                + "they started; 1 otherwise; 2 bad usage.",
                "", "Example:", "  ipc shm demo --items 200000 --size 4K     measure throughput"})
public final class ShmDemoCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private static final int EMPTY = 0;
    private static final int FULL = 1;
    private static final int MUTEX = 2;
    private static final int SHOWN_ITEMS = 6;
    private static final int SHOWN_WAITS = 3;
    private static final long START_MILLIS = 60_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--items", paramLabel = "N", defaultValue = "10",
            description = "How many items the producer makes (default ${DEFAULT-VALUE}).")
    String items;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "64",
            description = "Bytes in each item, 8 or more: its number, then data derived from it "
                    + "(default ${DEFAULT-VALUE}). " + Sizes.HELP)
    String size;

    @Option(names = "--slots", paramLabel = "K", defaultValue = "4",
            description = "Slots in the ring: the segment holds K items (default ${DEFAULT-VALUE}).")
    String slots;

    @Mixin
    DemoOutputOptions output;

    @Option(names = "--role", hidden = true)
    String role;

    @Option(names = "--segment", hidden = true)
    int segment;

    @Option(names = "--set", hidden = true)
    int set;

    @Option(names = "--objects", hidden = true)
    String objects;

    private long count;
    private int itemSize;
    private int ring;

    @Override
    public Integer call() throws Exception {
        count = OptionValues.bounded(items, "--items", 1, Long.MAX_VALUE);
        // an item holds its 8-byte number
        itemSize = (int) Sizes.bytes("--size", size, 8, 1 << 30);
        ring = (int) OptionValues.bounded(slots, "--slots", 1, 32767);
        if (role != null) {
            ChildLink.requireRole("ipc shm demo", role, "producer", "consumer");
            return "producer".equals(role) ? producer() : consumer();
        }
        DemoRun run = new DemoRun(output.output(spec), "shm demo",
                "ipc shm demo: a producer and a consumer share a ring of " + ring + " slots of " + itemSize
                        + " bytes in a shared memory segment, and " + count + " items go through it.",
                "Three semaphores guard the ring: EMPTY counts free slots (it starts at " + ring + "), FULL counts "
                        + "filled ones (0), MUTEX lets one process at a time touch the ring (1). The producer "
                        + "takes EMPTY and MUTEX in one semop without waiting, writes an item, then gives back MUTEX "
                        + "and adds to FULL in one semop; the consumer takes FULL and MUTEX, reads, then gives back "
                        + "MUTEX and adds to EMPTY. When the taking semop would block, the two are taken one at a "
                        + "time, the counter first (whoever holds MUTEX never waits for a slot): a full ring makes "
                        + "the producer wait, an empty one the consumer, and either waits while the other holds "
                        + "MUTEX; the waits are told and counted apart.");
        return run.execute(this::parent);
    }

    private void parent(DemoRun run) {
        Narrator parent = run.parent();
        long bytes = (long) ring * itemSize;
        int shm;
        try {
            shm = SystemVLifecycle.createPrivate(SystemVKind.SEGMENT, bytes, 0600);
        } catch (NativeCallException e) {
            throw new DemoFailure("cannot make a segment of " + bytes + " bytes (--slots x --size): "
                    + e.getMessage());
        }
        run.owns(SystemVKind.SEGMENT, shm);
        parent.trace(Calls.shmget(bytes, 0600) + " = " + shm);
        int sem = SystemVLifecycle.createPrivate(SystemVKind.SEMAPHORE_SET, 3, 0600);
        run.owns(SystemVKind.SEMAPHORE_SET, sem);
        parent.trace(Calls.semget(3, 0600) + " = " + sem);
        int[] start = {ring, 0, 1};
        SemaphoreCalls.setValues(sem, start);
        parent.trace(Calls.semctl(sem, 0, "SETALL", Arrays.toString(start)) + " = 0");
        parent.say("made segment " + shm + " (" + bytes + " bytes) and semaphore set " + sem + ": EMPTY = " + ring
                + ", FULL = 0, MUTEX = 1");

        DemoProcess consumer = run.start("consumer", childArguments(run, "consumer", shm, sem));
        DemoProcess producer = run.start("producer", childArguments(run, "producer", shm, sem));
        consumer.awaitFact("ready", START_MILLIS);
        producer.awaitFact("ready", START_MILLIS);
        parent.say("both are ready: go");
        consumer.go();
        producer.go();
        long limit = START_MILLIS + count / 10;
        run.await(producer, limit);
        run.await(consumer, limit);

        long untold = count - Math.min(count, SHOWN_ITEMS);
        long producerWaits = waits(producer, "untold-waits");
        long consumerWaits = waits(consumer, "untold-waits");
        if (untold > 0 || producerWaits > 0 || consumerWaits > 0) {
            run.undrawn("... and " + untold + " more item" + (untold == 1 ? "" : "s") + " put and got, with their "
                    + "semop calls, not drawn (" + count + " in all); waits not drawn: the producer's "
                    + producerWaits + ", the consumer's " + consumerWaits);
        }
        int[] end = SemaphoreCalls.values(sem, 3);
        parent.trace(Calls.semctl(sem, 0, "GETALL", Arrays.toString(end)) + " = 0");
        long received = Long.parseLong(consumer.awaitFact("received", 0).value());
        DemoProcess.Fact wrong = consumer.fact("wrong");
        run.check(wrong == null && received == count, "every item arrived once and in order: the consumer read "
                + received + " of " + count + (wrong == null ? "" : "; " + wrong.value()));
        DemoProcess.Fact damaged = consumer.fact("damaged");
        run.check(damaged == null, "every item arrived intact" + (damaged == null ? "" : ": " + damaged.value()));
        run.check(Arrays.equals(end, start), "the semaphores are back where they started: EMPTY = " + end[EMPTY]
                + ", FULL = " + end[FULL] + ", MUTEX = " + end[MUTEX]);

        long began = producer.awaitFact("started", 0).nanos();
        long finished = consumer.awaitFact("finished", 0).nanos();
        double seconds = Math.max(1, finished - began) / 1e9;
        run.figure("items", count);
        run.figure("item_bytes", itemSize);
        run.figure("seconds", seconds);
        run.figure("items_per_second", count / seconds);
        run.figure("bytes_per_second", count * (double) itemSize / seconds);
        run.figure("producer_full_waits", waits(producer, "full-waits"));
        run.figure("producer_mutex_waits", waits(producer, "mutex-waits"));
        run.figure("consumer_empty_waits", waits(consumer, "empty-waits"));
        run.figure("consumer_mutex_waits", waits(consumer, "mutex-waits"));
        run.note(String.format("Throughput: %d items of %d bytes in %.3f s: %.0f items/s, %.1f MB/s "
                        + "(from the producer's start to the consumer's last item).", count, itemSize, seconds,
                count / seconds, count * (double) itemSize / seconds / 1e6));
        run.note("Waits: the producer found the ring full " + times(waits(producer, "full-waits"))
                + " and MUTEX taken " + times(waits(producer, "mutex-waits")) + "; the consumer found the ring empty "
                + times(waits(consumer, "empty-waits")) + " and MUTEX taken " + times(waits(consumer, "mutex-waits"))
                + ".");
    }

    private static long waits(DemoProcess process, String fact) {
        return Long.parseLong(process.awaitFact(fact, 0).value());
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }

    private List<String> childArguments(DemoRun run, String childRole, int shm, int sem) {
        List<String> args = new ArrayList<>(List.of("shm", "demo", "--role", childRole, "--segment",
                Integer.toString(shm), "--set", Integer.toString(sem), "--items", Long.toString(count), "--size",
                Integer.toString(itemSize), "--slots", Integer.toString(ring), "--objects", run.objectList()));
        if (run.tracing()) {
            args.add("--trace");
        }
        return args;
    }

    // ---------------------------------------------------------------- the child processes

    private int producer() {
        ChildLink link = ChildLink.open(spec.commandLine().getOut(), output.trace, () -> DemoRun.removeObjects(objects));
        Narrator me = link.narrator();
        Ring shared = new Ring(me, true);
        link.ready();
        me.fact("started", "1");
        for (long n = 0; n < count; n++) {
            shared.put(n);
        }
        me.fact("full-waits", Long.toString(shared.counter.waits));
        me.fact("untold-waits", Long.toString(shared.counter.untold() + shared.mutex.untold()));
        me.fact("mutex-waits", Long.toString(shared.mutex.waits));
        me.say("made all " + count + " items; it waited " + times(shared.counter.waits) + " for a free slot (EMPTY "
                + "= 0) and " + times(shared.mutex.waits) + " for MUTEX (the consumer was in the ring)");
        shared.close();
        return ExitCodes.OK;
    }

    private int consumer() {
        ChildLink link = ChildLink.open(spec.commandLine().getOut(), output.trace, () -> DemoRun.removeObjects(objects));
        Narrator me = link.narrator();
        Ring shared = new Ring(me, false);
        link.ready();
        long received = 0;
        while (received < count && shared.get(received)) {
            received++;
        }
        me.fact("finished", "1");
        me.fact("received", Long.toString(received));
        me.fact("empty-waits", Long.toString(shared.counter.waits));
        me.fact("untold-waits", Long.toString(shared.counter.untold() + shared.mutex.untold()));
        me.fact("mutex-waits", Long.toString(shared.mutex.waits));
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
