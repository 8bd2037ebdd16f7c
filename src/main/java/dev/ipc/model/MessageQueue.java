// One System V message queue, as /proc/sysvipc/msg or msgctl(MSG_STAT) reports it.
package dev.ipc.model;

import java.util.OptionalLong;

/**
 * @param usedBytes    bytes in all messages now queued (msg_cbytes)
 * @param messages     messages now queued (msg_qnum)
 * @param maxBytes     the queue's byte limit (msg_qbytes); /proc does not show it, so it is present only when
 *                     read through msgctl(IPC_STAT)
 */
public record MessageQueue(int key, int id, int mode, IpcOwnership owner,
                           long usedBytes, long messages, int lastSendPid, int lastReceivePid,
                           OptionalLong sendTime, OptionalLong receiveTime, OptionalLong changeTime,
                           OptionalLong maxBytes) implements SystemVObject {

    public MessageQueue withMaxBytes(long qbytes) {
        return new MessageQueue(key, id, mode, owner, usedBytes, messages, lastSendPid, lastReceivePid,
                sendTime, receiveTime, changeTime, OptionalLong.of(qbytes));
    }
}
