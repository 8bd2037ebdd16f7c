/**
 * ipc signal: the signals demo (standard signals not queued, real-time signals queued, process groups, SIGCHLD); a
 * feature, imports no other command group but demo.
 */
package dev.ipc.signal;
