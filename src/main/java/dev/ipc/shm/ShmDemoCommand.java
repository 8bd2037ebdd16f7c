// ipc shm demo: producer and consumer through a ring in a shared memory segment, guarded by semaphores.
package dev.ipc.shm;

import dev.ipc.cli.Sizes;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.OptionValues;
import dev.ipc.demo.Calls;
import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.DemoProcess;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.DemoOutputOptions;
import dev.ipc.demo.Narrator;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
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

    private static final int EMPTY = ShmDemoChild.EMPTY;
    private static final int FULL = ShmDemoChild.FULL;
    private static final int MUTEX = ShmDemoChild.MUTEX;
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

    private long count;
    private int itemSize;
    private int ring;

    @Override
    public Integer call() throws Exception {
        count = OptionValues.bounded(items, "--items", 1, Long.MAX_VALUE);
        // an item holds its 8-byte number
        itemSize = (int) Sizes.bytes("--size", size, 8, 1 << 30);
        ring = (int) OptionValues.bounded(slots, "--slots", 1, 32767);
        DemoRun run = output.run(spec, "shm demo",
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

        DemoProcess consumer = run.start("consumer", child(run, ShmDemoChild.Side.CONSUMER, shm, sem));
        DemoProcess producer = run.start("producer", child(run, ShmDemoChild.Side.PRODUCER, shm, sem));
        consumer.awaitFact("ready", START_MILLIS);
        producer.awaitFact("ready", START_MILLIS);
        parent.say("both are ready: go");
        consumer.go();
        producer.go();
        long limit = START_MILLIS + count / 10;
        run.await(producer, limit);
        run.await(consumer, limit);

        long untold = count - Math.min(count, ShmDemoChild.SHOWN_ITEMS);
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

    private ShmDemoChild child(DemoRun run, ShmDemoChild.Side side, int shm, int sem) {
        return new ShmDemoChild(side, shm, sem, count, itemSize, ring, run.tracing(), run.objectList());
    }
}
