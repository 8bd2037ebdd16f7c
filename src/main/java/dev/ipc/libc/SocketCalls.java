// Sockets: socket, socketpair, bind, listen, accept, connect, sendto, recvfrom, getsockname, SO_PEERCRED and
// descriptors passed with SCM_RIGHTS, as checked wrappers that throw NativeCallException with the call and errno.
package dev.ipc.libc;

import com.kenai.jffi.Type;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.ipc.libc.NativeFunction.checked;

/**
 * Java's channels have no datagram Unix sockets, no peer credentials and no descriptor passing (see issue 19):
 * these calls are libc's. Bound here rather than in LibC so that only the socket demo binds them.
 */
public final class SocketCalls {
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 02000000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_PEERCRED = 17;
    public static final int SCM_RIGHTS = 1;
    public static final int MSG_DONTWAIT = 0x40;
    /** Descriptors received with SCM_RIGHTS are close-on-exec, as every descriptor of ours is. */
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;

    private static final Type INT = Type.SINT;
    private static final Type LONG = Type.SLONG;
    private static final Type SIZE = Type.ULONG;
    private static final Type POINTER = Type.POINTER;

    private static final NativeFunction SOCKET = checked("socket", INT, INT, INT, INT);
    private static final NativeFunction SOCKETPAIR = checked("socketpair", INT, INT, INT, INT, POINTER);
    private static final NativeFunction BIND = checked("bind", INT, INT, POINTER, Type.UINT);
    private static final NativeFunction LISTEN = checked("listen", INT, INT, INT);
    private static final NativeFunction ACCEPT4 = checked("accept4", INT, INT, POINTER, POINTER, INT);
    private static final NativeFunction CONNECT = checked("connect", INT, INT, POINTER, Type.UINT);
    private static final NativeFunction SENDTO = checked("sendto", LONG, INT, POINTER, SIZE, INT, POINTER, Type.UINT);
    private static final NativeFunction RECVFROM = checked("recvfrom", LONG, INT, POINTER, SIZE, INT, POINTER,
            POINTER);
    private static final NativeFunction GETSOCKNAME = checked("getsockname", INT, INT, POINTER, POINTER);
    private static final NativeFunction GETSOCKOPT = checked("getsockopt", INT, INT, INT, INT, POINTER, POINTER);
    private static final NativeFunction SENDMSG = checked("sendmsg", LONG, INT, POINTER, INT);
    private static final NativeFunction RECVMSG = checked("recvmsg", LONG, INT, POINTER, INT);

    private SocketCalls() {
    }

    /** A socket address: a path, a name in the abstract namespace, or an IPv4 address and port. */
    public record Address(int family, String path, boolean abstractName, byte[] ip, int port) {
        public static Address path(String path) {
            return new Address(AF_UNIX, path, false, null, 0);
        }

        /** A name in Linux's abstract namespace: sun_path starts with a NUL byte; nothing is made on disk. */
        public static Address abstractName(String name) {
            return new Address(AF_UNIX, name, true, null, 0);
        }

        /** An unnamed Unix socket, as recvfrom reports an unbound sender. */
        public static Address unnamed() {
            return new Address(AF_UNIX, "", false, null, 0);
        }

        public static Address inet(byte[] ip, int port) {
            return new Address(AF_INET, null, false, ip.clone(), port);
        }

        public static Address loopback(int port) {
            return inet(new byte[] {127, 0, 0, 1}, port);
        }

        /** The length the kernel is given: for a Unix address, up to the name's end (and its NUL for a path). */
        public int length() {
            if (family == AF_INET) {
                return Layouts.SOCKADDR_IN_SIZE;
            }
            int name = path.getBytes(StandardCharsets.UTF_8).length;
            return name == 0 ? Layouts.SUN_PATH : Layouts.SUN_PATH + name + 1;
        }

        /** As strace writes it: {sa_family=AF_UNIX, sun_path=@"name"}. */
        public String strace() {
            if (family == AF_INET) {
                return "{sa_family=AF_INET, sin_port=htons(" + port + "), sin_addr=inet_addr(\"" + ipText()
                        + "\")}";
            }
            if (path.isEmpty()) {
                return "{sa_family=AF_UNIX}";
            }
            return "{sa_family=AF_UNIX, sun_path=" + (abstractName ? "@" : "") + "\"" + path + "\"}";
        }

