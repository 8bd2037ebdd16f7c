/**
 * The lab demos' run, transcript, trace and checks, used by the demo commands of msg, sem and shm; imports no
 * command group.
 */
package dev.ipc.demo;
