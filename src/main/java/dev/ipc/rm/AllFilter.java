// Narrows --all to the objects an administrator means: an owner's, old ones, or those no live process uses.
package dev.ipc.rm;

import dev.ipc.cli.Accounts;
import dev.ipc.cli.Durations;
import dev.ipc.cli.IpcException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * @param owner     only objects whose owner (not creator) has this uid
 * @param olderThan only objects whose last change (creation or IPC_SET; a POSIX object's file ctime) is at
 *                  least this many seconds ago
 * @param orphans   only objects no live process is known to use (see {@link Orphans})
 * @param protection keys, ids and names never removed by --all
 */
record AllFilter(OptionalLong owner, OptionalLong olderThan, boolean orphans, Protection protection) {
    static final AllFilter NONE = new AllFilter(OptionalLong.empty(), OptionalLong.empty(), false);

    AllFilter(OptionalLong owner, OptionalLong olderThan, boolean orphans) {
        this(owner, olderThan, orphans, Protection.NONE);
    }

    boolean any() {
        return owner.isPresent() || olderThan.isPresent() || orphans || !protection.entries().isEmpty();
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
        private final List<String> protect = new ArrayList<>();
        private String protectOption;

        void protect(String text) {
            if (text.isEmpty()) {
                throw IpcException.failure("--protect: '' names no key, id or name");
            }
            protect.add(text);
            protectOption = protectOption == null ? "--protect" : protectOption;
        }

        void protectFile(String file) {
            protect.addAll(Protection.read(file));
            protectOption = protectOption == null ? "--protect-file" : protectOption;
        }

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
                    : orphans ? "--orphans" : protectOption;
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
                    orphans, new Protection(List.copyOf(protect)));
        }
    }

    /** Whole seconds, as change times are kept. */
    static long seconds(String text) {
        return asIpcrm(() -> Durations.nanos("--older-than", text) / 1_000_000_000L);
    }

    /** The shared message, with ipcrm's exit status: it exits 1 for every error, bad usage included. */
    private static long asIpcrm(LongSupplier parse) {
        try {
            return parse.getAsLong();
        } catch (IpcException e) {
            throw IpcException.failure(e.getMessage());
        }
    }

    /** A user name, or a uid in decimal. */
    static long uid(String text) {
        return asIpcrm(() -> Accounts.uid("--owner", text));
    }
}
