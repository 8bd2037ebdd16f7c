/**
 * Readers of kernel files (/proc/sysvipc, sysctl, /proc/PID, /dev/shm, /dev/mqueue) into model records; imports only
 * model and libc.
 */
package dev.ipc.procfs;
