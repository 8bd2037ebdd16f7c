/**
 * ipc shm: read, write, lock, set-perms, tune and the shared memory demo; a feature, imports no other command group
 * but sysvcommon, tune and demo.
 */
package dev.ipc.shm;
