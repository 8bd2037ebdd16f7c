// The state of one semaphore in a set: GETVAL, GETNCNT, GETZCNT and GETPID.
package dev.ipc.model;

/**
 * @param waitingForIncrease processes blocked until the value grows (semncnt)
 * @param waitingForZero     processes blocked until the value is zero (semzcnt)
 * @param lastPid            the process that did the last operation (sempid)
 */
public record Semaphore(int number, int value, int waitingForIncrease, int waitingForZero, int lastPid) {
}
