/**
 * ipc msg: send, recv, stat, set-perms, tune and the queue demo; a feature, imports no other command group but sysvcommon,
 * tune and demo.
 */
package dev.ipc.msg;
