// ipc msg demo: one queue, messages of several types, receivers selecting by type 0, N and -N; then types as
// addresses, with a server and clients measuring round trips.
package dev.ipc.msg;

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
import dev.ipc.procfs.IpcSyscalls;
import dev.ipc.libc.Errno;
import dev.ipc.libc.IpcConstants;
import dev.ipc.libc.MessageBuffer;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVLifecycle;
import dev.ipc.util.Decimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

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
    private static final int SHOWN_TRIPS = 2;
    /** The messages the sender queues, in order: type and text. */
    private static final Object[][] SENT = {{3L, "c1"}, {1L, "a1"}, {2L, "b1"}, {3L, "c2"}, {1L, "a2"}, {2L, "b2"}};
    private static final Object[] LATE = {2L, "b3"};
    private static final byte[] BYE = "bye".getBytes(StandardCharsets.US_ASCII);
    /** The receivers: name, type asked for, how many messages each takes. */
    private static final Object[][] RECEIVERS = {{"R0", 0L, 2}, {"R2", 2L, 3}, {"R-2", -2L, 2}};

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

    @Option(names = "--role", hidden = true)
    String role;

    @Option(names = "--queue", hidden = true)
    int queue;

    @Option(names = "--type", hidden = true)
    long type;

    @Option(names = "--rounds", hidden = true)
    int rounds;

    @Option(names = "--objects", hidden = true)
    String objects;

    private long trips;
    private int clientCount;

    @Override
    public Integer call() throws Exception {
        trips = OptionValues.bounded(roundTrips, "--round-trips", 0, Integer.MAX_VALUE);
        clientCount = (int) OptionValues.bounded(clients, "--clients", 1, 64);
        if (role != null) {
            ChildLink.requireRole("ipc msg demo", role, "sender", "receiver", "server", "client");
            return child();
        }
        DemoRun run = new DemoRun(output.output(spec), "msg demo",
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
        DemoProcess sender = run.start("S", arguments(run, "sender", id));
        List<DemoProcess> receivers = new ArrayList<>();
        for (Object[] r : RECEIVERS) {
            List<String> args = arguments(run, "receiver", id);
            args.addAll(List.of("--type", r[1].toString(), "--rounds", r[2].toString()));
            receivers.add(run.start((String) r[0], args));
        }
        DemoProcess server = null;
        List<DemoProcess> clientProcesses = new ArrayList<>();
        if (trips > 0) {
            server = run.start("server", arguments(run, "server", id));
            for (int i = 1; i <= clientCount; i++) {
                clientProcesses.add(run.start("client" + i, arguments(run, "client", id)));
            }
        }
        sender.awaitFact("ready", START_MILLIS);
        for (DemoProcess p : receivers) {
            p.awaitFact("ready", START_MILLIS);
        }

        // Part 1: selection by type.
        QueueModel model = new QueueModel();
        for (Object[] m : SENT) {
            model.send((Long) m[0], (String) m[1]);
        }
        sender.go();
        sender.awaitFact("sent", START_MILLIS);
        int[] round = new int[receivers.size()];
        int[] order = {0, 1, 2, 0, 1, 2};
        for (int i : order) {
            DemoProcess receiver = receivers.get(i);
            long asked = (Long) RECEIVERS[i][1];
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
        long asked = (Long) RECEIVERS[1][1];
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
        run.check(late.equals(LATE[0] + ":" + LATE[1]) && woke > sentLate && sleeping.orElse(true),
                waiting.label() + " slept in msgrcv while no message of type " + asked + " was queued, and woke "
                        + String.format("%.1f ms", (woke - sentLate) / 1e6) + " after S sent " + LATE[0] + ":"
                        + LATE[1]);
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

    private List<String> arguments(DemoRun run, String childRole, int id) {
        List<String> args = new ArrayList<>(List.of("msg", "demo", "--role", childRole, "--queue",
                Integer.toString(id), "--round-trips", Long.toString(trips), "--clients",
                Integer.toString(clientCount), "--objects", run.objectList()));
        if (run.tracing()) {
            args.add("--trace");
        }
        return args;
    }

    // ---------------------------------------------------------------- the child processes

    private int child() {
        ChildLink link = ChildLink.open(spec.commandLine().getOut(), output.trace, () -> DemoRun.removeObjects(objects));
        Narrator me = link.narrator();
        MessageBuffer buffer = new MessageBuffer(8192);
        link.ready();
        switch (role) {
            case "sender" -> {
                for (Object[] m : SENT) {
                    send(me, buffer, (Long) m[0], (String) m[1], true);
                }
                me.fact("sent", Integer.toString(SENT.length));
                link.awaitGo();
                me.fact("sent-late", "1");
                send(me, buffer, (Long) LATE[0], (String) LATE[1], true);
            }
            case "receiver" -> {
                for (int k = 1; k <= rounds; k++) {
                    if (k > 1) {
                        link.awaitGo();
                    }
                    receive(me, buffer, k);
                }
            }
            case "server" -> serve(me, buffer);
            case "client" -> ask(me, buffer);
            default -> throw new DemoFailure("unknown role " + role);
        }
        return ExitCodes.OK;
    }

    private void send(Narrator me, MessageBuffer buffer, long messageType, String text, boolean shown) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.send(queue, messageType, bytes, 0, bytes.length, 0);
        if (shown) {
            me.trace(Calls.msgsnd(queue, messageType, text, bytes.length, 0) + " = 0");
            me.say("sent " + messageType + ":" + text);
        }
    }

    /** One msgrcv of the type asked for; if nothing matches it says so, then sleeps in msgrcv. */
    private void receive(Narrator me, MessageBuffer buffer, int k) {
        int length;
        try {
            length = buffer.receive(queue, type, IpcConstants.IPC_NOWAIT);
            me.trace(Calls.msgrcv(queue, "{mtype=" + buffer.type() + ", mtext=\"" + text(buffer, length) + "\"}",
                    buffer.capacity(), type, IpcConstants.IPC_NOWAIT) + " = " + length);
        } catch (NativeCallException e) {
            if (e.errno() != Errno.ENOMSG) {
                throw e;
            }
            me.trace(Calls.msgrcv(queue, "0x...", buffer.capacity(), type, IpcConstants.IPC_NOWAIT)
                    + " = -1 ENOMSG (No message of desired type)");
            me.say("no message of type " + type + " is queued: msgrcv sleeps until one is sent");
            me.fact("blocking-" + k, "1");
            me.trace(Calls.msgrcv(queue, "0x...", buffer.capacity(), type, 0) + " <unfinished ...>");
            length = buffer.receiveWaiting(queue, type, 0);
            me.trace("<... msgrcv resumed> = " + length);
        }
        String got = buffer.type() + ":" + text(buffer, length);
        me.say("asked for type " + type + " and got " + got);
        me.fact("got-" + k, got);
    }

    private static String text(MessageBuffer buffer, int length) {
        return new String(buffer.text(length), StandardCharsets.UTF_8);
    }

    /**
     * Answers "PID SEQ" requests of type 1 with SEQ, sent with type PID, until every client said "PID bye". As the
     * C twin does, it works on the bytes: no String is made for a request that is not shown.
     */
    private void serve(Narrator me, MessageBuffer buffer) {
        Server server = new Server(me, buffer);
        int byes = 0;
        while (byes < clientCount) {
            if (!server.answer()) {
                byes++;
            }
        }
        me.fact("served", Long.toString(server.served));
        me.say("answered " + server.served + " requests; every client said bye");
    }

    /**
     * Sends "PID SEQ" and waits for SEQ back with its pid as the type, trips times. A request is one method call,
     * which the JVM compiles after a few hundred of them; a loop body it compiles only after tens of thousands.
     */
    private void ask(Narrator me, MessageBuffer buffer) {
        Client client = new Client(me, buffer);
        me.fact("started", "1");
        long done = 0;
        for (long seq = 1; seq <= trips && client.roundTrip(seq); seq++) {
            done++;
        }
        me.fact("round-trips", Long.toString(done));
        me.say(done + " round trips done; says bye");
        send(me, buffer, 1, client.pid + " bye", false);
    }

    private final class Server {
        final Narrator me;
        final MessageBuffer buffer;
        final byte[] request;
        long served;

        Server(Narrator me, MessageBuffer buffer) {
            this.me = me;
            this.buffer = buffer;
            request = new byte[buffer.capacity()];
        }

        /** Takes one request and answers it; false for a client's bye. */
        boolean answer() {
            int length = buffer.receiveWaiting(queue, 1, 0);
            buffer.text(request, length);
            int space = 0;
            while (space < length && request[space] != ' ') {
                space++;
            }
            long client = Decimal.parse(request, 0, space);
            if (client <= 0 || space == length) {
                throw new DemoFailure("the server got a request it cannot read: " + text(buffer, length));
            }
            int body = space + 1;
            if (Arrays.equals(request, body, length, BYE, 0, BYE.length)) {
                return false;
            }
            boolean shown = served < SHOWN_TRIPS * clientCount;
            if (shown) {
                me.trace(Calls.msgrcv(queue, "{mtype=1, mtext=\"" + new String(request, 0, length,
                        StandardCharsets.UTF_8) + "\"}", buffer.capacity(), 1, 0) + " = " + length);
            }
            buffer.send(queue, client, request, body, length - body, 0);
            if (shown) {
                String reply = new String(request, body, length - body, StandardCharsets.UTF_8);
                me.trace(Calls.msgsnd(queue, client, reply, reply.length(), 0) + " = 0");
                me.say("request " + reply + " from pid " + client + ": replies with type " + client);
            }
            served++;
            return true;
        }
    }

    private final class Client {
        final Narrator me;
        final MessageBuffer buffer;
        final long pid = ProcessHandle.current().pid();
        /** "PID ", then the number of the request, written in place. */
        final byte[] request = new byte[64];
        final int prefix;
        final byte[] reply;

        Client(Narrator me, MessageBuffer buffer) {
            this.me = me;
            this.buffer = buffer;
            int end = Decimal.write(pid, request, 0);
            request[end] = ' ';
            prefix = end + 1;
            reply = new byte[buffer.capacity()];
        }

        /** Request seq and its reply; false, told in a fact, when the reply was not the one due. */
        boolean roundTrip(long seq) {
            int length = Decimal.write(seq, request, prefix);
            buffer.send(queue, 1, request, 0, length, 0);
            boolean shown = seq <= SHOWN_TRIPS;
            if (shown) {
                me.trace(Calls.msgsnd(queue, 1, new String(request, 0, length, StandardCharsets.UTF_8), length, 0)
                        + " = 0");
            }
            int replied = buffer.receiveWaiting(queue, pid, 0);
            buffer.text(reply, replied);
            boolean right = buffer.type() == pid && Decimal.parse(reply, 0, replied) == seq;
            if (shown) {
                String got = new String(reply, 0, replied, StandardCharsets.UTF_8);
                me.trace(Calls.msgrcv(queue, "{mtype=" + buffer.type() + ", mtext=\"" + got + "\"}",
                        buffer.capacity(), pid, 0) + " = " + replied);
                me.say("sent request " + seq + " (type 1), got reply " + got + " (type " + pid + ", its pid)");
            }
            if (!right) {
                me.fact("wrong", "request " + seq + " got reply " + buffer.type() + ":"
                        + new String(reply, 0, replied, StandardCharsets.UTF_8));
            }
            return right;
        }
    }
}
