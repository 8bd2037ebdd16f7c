// The scenario of ipc msg demo and its child processes: a sender, receivers by type, a server and its clients.
package dev.ipc.msg;

import dev.ipc.cli.ExitCodes;
import dev.ipc.demo.Calls;
import dev.ipc.demo.ChildLink;
import dev.ipc.demo.DemoChild;
import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.Narrator;
import dev.ipc.libc.Errno;
import dev.ipc.libc.IpcConstants;
import dev.ipc.libc.MessageBuffer;
import dev.ipc.libc.Native;
import dev.ipc.libc.NativeCallException;
import dev.ipc.util.Decimal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Each child is a record of its parameters; queue is the demo's queue, objects what to remove if the parent dies. */
final class MsgDemoRoles {
    /** A message: its type and text, written "type:text" as the transcript shows it. */
    record Message(long type, String text) {
        @Override
        public String toString() {
            return type + ":" + text;
        }
    }

    /** A receiver: its name, the type it asks msgrcv for, and how many messages it takes. */
    record Receiver(String name, long type, int takes) {
    }

    /** The messages the sender queues, in order. */
    static final List<Message> SENT = List.of(new Message(3, "c1"), new Message(1, "a1"), new Message(2, "b1"),
            new Message(3, "c2"), new Message(1, "a2"), new Message(2, "b2"));
    /** Sent once the receiver asking for type 2 sleeps on an empty queue. */
    static final Message LATE = new Message(2, "b3");
    static final List<Receiver> RECEIVERS = List.of(new Receiver("R0", 0, 2), new Receiver("R2", 2, 3),
            new Receiver("R-2", -2, 2));
    private static final byte[] BYE = "bye".getBytes(StandardCharsets.US_ASCII);
    /** Round trips each client and the server trace; the rest are counted. */
    static final int SHOWN_TRIPS = 2;

    private MsgDemoRoles() {
    }

    /** What every child begins with: its link to the parent, once the parent said go; its narrator; a buffer. */
    private record Start(ChildLink link, Narrator me, MessageBuffer buffer) {
        static Start ready(PrintWriter out, boolean trace, String objects) {
            ChildLink link = ChildLink.open(out, trace, () -> DemoRun.removeObjects(objects));
            MessageBuffer buffer = new MessageBuffer(8192);
            buffer.bindCalls(); // before the parent's "go": the timed round trips do not pay for it
            link.ready();
            return new Start(link, link.narrator(), buffer);
        }
    }

    /** Queues SENT, then LATE at the parent's second "go". */
    record Sender(int queue, boolean trace, String objects) implements DemoChild {
        @Override
        public int run(PrintWriter out, Map<String, String> environment) {
            Start start = Start.ready(out, trace, objects);
            ChildLink link = start.link();
            Narrator me = start.me();
            MessageBuffer buffer = start.buffer();
            for (Message m : SENT) {
                send(me, buffer, queue, m.type(), m.text(), true);
            }
            me.fact("sent", Integer.toString(SENT.size()));
            link.awaitGo();
            me.fact("sent-late", "1");
            send(me, buffer, queue, LATE.type(), LATE.text(), true);
            return ExitCodes.OK;
        }
    }

    /** Takes rounds messages of the type asked for, one at each "go" of the parent. */
    record Receiving(int queue, long type, int rounds, boolean trace, String objects) implements DemoChild {
        @Override
        public int run(PrintWriter out, Map<String, String> environment) {
            Start start = Start.ready(out, trace, objects);
            ChildLink link = start.link();
            Narrator me = start.me();
            MessageBuffer buffer = start.buffer();
            for (int k = 1; k <= rounds; k++) {
                if (k > 1) {
                    link.awaitGo();
                }
                receive(me, buffer, k);
            }
            return ExitCodes.OK;
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
    }

    /**
     * Answers "PID SEQ" requests of type 1 with SEQ, sent with type PID, until every client said "PID bye". As the
     * C twin does, the loop works on the bytes: no String is made for a request that is not shown.
     */
    record Server(int queue, int clients, boolean trace, String objects) implements DemoChild {
        @Override
        public int run(PrintWriter out, Map<String, String> environment) {
            Start start = Start.ready(out, trace, objects);
            Narrator me = start.me();
            MessageBuffer buffer = start.buffer();
            Answers answers = new Answers(me, buffer, queue, clients);
            int byes = 0;
            while (byes < clients) {
                if (!answers.answer()) {
                    byes++;
                }
            }
            long served = answers.served;
            me.fact("served", Long.toString(served));
            me.say("answered " + served + " requests; every client said bye");
            return ExitCodes.OK;
        }
    }

    /**
     * Sends trips requests of type 1 ("PID SEQ"), each waiting for SEQ back with its pid as the type; then "PID bye".
     * The bytes are made in place.
     */
    record Client(int queue, long trips, boolean trace, String objects) implements DemoChild {
        @Override
        public int run(PrintWriter out, Map<String, String> environment) {
            Start start = Start.ready(out, trace, objects);
            Narrator me = start.me();
            MessageBuffer buffer = start.buffer();
            Requests requests = new Requests(me, buffer, queue);
            me.fact("started", "1");
            long done = 0;
            for (long seq = 1; seq <= trips && requests.roundTrip(seq); seq++) {
                done++;
            }
            me.fact("round-trips", Long.toString(done));
            me.say(done + " round trips done; says bye");
            send(me, buffer, queue, 1, requests.pid + " bye", false);
            return ExitCodes.OK;
        }
    }

    /*
     * The server's and the clients' loops call one method per request, which the JVM compiles after a few hundred
     * calls; a loop body it compiles only once the loop has run tens of thousands of times.
     */

    /** The server's side: one request taken and answered at a time. */
    private static final class Answers {
        final Narrator me;
        final MessageBuffer buffer;
        final int queue;
        final int clients;
        final byte[] request;
        long served;

        Answers(Narrator me, MessageBuffer buffer, int queue, int clients) {
            this.me = me;
            this.buffer = buffer;
            this.queue = queue;
            this.clients = clients;
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
            boolean shown = served < SHOWN_TRIPS * clients;
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

    /** A client's side: "PID SEQ" written in place, one round trip at a time. */
    private static final class Requests {
        final Narrator me;
        final MessageBuffer buffer;
        final int queue;
        /** From libc, bound already: ProcessHandle.current() sets up a thread pool and links method handles. */
        final long pid = Native.libc().getpid();
        final byte[] request = new byte[64];
        /** Where SEQ goes, after "PID ". */
        final int prefix;
        final byte[] reply;

        Requests(Narrator me, MessageBuffer buffer, int queue) {
            this.me = me;
            this.buffer = buffer;
            this.queue = queue;
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

    private static void send(Narrator me, MessageBuffer buffer, int queue, long messageType, String text,
                             boolean shown) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.send(queue, messageType, bytes, 0, bytes.length, 0);
        if (shown) {
            me.trace(Calls.msgsnd(queue, messageType, text, bytes.length, 0) + " = 0");
            me.say("sent " + messageType + ":" + text);
        }
    }

    private static String text(MessageBuffer buffer, int length) {
        return new String(buffer.text(length), StandardCharsets.UTF_8);
    }
}
