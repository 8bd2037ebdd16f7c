// User and group names and ids through NSS (getpwuid, getpwnam, getgrgid, getgrnam), for what /etc does not name.
package dev.ipc.libc;

import java.util.Optional;
import java.util.OptionalLong;

public final class Passwd {
    private Passwd() {
    }

    /** pw_name is the first member of struct passwd. */
    public static Optional<String> userName(long uid) {
        return firstString(Native.libc().getpwuid((int) uid));
    }

    /** pw_uid, the 32-bit field after pw_name and pw_passwd in struct passwd; empty for no such user. */
    public static OptionalLong userId(String name) {
        return idField(Native.libc().getpwnam(name), Layouts.PASSWD_UID);
    }

    /** gr_name is the first member of struct group. */
    public static Optional<String> groupName(long gid) {
        return firstString(Native.libc().getgrgid((int) gid));
    }

    /** gr_gid, after gr_name and gr_passwd in struct group; empty for no such group. */
    public static OptionalLong groupId(String name) {
        return idField(Native.libc().getgrnam(name), Layouts.GROUP_GID);
    }

    private static OptionalLong idField(Pointer record, int offset) {
        return record == null ? OptionalLong.empty() : OptionalLong.of(Integer.toUnsignedLong(record.getInt(offset)));
    }

    private static Optional<String> firstString(Pointer record) {
        if (record == null) {
            return Optional.empty();
        }
        Pointer name = record.getPointer(0);
        return name == null ? Optional.empty() : Optional.of(name.getString(0));
    }
}
