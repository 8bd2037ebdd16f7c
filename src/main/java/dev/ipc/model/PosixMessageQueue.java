// One POSIX message queue, from its file in the mqueue file system and mq_getattr.
package dev.ipc.model;

import java.util.OptionalLong;

/**
 * @param queuedBytes   bytes in all queued messages (QSIZE in the queue's file)
 * @param messages      messages queued now (mq_curmsgs), when the queue could be opened
 * @param maxMessages   the queue's capacity in messages (mq_maxmsg), when the queue could be opened
 * @param maxMessageSize the largest message (mq_msgsize), when the queue could be opened
 */
public record PosixMessageQueue(String name, long uid, long gid, int mode, long queuedBytes,
                                OptionalLong messages, OptionalLong maxMessages, OptionalLong maxMessageSize,
                                OptionalLong modificationTime) implements PosixObject {
}
