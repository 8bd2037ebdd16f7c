// mq_open/mq_getattr/mq_close: the attributes of a POSIX message queue that its file does not show.
package dev.ipc.sys;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.SaveError;

import java.util.Optional;

public final class PosixQueueCalls {
    /** The mq_* calls live in libc.so.6 since glibc 2.34 (librt before). */
    public interface Library {
        @SaveError
        int mq_open(String name, int flags);

        @SaveError
        int mq_getattr(int queue, Pointer attributes);

        @IgnoreError
        int mq_close(int queue);
    }

    /** struct mq_attr: long mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs, then 4 reserved longs. */
    public static final int MQ_ATTR_SIZE = 64;
    public static final int MQ_MAXMSG = 8;
    public static final int MQ_MSGSIZE = 16;
    public static final int MQ_CURMSGS = 24;

    private static final int O_RDONLY = 0;

    /** mq_maxmsg, mq_msgsize and mq_curmsgs of one queue. */
    public record Attributes(long maxMessages, long maxMessageSize, long currentMessages) {
    }

    private static final class Holder {
        static final Library LIBRARY = LibraryLoader.create(Library.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBRARY);
    }

    private PosixQueueCalls() {
    }

    /** Empty when the queue cannot be opened for reading (permission, or gone since it was listed). */
    public static Optional<Attributes> attributes(String name) {
        Library library = Holder.LIBRARY;
        int queue = library.mq_open(name, O_RDONLY);
        if (queue < 0) {
            return Optional.empty();
        }
        try {
            Pointer buffer = jnr.ffi.Memory.allocateDirect(Holder.RUNTIME, MQ_ATTR_SIZE, true);
            if (library.mq_getattr(queue, buffer) < 0) {
                return Optional.empty();
            }
            return Optional.of(new Attributes(buffer.getLong(MQ_MAXMSG), buffer.getLong(MQ_MSGSIZE),
                    buffer.getLong(MQ_CURMSGS)));
        } finally {
            library.mq_close(queue);
        }
    }
}
