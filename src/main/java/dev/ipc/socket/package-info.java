/**
 * The `ipc socket` command group: the socket demo (streams and datagrams, addresses, peer credentials, descriptor
 * passing); imports no other command group.
 */
package dev.ipc.socket;
