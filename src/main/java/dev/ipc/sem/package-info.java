/**
 * ipc sem: get, set, op, set-perms, tune and the semaphore demo; a feature, imports no other command group but sysvcommon,
 * tune and demo.
 */
package dev.ipc.sem;
