/** ipc ns: every IPC namespace of the host with its processes, objects and limits; imports no other feature. */
package dev.ipc.ns;
