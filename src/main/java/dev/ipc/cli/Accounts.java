// The one way options name a user or a group: a name looked up through NSS, or a uid/gid in decimal.
package dev.ipc.cli;

import dev.ipc.libc.Passwd;
import dev.ipc.util.Decimal;

import java.util.OptionalLong;
import java.util.function.Function;

public final class Accounts {
    /** (uid_t) -1 means "no change" to chown and IPC_SET, so no account has it. */
    private static final long MAX_ID = 0xfffffffeL;

    private Accounts() {
    }

    /** A user name or a uid; a usage error naming the option otherwise. */
    public static long uid(String option, String text) {
        return id(option, text, "user", "uid", Passwd::userId);
    }

    /** A group name or a gid; a usage error naming the option otherwise. */
    public static long gid(String option, String text) {
        return id(option, text, "group", "gid", Passwd::groupId);
    }

    private static long id(String option, String text, String account, String number,
                           Function<String, OptionalLong> lookup) {
        if (Decimal.isDecimal(text, Integer.MAX_VALUE, false)) {
            // leading zeros aside, more than 10 digits is beyond 32 bits
            String digits = text.replaceFirst("^0+(?=.)", "");
            if (digits.length() <= 10 && Long.parseLong(digits) <= MAX_ID) {
                return Long.parseLong(digits);
            }
            throw IpcException.usage("invalid " + option + " '" + text + "': a " + number + " is from 0 to " + MAX_ID);
        }
        OptionalLong id = text.isEmpty() ? OptionalLong.empty() : lookup.apply(text);
        if (id.isEmpty()) {
            throw IpcException.usage("invalid " + option + " '" + text + "': no such " + account + " (give a "
                    + account + " name or a " + number + ")");
        }
        return id.getAsLong();
    }
}
