/** The tune commands of msg, sem and shm: the Tuner engine, its TuneResult and renderer; imports no command group. */
package dev.ipc.tune;
