// User and group names through getpwuid/getgrgid, for ids /etc/passwd and /etc/group do not name (NSS).
package dev.ipc.sys;

import jnr.ffi.Pointer;

import java.util.Optional;
import java.util.OptionalLong;

public final class Passwd {
    private Passwd() {
    }

    /** pw_name is the first member of struct passwd. */
    public static Optional<String> userName(long uid) {
        return firstString(Native.libc().getpwuid((int) uid));
    }

    /** gr_name is the first member of struct group. */
    public static Optional<String> groupName(long gid) {
        return firstString(Native.libc().getgrgid((int) gid));
    }

    /** The uid getpwnam gives for a user name, through NSS. */
    public static OptionalLong uidOf(String name) {
        Pointer record = Native.libc().getpwnam(name);
        return record == null ? OptionalLong.empty()
                : OptionalLong.of(Integer.toUnsignedLong(record.getInt(Layouts.PASSWD_UID)));
    }

    /** The gid getgrnam gives for a group name, through NSS. */
    public static OptionalLong gidOf(String name) {
        Pointer record = Native.libc().getgrnam(name);
        return record == null ? OptionalLong.empty()
                : OptionalLong.of(Integer.toUnsignedLong(record.getInt(Layouts.GROUP_GID)));
    }

    private static Optional<String> firstString(Pointer record) {
        if (record == null) {
            return Optional.empty();
        }
        Pointer name = record.getPointer(0);
        return name == null ? Optional.empty() : Optional.of(name.getString(0));
    }
}
