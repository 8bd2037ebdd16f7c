// The socket demo's parent: the steps of the lab in order, each told in the documents' terms and checked.
package dev.ipc.socket;

import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.DemoChild;
import dev.ipc.demo.DemoProcess;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.Narrator;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.FileStatus;
import dev.ipc.libc.SocketCalls;
import dev.ipc.libc.SocketCalls.Address;
import dev.ipc.libc.SocketCalls.Credentials;
import dev.ipc.libc.SocketCalls.Received;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.ipc.libc.SocketCalls.AF_INET;
import static dev.ipc.libc.SocketCalls.AF_UNIX;
import static dev.ipc.libc.SocketCalls.SOCK_DGRAM;
import static dev.ipc.libc.SocketCalls.SOCK_STREAM;

final class SocketLab {
    private static final String STREAM_PAIR = "stream socket pair";
    private static final String DATAGRAM_PAIR = "datagram socket pair";
    private static final String UDP = "UDP socket on 127.0.0.1";
    private static final String S_IFSOCK_TEXT = "a socket file (S_IFSOCK)";

    private final DemoRun run;
    private final Narrator parent;
    private final List<byte[]> messages;
    private final long timeoutMillis;
    private final SocketFindings findings;
    private final Function<String, DemoChild> peer;

    /** peer: the child that connects to the abstract name it is given. */
    SocketLab(DemoRun run, List<byte[]> messages, long timeoutMillis, SocketFindings findings,
              Function<String, DemoChild> peer) {
        this.run = run;
        this.parent = run.parent();
        this.messages = messages;
        this.timeoutMillis = timeoutMillis;
        this.findings = findings;
        this.peer = peer;
    }

    /** The object a connection to the abstract name is drawn as. */
    static String connection(String name) {
        return "connection to @" + name;
    }

    void run() throws IOException {
        Path directory = Files.createTempDirectory("ipc-socket-demo.");
        run.removes(() -> removeFolder(directory));
        try (SocketSteps steps = new SocketSteps(parent, timeoutMillis)) {
            stream(steps);
            datagramPair(steps);
            path(steps, directory.resolve("demo.sock"));
            abstractName(steps, "ipc-socket-demo." + ProcessHandle.current().pid());
            udp(steps);
        }
    }

    /** The folder of the path and what is left in it (the socket file, when the demo stopped before unlink). */
    private static void removeFolder(Path directory) {
        try (var left = Files.list(directory)) {
            for (Path path : left.toList()) {
                Files.deleteIfExists(path);
            }
            Files.deleteIfExists(directory);
        } catch (IOException gone) {
            // nothing left to remove
        }
    }

    private String joined() {
        return messages.stream().map(SocketSteps::text).collect(Collectors.joining());
    }

    private String listed() {
        return messages.stream().map(m -> "\"" + SocketSteps.text(m) + "\"").collect(Collectors.joining(", "));
    }

    // ---- a byte stream keeps no boundaries ----

    private void stream(SocketSteps steps) {
        int[] pair = steps.socketpair(STREAM_PAIR, SOCK_STREAM);
        parent.say("socketpair(AF_UNIX, SOCK_STREAM): two connected sockets, fd " + pair[0] + " and fd " + pair[1]
                + "; what one end writes, the other reads, as a stream of bytes");
        for (byte[] message : messages) {
            steps.write(STREAM_PAIR, pair[0], message);
        }
        parent.say("wrote " + messages.size() + " messages, " + listed() + ", with " + messages.size()
                + " write() calls on fd " + pair[0]);
        List<String> reads = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int total = messages.stream().mapToInt(m -> m.length).sum();
        while (all.size() < total) {
            steps.awaitReadable(STREAM_PAIR, pair[1], "data on the stream");
            byte[] data = steps.read(STREAM_PAIR, pair[1]);
            if (data.length == 0) {
                break;
            }
            reads.add(SocketSteps.text(data));
            all.writeBytes(data);
        }
        findings.streamReads = reads;
        parent.say(reads.size() == 1 ? "one read() returned all " + total + " bytes, \"" + reads.get(0)
                + "\": where one message ends is not kept" : reads.size() + " reads returned " + reads);
        run.check(SocketSteps.text(all.toByteArray()).equals(joined()),
                "a stream delivers the bytes in the order they were written (\"" + joined() + "\")");
        if (messages.size() > 1) {
            run.check(reads.size() < messages.size(), "a byte stream keeps no message boundaries: "
                    + messages.size() + " writes came out of " + reads.size() + " read" + (reads.size() == 1 ? "" : "s"));
        }
        steps.close(STREAM_PAIR, pair[0]);
        steps.close(STREAM_PAIR, pair[1]);
    }

