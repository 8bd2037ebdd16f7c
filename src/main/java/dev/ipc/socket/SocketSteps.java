// The socket demo's system calls, each made through SocketCalls and told in strace's notation on the kernel object
// it acts on, so that --trace and --diagram show the same run.
package dev.ipc.socket;

import dev.ipc.demo.Calls;
import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.Narrator;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.Posix;
import dev.ipc.libc.SocketCalls;
import dev.ipc.libc.SocketCalls.Address;
import dev.ipc.libc.SocketCalls.Credentials;
import dev.ipc.libc.SocketCalls.Received;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** Every descriptor opened here is closed by {@link #close()}, whatever happened: nothing is left behind. */
final class SocketSteps implements AutoCloseable {
    static final int BUFFER = 4096;

    private final Narrator me;
    private final long timeoutMillis;
    private final Set<Integer> open = new LinkedHashSet<>();

    SocketSteps(Narrator me, long timeoutMillis) {
        this.me = me;
        this.timeoutMillis = timeoutMillis;
    }

    static String type(int type) {
        return type == SocketCalls.SOCK_STREAM ? "SOCK_STREAM" : "SOCK_DGRAM";
    }

    static String family(int family) {
        return family == SocketCalls.AF_UNIX ? "AF_UNIX" : "AF_INET";
    }

    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String quote(byte[] data) {
        return Calls.quote(data, 0, data.length);
    }

    int[] socketpair(String object, int type) {
        long began = System.nanoTime();
        int[] pair = SocketCalls.socketpair(SocketCalls.AF_UNIX, type);
        open.add(pair[0]);
        open.add(pair[1]);
        me.trace(object, "socketpair(AF_UNIX, " + type(type) + "|SOCK_CLOEXEC, 0, [" + pair[0] + ", " + pair[1]
                + "]) = 0", began);
        return pair;
    }

    int socket(String object, int family, int type) {
        long began = System.nanoTime();
        int fd = SocketCalls.socket(family, type);
        open.add(fd);
        me.trace(object, "socket(" + family(family) + ", " + type(type) + "|SOCK_CLOEXEC, 0) = " + fd, began);
        return fd;
    }

    void bind(String object, int fd, Address address) {
        long began = System.nanoTime();
        SocketCalls.bind(fd, address);
        me.trace(object, "bind(" + fd + ", " + address.strace() + ", " + address.length() + ") = 0", began);
    }

    void listen(String object, int fd) {
        long began = System.nanoTime();
        SocketCalls.listen(fd, 1);
        me.trace(object, "listen(" + fd + ", 1) = 0", began);
    }

    void connect(String object, int fd, Address address) {
        long began = System.nanoTime();
        SocketCalls.connect(fd, address);
        me.trace(object, "connect(" + fd + ", " + address.strace() + ", " + address.length() + ") = 0", began);
    }

    /** Waits, at most the demo's timeout, until fd can be read (a connection to accept, data, end of file). */
    void awaitReadable(String object, int fd, String what) {
        long began = System.nanoTime();
        int timeout = timeoutMillis == 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, timeoutMillis);
        int ready = Posix.poll(fd, FileConstants.POLLIN, timeout);
        me.trace(object, "poll([{fd=" + fd + ", events=POLLIN}], 1, " + timeout + ") = "
                + (ready == 0 ? "0 (Timeout)" : "1 ([{fd=" + fd + ", revents=POLLIN}])"), began);
        if (ready == 0) {
            throw new DemoFailure("no " + what + " within " + timeoutMillis + " ms");
        }
    }

    int accept(String object, int fd) {
        long began = System.nanoTime();
        int connection = SocketCalls.accept(fd);
        open.add(connection);
        me.trace(object, "accept4(" + fd + ", NULL, NULL, SOCK_CLOEXEC) = " + connection, began);
        return connection;
    }

    void write(String object, int fd, byte[] data) {
        long began = System.nanoTime();
        long n = SocketCalls.write(fd, data);
        me.trace(object, "write(" + fd + ", " + quote(data) + ", " + data.length + ") = " + n, began);
    }

    byte[] read(String object, int fd) {
        long began = System.nanoTime();
        byte[] data = SocketCalls.read(fd, BUFFER);
        me.trace(object, "read(" + fd + ", " + quote(data) + ", " + BUFFER + ") = " + data.length, began);
        return data;
    }

    void sendto(String object, int fd, byte[] data, Address to) {
        long began = System.nanoTime();
        long n = SocketCalls.sendto(fd, data, 0, to);
        me.trace(object, "sendto(" + fd + ", " + quote(data) + ", " + data.length + ", 0, " + to.strace() + ", "
                + to.length() + ") = " + n, began);
    }

    /** One recvfrom without waiting: the next message, or null when there is none (EAGAIN). */
    Received recvfrom(String object, int fd) {
        long began = System.nanoTime();
        try {
            Received received = SocketCalls.recvfrom(fd, BUFFER, SocketCalls.MSG_DONTWAIT);
            String from = received.from() == null ? "NULL" : received.from().strace();
            me.trace(object, "recvfrom(" + fd + ", " + quote(received.data()) + ", " + BUFFER + ", MSG_DONTWAIT, "
                    + from + ", [110 => " + (received.from() == null ? 0 : received.from().length()) + "]) = "
                    + received.data().length, began);
            return received;
        } catch (NativeCallException e) {
            if (e.errno() != Errno.EAGAIN) {
                throw e;
            }
            me.trace(object, "recvfrom(" + fd + ", 0x..., " + BUFFER + ", MSG_DONTWAIT, 0x..., [110]) = "
                    + Calls.result(-1, e.errno()), began);
            return null;
        }
    }

    Address getsockname(String object, int fd) {
        long began = System.nanoTime();
        Address address = SocketCalls.getsockname(fd);
        me.trace(object, "getsockname(" + fd + ", " + address.strace() + ", [110 => " + address.length()
                + "]) = 0", began);
        return address;
    }

    Credentials peerCredentials(String object, int fd) {
        long began = System.nanoTime();
        Credentials credentials = SocketCalls.peerCredentials(fd);
        me.trace(object, "getsockopt(" + fd + ", SOL_SOCKET, SO_PEERCRED, " + credentials.strace() + ", [12]) = 0", began);
        return credentials;
    }

    void sendDescriptor(String object, int fd, byte[] data, int descriptor) {
        long began = System.nanoTime();
        long n = SocketCalls.sendDescriptor(fd, data, descriptor);
        me.trace(object, "sendmsg(" + fd + ", " + message(data, descriptor) + ", 0) = " + n, began);
    }

    Received receiveDescriptor(String object, int fd) {
        long began = System.nanoTime();
        Received received = SocketCalls.recvmsg(fd, BUFFER, 0);
        for (int descriptor : received.descriptors()) {
            open.add(descriptor);
        }
        me.trace(object, "recvmsg(" + fd + ", " + message(received.data(), received.descriptors().length == 0 ? -1
                : received.descriptors()[0]) + ", MSG_CMSG_CLOEXEC) = " + received.data().length, began);
        return received;
    }

    private static String message(byte[] data, int descriptor) {
        String control = descriptor < 0 ? "msg_control=NULL, msg_controllen=0"
                : "msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[" + descriptor
                + "]}], msg_controllen=24";
        return "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=" + quote(data) + ", iov_len=" + data.length
                + "}], msg_iovlen=1, " + control + ", msg_flags=0}";
    }

    int[] pipe(String object) {
        long began = System.nanoTime();
        int[] fds = Posix.pipe2(FileConstants.O_CLOEXEC);
        open.add(fds[0]);
        open.add(fds[1]);
        me.trace(object, "pipe2([" + fds[0] + ", " + fds[1] + "], O_CLOEXEC) = 0", began);
        return fds;
    }

    void close(String object, int fd) {
        long began = System.nanoTime();
        open.remove(fd);
        SocketCalls.close(fd);
        me.trace(object, "close(" + fd + ") = 0", began);
    }

    /** Closes what is still open, without telling: the end of the run, or a failure. */
    @Override
    public void close() {
        for (int fd : open) {
            try {
                SocketCalls.close(fd);
            } catch (NativeCallException alreadyClosed) {
                // nothing more to do for it
            }
        }
        open.clear();
    }
}
