/** Records for IPC objects and limits, and the System V kind; data only, imports no other ipc package. */
package dev.ipc.model;
