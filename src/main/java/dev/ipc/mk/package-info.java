/** ipc mk: ipcmk's creation of System V and POSIX objects; a feature, imported by the root only. */
package dev.ipc.mk;