        public String ipText() {
            try {
                return ip == null ? "" : InetAddress.getByAddress(ip).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What people write: /run/x.sock, @name, 127.0.0.1:40000. */
        @Override
        public String toString() {
            if (family == AF_INET) {
                return ipText() + ":" + port;
            }
            return path.isEmpty() ? "(unnamed)" : abstractName ? "@" + path : path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Address a && a.family == family && a.port == port
                    && a.abstractName == abstractName && java.util.Objects.equals(a.path, path)
                    && Arrays.equals(a.ip, ip);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(family, path, abstractName, port, Arrays.hashCode(ip));
        }

        Pointer encode() {
            if (family == AF_INET) {
                Pointer memory = Native.allocate(Layouts.SOCKADDR_IN_SIZE);
                memory.putShort(0, (short) AF_INET);
                memory.putByte(Layouts.SIN_PORT, (byte) (port >> 8));
                memory.putByte(Layouts.SIN_PORT + 1, (byte) port);
                memory.put(Layouts.SIN_ADDR, ip, 0, 4);
                return memory;
            }
            Pointer memory = Native.allocate(Layouts.SOCKADDR_UN_SIZE);
            memory.putShort(0, (short) AF_UNIX);
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            int room = Layouts.SOCKADDR_UN_SIZE - Layouts.SUN_PATH - 1;
            if (name.length > room) {
                throw new NativeCallException("bind", 36 /* ENAMETOOLONG */, "socket name longer than " + room + " bytes: " + this);
            }
            memory.put(Layouts.SUN_PATH + (abstractName ? 1 : 0), name, 0, name.length);
            return memory;
        }

        static Address decode(Pointer memory, int length) {
            int family = Short.toUnsignedInt(memory.getShort(0));
            if (family == AF_INET) {
                byte[] ip = new byte[4];
                memory.get(Layouts.SIN_ADDR, ip, 0, 4);
                int port = (Byte.toUnsignedInt(memory.getByte(Layouts.SIN_PORT)) << 8)
                        | Byte.toUnsignedInt(memory.getByte(Layouts.SIN_PORT + 1));
                return inet(ip, port);
            }
            int nameLength = length - Layouts.SUN_PATH;
            if (nameLength <= 0) {
                return unnamed();
            }
            byte[] name = new byte[nameLength];
            memory.get(Layouts.SUN_PATH, name, 0, nameLength);
            if (name[0] == 0) {
                return abstractName(new String(name, 1, nameLength - 1, StandardCharsets.UTF_8));
            }
            int end = 0;
            while (end < nameLength && name[end] != 0) {
                end++;
            }
            return path(new String(name, 0, end, StandardCharsets.UTF_8));
        }
    }

    /** SO_PEERCRED: the peer's pid, uid and gid, as they were when it connected (or called socketpair). */
    public record Credentials(int pid, int uid, int gid) {
        public String strace() {
            return "{pid=" + pid + ", uid=" + uid + ", gid=" + gid + "}";
        }
    }

    /** What one recvfrom or recvmsg got: the bytes, the sender, and descriptors passed with SCM_RIGHTS. */
    public record Received(byte[] data, Address from, int[] descriptors, int flags) {
    }

    public static int socket(int domain, int type) {
        return Native.check("socket", (int) SOCKET.call(domain, type | SOCK_CLOEXEC, 0));
    }

    /** Two connected sockets: what one end sends, the other receives. */
    public static int[] socketpair(int domain, int type) {
        Pointer pair = Native.allocate(8);
        Native.check("socketpair", (int) SOCKETPAIR.call(domain, type | SOCK_CLOEXEC, 0, pair.address()));
        return new int[] {pair.getInt(0), pair.getInt(4)};
    }

    public static void bind(int fd, Address address) {
        Native.check("bind", (int) BIND.call(fd, address.encode().address(), address.length()));
    }

    public static void listen(int fd, int backlog) {
        Native.check("listen", (int) LISTEN.call(fd, backlog));
    }

    public static int accept(int fd) {
        return Native.check("accept", (int) ACCEPT4.call(fd, 0, 0, SOCK_CLOEXEC));
    }

    public static void connect(int fd, Address address) {
        Native.check("connect", (int) CONNECT.call(fd, address.encode().address(), address.length()));
    }

    /** to null: the connected peer. Returns the bytes sent. */
    public static long sendto(int fd, byte[] data, int flags, Address to) {
        Pointer buffer = Native.allocate(data.length);
        buffer.put(0, data, 0, data.length);
        long sent = to == null ? SENDTO.call(fd, buffer.address(), data.length, flags, 0, 0)
                : SENDTO.call(fd, buffer.address(), data.length, flags, to.encode().address(), to.length());
        return Native.check("sendto", sent);
    }

    /** One receive of at most size bytes; a datagram longer than that is cut (MSG_TRUNC in the flags). */
    public static Received recvfrom(int fd, int size, int flags) {
        Pointer buffer = Native.allocate(size);
        Pointer address = Native.allocate(Layouts.SOCKADDR_UN_SIZE);
        Pointer length = Native.allocate(4);
        length.putInt(0, Layouts.SOCKADDR_UN_SIZE);
        long n = Native.check("recvfrom", RECVFROM.call(fd, buffer.address(), size, flags, address.address(),
                length.address()));
        byte[] data = new byte[(int) n];
        buffer.get(0, data, 0, data.length);
        int addressLength = length.getInt(0);
        return new Received(data, addressLength == 0 ? null : Address.decode(address, addressLength), new int[0], 0);
    }

    public static Address getsockname(int fd) {
        Pointer address = Native.allocate(Layouts.SOCKADDR_UN_SIZE);
        Pointer length = Native.allocate(4);
        length.putInt(0, Layouts.SOCKADDR_UN_SIZE);
        Native.check("getsockname", (int) GETSOCKNAME.call(fd, address.address(), length.address()));
        return Address.decode(address, length.getInt(0));
    }

    public static Credentials peerCredentials(int fd) {
        Pointer credentials = Native.allocate(Layouts.UCRED_SIZE);
        Pointer length = Native.allocate(4);
        length.putInt(0, Layouts.UCRED_SIZE);
        Native.check("getsockopt(SO_PEERCRED)", (int) GETSOCKOPT.call(fd, SOL_SOCKET, SO_PEERCRED,
                credentials.address(), length.address()));
        return new Credentials(credentials.getInt(Layouts.UCRED_PID), credentials.getInt(Layouts.UCRED_UID),
                credentials.getInt(Layouts.UCRED_GID));
    }

    /** sendmsg with data and one SCM_RIGHTS message carrying descriptor: the peer gets its own copy of it. */
    public static long sendDescriptor(int fd, byte[] data, int descriptor) {
        Pointer buffer = Native.allocate(Math.max(data.length, 1));
        buffer.put(0, data, 0, data.length);
        Pointer iov = Native.allocate(Layouts.IOVEC_SIZE);
        iov.putAddress(Layouts.IOV_BASE, buffer.address());
        iov.putLong(Layouts.IOV_LEN, data.length);
        Pointer control = Native.allocate(Layouts.CMSG_SPACE_INT);
        control.putLong(Layouts.CMSG_LEN, Layouts.CMSG_LEN_INT);
        control.putInt(Layouts.CMSG_LEVEL, SOL_SOCKET);
        control.putInt(Layouts.CMSG_TYPE, SCM_RIGHTS);
        control.putInt(Layouts.CMSG_DATA, descriptor);
        Pointer message = Native.allocate(Layouts.MSGHDR_SIZE);
        message.putAddress(Layouts.MSG_IOV, iov.address());
        message.putLong(Layouts.MSG_IOVLEN, 1);
        message.putAddress(Layouts.MSG_CONTROL, control.address());
        message.putLong(Layouts.MSG_CONTROLLEN, Layouts.CMSG_SPACE_INT);
        return Native.check("sendmsg", SENDMSG.call(fd, message.address(), 0));
    }

    /** recvmsg of at most size bytes with room for one SCM_RIGHTS message of up to four descriptors. */
    public static Received recvmsg(int fd, int size, int flags) {
        Pointer buffer = Native.allocate(size);
        Pointer iov = Native.allocate(Layouts.IOVEC_SIZE);
        iov.putAddress(Layouts.IOV_BASE, buffer.address());
        iov.putLong(Layouts.IOV_LEN, size);
        int controlSize = Layouts.CMSG_SPACE_INT + 3 * 4 + 4;
        Pointer control = Native.allocate(controlSize);
        Pointer message = Native.allocate(Layouts.MSGHDR_SIZE);
        message.putAddress(Layouts.MSG_IOV, iov.address());
        message.putLong(Layouts.MSG_IOVLEN, 1);
        message.putAddress(Layouts.MSG_CONTROL, control.address());
        message.putLong(Layouts.MSG_CONTROLLEN, controlSize);
        long n = Native.check("recvmsg", RECVMSG.call(fd, message.address(), flags | MSG_CMSG_CLOEXEC));
        byte[] data = new byte[(int) n];
        buffer.get(0, data, 0, data.length);
        long controlLength = message.getLong(Layouts.MSG_CONTROLLEN);
        int[] descriptors = new int[0];
        if (controlLength >= Layouts.CMSG_LEN_INT && control.getInt(Layouts.CMSG_LEVEL) == SOL_SOCKET
                && control.getInt(Layouts.CMSG_TYPE) == SCM_RIGHTS) {
            int count = (int) ((control.getLong(Layouts.CMSG_LEN) - Layouts.CMSG_DATA) / 4);
            descriptors = new int[count];
            for (int i = 0; i < count; i++) {
                descriptors[i] = control.getInt(Layouts.CMSG_DATA + 4L * i);
            }
        }
        return new Received(data, null, descriptors, message.getInt(Layouts.MSG_FLAGS));
    }

    /** write(2) of the whole array; returns what the kernel took. */
    public static long write(int fd, byte[] data) {
        Pointer buffer = Native.allocate(Math.max(data.length, 1));
        buffer.put(0, data, 0, data.length);
        return Native.check("write", Native.libc().write(fd, buffer, data.length));
    }

    /** One read(2) of at most size bytes: what it returned (empty at end of file). */
    public static byte[] read(int fd, int size) {
        Pointer buffer = Native.allocate(size);
        long n = Native.check("read", Native.libc().read(fd, buffer, size));
        byte[] data = new byte[(int) n];
        buffer.get(0, data, 0, data.length);
        return data;
    }

    public static void close(int fd) {
        Native.check("close", Native.libc().close(fd));
    }

    /** 127.0.0.1 as four bytes. */
    public static byte[] loopback() {
        return Inet4Address.getLoopbackAddress().getAddress();
    }
}
