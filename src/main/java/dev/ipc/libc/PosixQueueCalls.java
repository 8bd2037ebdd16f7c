// mq_open/mq_getattr/mq_close: the attributes of a POSIX message queue that its file does not show.
package dev.ipc.libc;

import java.util.Optional;

import static dev.ipc.libc.Layouts.MQ_ATTR_SIZE;
import static dev.ipc.libc.Layouts.MQ_CURMSGS;
import static dev.ipc.libc.Layouts.MQ_MAXMSG;
import static dev.ipc.libc.Layouts.MQ_MSGSIZE;

public final class PosixQueueCalls {
    /** mq_maxmsg, mq_msgsize and mq_curmsgs of one queue. */
    public record Attributes(long maxMessages, long maxMessageSize, long currentMessages) {
    }

    private PosixQueueCalls() {
    }

    /** Empty when the queue cannot be opened for reading (permission, or gone since it was listed). */
    public static Optional<Attributes> attributes(String name) {
        LibC libc = Native.libc();
        int queue = libc.mq_open(name, FileConstants.O_RDONLY);
        if (queue < 0) {
            return Optional.empty();
        }
        try {
            Pointer buffer = Native.allocate(MQ_ATTR_SIZE);
            if (libc.mq_getattr(queue, buffer) < 0) {
                return Optional.empty();
            }
            return Optional.of(new Attributes(buffer.getLong(MQ_MAXMSG), buffer.getLong(MQ_MSGSIZE),
                    buffer.getLong(MQ_CURMSGS)));
        } finally {
            libc.mq_close(queue);
        }
    }
}
