// Narrows --all to the objects an administrator means: an owner's, old ones, or those no live process uses.
package dev.ipc.rm;

import dev.ipc.cli.CNumbers;
import dev.ipc.cli.IpcException;
import dev.ipc.sys.Passwd;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.OptionalLong;

/**
 * @param owner     only objects whose owner (not creator) has this uid
 * @param olderThan only objects whose last change (creation or IPC_SET; a POSIX object's file ctime) is at
 *                  least this many seconds ago
 * @param orphans   only objects no live process is known to use (see {@link Orphans})
 */
record AllFilter(OptionalLong owner, OptionalLong olderThan, boolean orphans) {
    static final AllFilter NONE = new AllFilter(OptionalLong.empty(), OptionalLong.empty(), false);

    boolean any() {
        return owner.isPresent() || olderThan.isPresent() || orphans;
    }

    boolean accepts(long uid, OptionalLong changeTime, long now) {
        if (owner.isPresent() && owner.getAsLong() != uid) {
            return false;
        }
        if (olderThan.isPresent()) {
            return changeTime.isPresent() && now - changeTime.getAsLong() >= olderThan.getAsLong();
        }
        return true;
    }

    static final class Builder {
        private String ownerText;
        private String olderThanText;
        private boolean orphans;

        void owner(String text) {
            ownerText = text;
        }

        void olderThan(String text) {
            olderThanText = text;
        }

        void orphans() {
            orphans = true;
        }

        AllFilter build(CommandLine commandLine, boolean all, boolean systemV, boolean posix) {
            String first = ownerText != null ? "--owner" : olderThanText != null ? "--older-than"
                    : orphans ? "--orphans" : null;
            if (first == null) {
                return NONE;
            }
            if (!all) {
                throw new ParameterException(commandLine, first + " only narrows --all; give --all too");
            }
            if (orphans && !systemV) {
                throw new ParameterException(commandLine,
                        "--orphans applies to System V objects only (--all, --all=shm|msg|sem)");
            }
            return new AllFilter(ownerText == null ? OptionalLong.empty() : OptionalLong.of(uid(ownerText)),
                    olderThanText == null ? OptionalLong.empty() : OptionalLong.of(seconds(olderThanText)),
                    orphans);
        }
    }

    /** A user name, or a uid in decimal. */
    static long uid(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            CNumbers.Parsed parsed = CNumbers.strtoul(text, 10);
            if (!parsed.overflow() && parsed.value() >= 0 && parsed.value() <= 0xffffffffL) {
                return parsed.value();
            }
        } else if (!text.isEmpty()) {
            OptionalLong uid = Passwd.userId(text);
            if (uid.isPresent()) {
                return uid.getAsLong();
            }
        }
        throw IpcException.failure("unknown user: '" + text + "'");
    }

    /** 90, 90s, 15m, 2h, 7d, 2w, or a sum such as 1h30m; a bare number is seconds. */
    static long seconds(String text) {
        long total = 0;
        int i = 0;
        boolean any = false;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == start || i - start > 12) {
                throw badDuration(text);
            }
            long number = Long.parseLong(text, start, i, 10);
            long unit = 1;
            if (i < text.length()) {
                unit = switch (text.charAt(i)) {
                    case 's' -> 1;
                    case 'm' -> 60;
                    case 'h' -> 3600;
                    case 'd' -> 86400;
                    case 'w' -> 7 * 86400;
                    default -> throw badDuration(text);
                };
                i++;
            } else if (any) {
                throw badDuration(text); // 1h30 is ambiguous
            }
            total += number * unit;
            any = true;
        }
        if (!any) {
            throw badDuration(text);
        }
        return total;
    }

    private static IpcException badDuration(String text) {
        return IpcException.failure("failed to parse duration: '" + text
                + "' (expected seconds, or numbers with s, m, h, d or w, such as 90s, 2h or 1d12h)");
    }
}
