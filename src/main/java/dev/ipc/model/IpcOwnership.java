// Who owns and who created one System V IPC object, as the kernel's ipc_perm records it.
package dev.ipc.model;

/** Owner and creator ids; all four are unsigned 32-bit values held in a long. */
public record IpcOwnership(long uid, long gid, long creatorUid, long creatorGid) {
}
