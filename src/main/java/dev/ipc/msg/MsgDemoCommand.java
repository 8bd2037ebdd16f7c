// ipc msg demo: one queue, messages of several types, receivers selecting by type 0, N and -N; then types as
// addresses, with a server and clients measuring round trips.
package dev.ipc.msg;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.OptionValues;
import dev.ipc.demo.Calls;
import dev.ipc.demo.DemoProcess;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.DemoOutputOptions;
import dev.ipc.demo.Narrator;
import dev.ipc.model.SystemVKind;
import dev.ipc.procfs.IpcSyscalls;
import dev.ipc.libc.SystemVLifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import static dev.ipc.msg.MsgDemoRoles.LATE;
import static dev.ipc.msg.MsgDemoRoles.RECEIVERS;
import static dev.ipc.msg.MsgDemoRoles.SENT;
import static dev.ipc.msg.MsgDemoRoles.SHOWN_TRIPS;

@Command(name = "demo",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Lab demo: receivers selecting messages by type on one queue, then types as addresses.",
                "Message queues as the documents describe them, with real processes on one queue. First a "
                + "sender queues messages of types 1, 2 and 3, and three receivers take them by type, as msgrcv "
                + "selects: type 0 the first message, type 2 the first of type 2, type -2 the first of the lowest "
                + "type up to 2; each choice is predicted from the documents and compared with the kernel's. A "
                + "receiver that asks for a type not in the queue sleeps until a message of that type is sent. Then "
                + "types serve as addresses: a server answers requests of type 1 with the client's pid as the "
                + "type, so that each client receives only its own replies; the round trips are counted and timed. "
                + "The queue is removed at the end, also on Ctrl-C or when a process fails."},
        footer = {"", "Exit status: 0 when the kernel chose as the documents say and every reply reached its client; "
                + "1 otherwise; 2 bad usage."})
public final class MsgDemoCommand implements Callable<Integer> {
    /** msgrcv's number in /proc/PID/task/TID/syscall on this machine; empty where no table is known. */
    private static final OptionalInt MSGRCV = IpcSyscalls.current()
            .map(calls -> OptionalInt.of(calls.msgrcv())).orElse(OptionalInt.empty());

    @Mixin
    HelpOption help;