    // ---- datagrams stay whole ----

    private void datagramPair(SocketSteps steps) {
        int[] pair = steps.socketpair(DATAGRAM_PAIR, SOCK_DGRAM);
        parent.say("socketpair(AF_UNIX, SOCK_DGRAM): the same, but each write() is one datagram");
        for (byte[] message : messages) {
            steps.write(DATAGRAM_PAIR, pair[0], message);
        }
        findings.pairReads = texts(receiveAll(steps, DATAGRAM_PAIR, pair[1], false));
        parent.say("the same " + messages.size() + " writes came out as " + findings.pairReads.size()
                + " reads, one message each; the next read finds nothing (EAGAIN)");
        checkWhole("a socket pair", findings.pairReads);
        steps.close(DATAGRAM_PAIR, pair[0]);
        steps.close(DATAGRAM_PAIR, pair[1]);
    }

    /**
     * Reads until nothing is left (EAGAIN). The datagrams were all sent before; a Unix socket queues them as
     * sendto() returns, while the network stack may hand them on a moment later: with wait, each of the
     * expected messages is waited for (at most the timeout) before it is read.
     */
    private List<Received> receiveAll(SocketSteps steps, String object, int fd, boolean wait) {
        List<Received> reads = new ArrayList<>();
        while (true) {
            if (wait && reads.size() < messages.size()) {
                steps.awaitReadable(object, fd, "datagram " + (reads.size() + 1));
            }
            Received received = steps.recvfrom(object, fd);
            if (received == null) {
                return reads;
            }
            reads.add(received);
        }
    }

    private static List<String> texts(List<Received> reads) {
        return reads.stream().map(r -> SocketSteps.text(r.data())).toList();
    }

    private void checkWhole(String where, List<String> reads) {
        List<String> sent = messages.stream().map(SocketSteps::text).toList();
        run.check(reads.equals(sent), "datagrams through " + where + " keep each message whole: " + messages.size()
                + " sent, " + reads.size() + " received, each one message, in order");
    }

    // ---- an address in the file system ----

    private void path(SocketSteps steps, Path file) {
        String object = "socket " + file;
        Address address = Address.path(file.toString());
        int receiver = steps.socket(object, AF_UNIX, SOCK_DGRAM);
        steps.bind(object, receiver, address);
        FileStatus status = new FileStatus();
        boolean made = status.of(file.toString()) && (status.mode() & FileConstants.S_IFMT) == FileConstants.S_IFSOCK;
        parent.say("bound a datagram socket to the path " + file + ": bind() made " + (made ? S_IFSOCK_TEXT
                : "no socket file") + " there, which other processes find by its name");
        run.check(made, "bind() to a path makes a socket file in the file system");
        int sender = steps.socket(object, AF_UNIX, SOCK_DGRAM);
        for (byte[] message : messages) {
            steps.sendto(object, sender, message, address);
        }
        findings.pathReads = texts(receiveAll(steps, object, receiver, false));
        parent.say("an unbound socket sent the " + messages.size() + " messages to " + file + " with sendto(); "
                + "recvfrom() returned them one by one, whole");
        checkWhole("a socket bound to a path", findings.pathReads);
        steps.close(object, sender);
        steps.close(object, receiver);
        boolean left = status.of(file.toString());
        findings.pathLeftAfterClose = left;
        parent.say(left ? "closed both sockets: the socket file " + file + " is still there; nothing removes it "
                + "but unlink()" : "closed both sockets, and the socket file went with them");
        run.check(left, "the socket file stays after the socket is closed, until it is unlinked");
        try {
            Files.delete(file);
            parent.trace(object, "unlink(\"" + file + "\") = 0");
            parent.say("unlink(" + file + "): now it is gone (a server that binds the path again without it "
                    + "gets EADDRINUSE)");
        } catch (IOException e) {
            throw new DemoFailure("cannot unlink " + file + ": " + e.getMessage());
        }
        findings.path = file.toString();
    }

    // ---- the abstract namespace, and the peer ----

