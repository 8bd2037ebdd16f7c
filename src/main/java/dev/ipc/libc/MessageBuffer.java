// A native struct msgbuf (a long mtype, then the text) reused across msgsnd and msgrcv calls.
package dev.ipc.libc;

public final class MessageBuffer {
    private static final int TYPE_SIZE = 8;

    private final Pointer memory;
    private final int capacity;

    /** Room for a text of capacity bytes. */
    public MessageBuffer(int capacity) {
        this.capacity = capacity;
        this.memory = Native.allocate(TYPE_SIZE + Math.max(capacity, 1));
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Binds msgsnd and msgrcv (and opens libc) now, so that a loop that times its messages starts with its first
     * message rather than with looking the functions up.
     */
    public void bindCalls() {
        Native.libc().bindMessageCalls();
    }

    /** msgsnd of length bytes of data with this type; a failure carries msgsnd's errno. */
    public void send(int id, long type, byte[] data, int offset, int length, int flags) {
        memory.putLong(0, type);
        memory.put(TYPE_SIZE, data, offset, length);
        Native.check("msgsnd", Native.libc().msgsnd(id, memory, length, flags));
    }

    /**
     * msgrcv into this buffer, with msgrcv's own type selection and flags; returns the length of the text
     * received (read it with {@link #type()} and {@link #text}). A failure carries msgrcv's errno.
     */
    public int receive(int id, long type, int flags) {
        return (int) Native.check("msgrcv", Native.libc().msgrcv(id, memory, capacity, type, flags));
    }

    /** As {@link #receive}, called again when a signal handler interrupts it (the kernel never restarts msgrcv). */
    public int receiveWaiting(int id, long type, int flags) {
        while (true) {
            try {
                return receive(id, type, flags);
            } catch (NativeCallException e) {
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
            }
        }
    }

    /** The type of the message last received. */
    public long type() {
        return memory.getLong(0);
    }

    /** The first length bytes of the text last received. */
    public byte[] text(int length) {
        byte[] text = new byte[length];
        memory.get(TYPE_SIZE, text, 0, length);
        return text;
    }

    public void text(byte[] into, int length) {
        memory.get(TYPE_SIZE, into, 0, length);
    }
}
