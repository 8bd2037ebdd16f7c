/** ipc top: a live view of every IPC object and limit; a feature, imported by the composition root alone. */
package dev.ipc.top;