    private static final long START_MILLIS = 60_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--round-trips", paramLabel = "N", defaultValue = "1000",
            description = "Requests each client sends to the server, each waiting for its reply (default "
                    + "${DEFAULT-VALUE}; 0 leaves out the second part).")
    String roundTrips;

    @Option(names = "--clients", paramLabel = "K", defaultValue = "2",
            description = "Clients of the server (default ${DEFAULT-VALUE}).")
    String clients;

    @Mixin
    DemoOutputOptions output;

    private long trips;
    private int clientCount;

    @Override
    public Integer call() throws Exception {
        trips = OptionValues.bounded(roundTrips, "--round-trips", 0, Integer.MAX_VALUE);
        clientCount = (int) OptionValues.bounded(clients, "--clients", 1, 64);
        DemoRun run = output.run(spec, "msg demo",
                "ipc msg demo: processes share one message queue. A message is a type (a number, 1 or more) and "
                        + "a text; msgrcv takes the first message whose type matches what the receiver asks for:",
                "  type 0: the first message in the queue;  type N: the first of type N;  type -N: the first of "
                        + "the lowest type that is N or less.");
        return run.execute(this::parent);
    }

    private void parent(DemoRun run) {
        Narrator parent = run.parent();
        int id = SystemVLifecycle.createPrivate(SystemVKind.QUEUE, 0, 0600);
        run.owns(SystemVKind.QUEUE, id);
        parent.trace(Calls.msgget(0600) + " = " + id);
        parent.say("made message queue " + id);

        // Every process starts now, so that the JVMs start side by side; each waits for its "go".
        boolean trace = run.tracing();
        String objects = run.objectList();
        DemoProcess sender = run.start("S", new MsgDemoRoles.Sender(id, trace, objects));
        List<DemoProcess> receivers = new ArrayList<>();
        for (MsgDemoRoles.Receiver r : RECEIVERS) {
            receivers.add(run.start(r.name(), new MsgDemoRoles.Receiving(id, r.type(), r.takes(), trace, objects)));
        }
        DemoProcess server = null;
        List<DemoProcess> clientProcesses = new ArrayList<>();
        if (trips > 0) {
            server = run.start("server", new MsgDemoRoles.Server(id, clientCount, trace, objects));
            for (int i = 1; i <= clientCount; i++) {
                clientProcesses.add(run.start("client" + i, new MsgDemoRoles.Client(id, trips, trace, objects)));
            }
        }
        sender.awaitFact("ready", START_MILLIS);
        for (DemoProcess p : receivers) {
            p.awaitFact("ready", START_MILLIS);
        }

        // Part 1: selection by type.
        QueueModel model = new QueueModel();
        for (MsgDemoRoles.Message m : SENT) {
            model.send(m.type(), m.text());
        }
        sender.go();
        sender.awaitFact("sent", START_MILLIS);
        int[] round = new int[receivers.size()];
        int[] order = {0, 1, 2, 0, 1, 2};
        for (int i : order) {
            DemoProcess receiver = receivers.get(i);
            long asked = RECEIVERS.get(i).type();
            QueueModel.Message expected = model.select(asked, false);
            parent.say("queue: " + model.show(expected) + " -> " + receiver.label() + " asks for type " + asked
                    + " (" + rule(asked) + "): the documents say it gets " + expected);
            model.remove(expected);
            receiver.go();
            String got = receiver.awaitFact("got-" + ++round[i], START_MILLIS).value();
            run.check(got.equals(expected.toString()), receiver.label() + " asked for type " + asked + " and got "
                    + got + ", as the documents say (" + expected + ")");
        }
        run.check(model.isEmpty(), "the six messages were each received once");

        // A receiver that asks for a type the queue does not hold sleeps until one is sent.
        DemoProcess waiting = receivers.get(1);
        long asked = RECEIVERS.get(1).type();
        parent.say("queue: (empty) -> " + waiting.label() + " asks for type " + asked + " again: no message "
                + "matches, so msgrcv puts it to sleep");
        waiting.go();
        waiting.awaitFact("blocking-" + (round[1] + 1), START_MILLIS);
        Optional<Boolean> sleeping = awaitSleeping(waiting);
        sleeping.ifPresent(asleep -> run.transcript().add(System.nanoTime(), "kernel", asleep
                ? waiting.label() + " sleeps in msgrcv (/proc/" + waiting.pid() + "/task/*/syscall shows system "
                + "call " + MSGRCV.orElse(-1) + ")"
                : waiting.label() + " is not seen in msgrcv"));
        sender.go();
        String late = waiting.awaitFact("got-" + ++round[1], START_MILLIS).value();
        long sentLate = sender.awaitFact("sent-late", START_MILLIS).nanos();
        long woke = waiting.awaitFact("got-" + round[1], 0).nanos();
        run.check(late.equals(LATE.toString()) && woke > sentLate && sleeping.orElse(true),
                waiting.label() + " slept in msgrcv while no message of type " + asked + " was queued, and woke "
                        + String.format("%.1f ms", (woke - sentLate) / 1e6) + " after S sent " + LATE);
        run.await(sender, START_MILLIS);
        for (DemoProcess p : receivers) {
            run.await(p, START_MILLIS);
        }

        if (trips > 0) {
            roundTrips(run, server, clientProcesses);
        }
    }

    /** Polls /proc until the process is seen in msgrcv (or not, after a while); empty when /proc cannot say. */
    private static Optional<Boolean> awaitSleeping(DemoProcess process) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            if (MSGRCV.isEmpty()) {
                return Optional.empty(); // no syscall table for this machine: /proc cannot say
            }
            Optional<Boolean> seen = IpcSyscalls.sleepsIn(process.pid(), MSGRCV.getAsInt());
            if (seen.isEmpty() || seen.get() || System.nanoTime() > deadline) {
                return seen;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
        }
    }

    private void roundTrips(DemoRun run, DemoProcess server, List<DemoProcess> clientProcesses) {
        run.parent().say("types as addresses: the server takes requests of type 1; it answers each with the "
                + "client's pid as the type, and each client asks msgrcv for its own pid, so it gets only its "
                + "own replies");
        server.awaitFact("ready", START_MILLIS);
        for (DemoProcess c : clientProcesses) {
            c.awaitFact("ready", START_MILLIS);
        }
        server.go();
        for (DemoProcess c : clientProcesses) {
            c.go();
        }
        long limit = START_MILLIS + trips * clientCount / 10;
        for (DemoProcess c : clientProcesses) {
            run.await(c, limit);
        }
        run.await(server, limit);
        long first = Long.MAX_VALUE;
        long last = 0;
        long total = 0;
        undrawnTrips(run, clientProcesses);
        for (DemoProcess c : clientProcesses) {
            DemoProcess.Fact wrong = c.fact("wrong");
            long done = Long.parseLong(c.awaitFact("round-trips", 0).value());
            run.check(wrong == null && done == trips, c.label() + " got replies to all " + trips + " of its requests,"
                    + " each its own and in order" + (wrong == null ? "" : ": " + wrong.value()));
            first = Math.min(first, c.awaitFact("started", 0).nanos());
            last = Math.max(last, c.awaitFact("round-trips", 0).nanos());
            total += done;
        }
        long served = Long.parseLong(server.awaitFact("served", 0).value());
        run.check(served == trips * clientCount, "the server answered " + served + " requests");
        double seconds = Math.max(1, last - first) / 1e9;
        run.figure("round_trips", total);
        run.figure("seconds", seconds);
        run.figure("round_trips_per_second", total / seconds);
        run.figure("round_trip_seconds", seconds / trips);
        run.note(String.format("Round trips: %d (%d client%s x %d) in %.3f s: %.0f round trips/s; each client "
                        + "waited %.1f us a round trip (from the first request to the last reply).",
                total, clientCount, clientCount == 1 ? "" : "s", trips, seconds, total / seconds,
                seconds * 1e6 / trips));
    }

    /** The processes trace only their first round trips: the diagram says how many more there were. */
    private static void undrawnTrips(DemoRun run, List<DemoProcess> clientProcesses) {
        long total = 0;
        long drawn = 0;
        for (DemoProcess c : clientProcesses) {
            long done = Long.parseLong(c.awaitFact("round-trips", 0).value());
            total += done;
            drawn += Math.min(done, SHOWN_TRIPS);
        }
        if (total > drawn) {
            run.undrawn("... and " + (total - drawn) + " more round trip" + (total - drawn == 1 ? "" : "s")
                    + " (msgsnd and msgrcv on both sides), not drawn: " + total + " in all");
        }
    }

    private static String rule(long type) {
        if (type == 0) {
            return "the first message";
        }
        return type > 0 ? "the first of type " + type : "the first of the lowest type <= " + -type;
    }
}
