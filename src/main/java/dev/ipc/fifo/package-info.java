/**
 * ipc fifo: the FIFO server (framing, request view, responder, stats), client and benchmark; a feature, imported by
 * the root only.
 */
package dev.ipc.fifo;
