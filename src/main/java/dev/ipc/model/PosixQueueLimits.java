// The kernel's POSIX message queue limits in /proc/sys/fs/mqueue.
package dev.ipc.model;

/**
 * @param maxQueues         queues_max, queues system wide
 * @param maxMessages       msg_max, the largest mq_maxmsg an unprivileged process may ask for
 * @param maxMessageSize    msgsize_max, the largest mq_msgsize an unprivileged process may ask for
 */
public record PosixQueueLimits(long maxQueues, long maxMessages, long maxMessageSize) {
}
