/**
 * ipc metrics: the IPC state in Prometheus's text exposition format, on stdout or as a node_exporter textfile; a
 * feature, imported by the root only.
 */
package dev.ipc.metrics;
