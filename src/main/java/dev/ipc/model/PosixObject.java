// What every POSIX IPC object has: a name and the owner and mode of its file.
package dev.ipc.model;

public sealed interface PosixObject permits PosixMessageQueue, PosixSharedMemory, PosixSemaphore {
    /** The name as mq_open, shm_open and sem_open take it, with its leading slash. */
    String name();

    long uid();

    long gid();

    /** Permission bits of the object's file. */
    int mode();
}