    private void abstractName(SocketSteps steps, String name) {
        String object = "socket @" + name;
        String connection = connection(name);
        int listener = steps.socket(object, AF_UNIX, SOCK_STREAM);
        steps.bind(object, listener, Address.abstractName(name));
        steps.listen(object, listener);
        boolean listed = UnixSockets.listed(name);
        parent.say("bound a stream socket to @" + name + " in the abstract namespace (sun_path starts with a NUL "
                + "byte): no file is made; /proc/net/unix " + (listed ? "lists it" : "does not list it"));
        run.check(listed, "a socket bound in the abstract namespace is known by its name (in /proc/net/unix)");

        DemoProcess child = run.start("peer", peer.apply(name));
        steps.awaitReadable(object, listener, "connection from " + child.label());
        int accepted = steps.accept(connection, listener);
        Credentials credentials = steps.peerCredentials(connection, accepted);
        DemoProcess.Fact told = child.awaitFact("credentials", timeoutMillis == 0 ? Long.MAX_VALUE : timeoutMillis);
        String[] own = told.value().split(" ");
        Credentials childs = new Credentials(Integer.parseInt(own[0]), Integer.parseInt(own[1]),
                Integer.parseInt(own[2]));
        findings.peer = credentials;
        findings.childCredentials = childs;
        findings.childPid = child.pid();
        parent.say("accepted " + child.label() + "'s connection; SO_PEERCRED says pid " + credentials.pid() + ", uid "
                + credentials.uid() + ", gid " + credentials.gid() + ": the kernel's word, not the peer's");
        run.check(credentials.pid() == child.pid() && credentials.equals(childs),
                "SO_PEERCRED gives the peer's pid, uid and gid: " + credentials.strace() + ", the child's own "
                        + childs.strace());

        steps.awaitReadable(connection, accepted, "message from " + child.label());
        Received received = steps.receiveDescriptor(connection, accepted);
        String note = "";
        if (received.descriptors().length == 1) {
            int passed = received.descriptors()[0];
            steps.awaitReadable("pipe", passed, "data in the passed pipe");
            note = SocketSteps.text(steps.read("pipe", passed));
            steps.close("pipe", passed);
            parent.say("recvmsg() brought fd " + passed + " with SCM_RIGHTS: this process's own descriptor for the "
                    + "child's pipe, from which it read \"" + note + "\"");
            findings.passedDescriptor = passed;
        }
        findings.passedNote = note;
        run.check(note.equals(SocketDemoCommand.NOTE), "SCM_RIGHTS passes a descriptor: the receiver reads the "
                + "pipe the sender opened");
        steps.close(connection, accepted);
        run.await(child, timeoutMillis == 0 ? Long.MAX_VALUE : timeoutMillis);
        steps.close(object, listener);
        boolean gone = !UnixSockets.listed(name);
        findings.abstractName = "@" + name;
        findings.abstractGoneAfterClose = gone;
        parent.say(gone ? "closed the socket: the name @" + name + " is free again at once, with nothing to unlink"
                : "closed the socket, yet /proc/net/unix still lists @" + name);
        run.check(gone, "an abstract name goes with its last socket: nothing is left on disk or to unlink");
    }

    // ---- IP and port ----

    private void udp(SocketSteps steps) {
        int receiver = steps.socket(UDP, AF_INET, SOCK_DGRAM);
        steps.bind(UDP, receiver, Address.loopback(0));
        Address bound = steps.getsockname(UDP, receiver);
        String object = UDP;
        parent.say("bound a UDP socket to 127.0.0.1 port 0: the kernel picked port " + bound.port()
                + " (getsockname)");
        run.check(bound.port() != 0, "bind() to port 0 lets the kernel pick a free port: " + bound.port());
        int sender = steps.socket(object, AF_INET, SOCK_DGRAM);
        for (byte[] message : messages) {
            steps.sendto(object, sender, message, bound);
        }
        Address from = steps.getsockname(object, sender);
        List<Received> received = receiveAll(steps, object, receiver, true);
        List<String> reads = texts(received);
        List<Address> senders = received.stream().map(Received::from).toList();
        findings.udpPort = bound.port();
        findings.udpSender = from.toString();
        findings.udpReads = reads;
        Address source = senders.isEmpty() ? null : senders.get(0);
        parent.say("sent the " + messages.size() + " messages to " + bound + " through the network stack; each "
                + "recvfrom() returned one, and where it came from, " + source + ": the sender's port "
                + from.port() + ", which the kernel gave it at its first sendto() (getsockname: " + from + ")");
        checkWhole("UDP", reads);
        run.check(!senders.isEmpty() && senders.stream().allMatch(a -> a.port() == from.port()
                        && a.ipText().equals("127.0.0.1")),
                "recvfrom() tells where each datagram came from: 127.0.0.1 port " + from.port() + ", the sender's");
        steps.close(object, sender);
        steps.close(object, receiver);
    }
}
