/**
 * ipc pipe-demo: the pipe demos and their child roles; a feature, imported by the root only, importing demo and
 * support.
 */
package dev.ipc.pipe;
