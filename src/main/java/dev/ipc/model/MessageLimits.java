// The kernel's message queue limits: kernel.msgmni, kernel.msgmax, kernel.msgmnb.
package dev.ipc.model;

/**
 * @param maxQueues       msgmni, queues system wide
 * @param maxMessageSize  msgmax, bytes in one message
 * @param maxQueueBytes   msgmnb, the default byte limit of a new queue
 */
public record MessageLimits(long maxQueues, long maxMessageSize, long maxQueueBytes) {
}
