/**
 * What the msg, sem and shm commands share: --id/--key (IdOrKey), IPC_STAT, failures, set-perms; imports no command
 * group.
 */
package dev.ipc.sysvcommon;
