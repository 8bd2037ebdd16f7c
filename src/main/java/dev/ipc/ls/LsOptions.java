// What one ls command line asks for: an immutable value, built once from its options in command-line order.
package dev.ipc.ls;

import dev.ipc.cli.CNumbers;
import dev.ipc.cli.IpcException;
import dev.ipc.render.IpcsRenderer.Format;
import dev.ipc.render.IpcsRenderer.Unit;

/**
 * @param id       -i as given, or null; {@link #objectId()} checks it
 * @param name     --name of a POSIX object, or null
 * @param format   ipcs's view: the last of -t, -p, -c, -l, -u
 * @param unit     ipcs's sizes: the last of -b, --human
 * @param columns  lsipc's columns: -o and what -t, -c, -p add
 * @param timeFormat --time-format as given, or null
 * @param lsipc    whether any option of lsipc's own was given, which switches to lsipc's output
 * @param allNamespaces -A: the listing of every IPC namespace, each under a heading
 * @param list     lsipc's --list (or -l in lsipc's output): a table even for one object
 * @param shellNames lsipc's --shell: column names usable as shell variables
 */
public record LsOptions(Kinds kinds, String id, String name, boolean orphans, Format format, Unit unit,
                        ColumnChoice columns, Output output, boolean headings, boolean numericPerms,
                        String timeFormat, boolean lsipc, boolean allNamespaces, boolean list,
                        boolean shellNames) {

    /** The same options for the listing of one namespace (-A lists each with them). */
    LsOptions inOneNamespace() {
        return new LsOptions(kinds, id, name, orphans, format, unit, columns, output, headings, numericPerms,
                timeFormat, lsipc, false, list, shellNames);
    }

    /** lsipc's forms of output; NEWLINE is --export with each pair on a line of its own. */
    public enum Output { TABLE, RAW, EXPORT, NEWLINE, JSON }

    /** What to list: System V kinds (-q, -m, -s), POSIX kinds (-Q, -M, -S), the limits table (-g). */
    record Kinds(boolean queues, boolean segments, boolean semaphores, boolean posixQueues, boolean posixShmems,
                 boolean posixSemaphores, boolean global) {
        int systemVCount() {
            return (queues ? 1 : 0) + (segments ? 1 : 0) + (semaphores ? 1 : 0);
        }

        int posixCount() {
            return (posixQueues ? 1 : 0) + (posixShmems ? 1 : 0) + (posixSemaphores ? 1 : 0);
        }

        /** Neither a System V nor a POSIX kind was named: the default, all three System V kinds. */
        boolean noneNamed() {
            return systemVCount() == 0 && posixCount() == 0;
        }
    }

    /**
     * The columns of a structured listing.
     *
     * @param list the -o list as given (+LIST adds to the defaults), or null
     */
    record ColumnChoice(String list, boolean time, boolean creator, boolean pid) {
    }

    /** -i as a number, checked to name one System V kind and nothing else; null without -i. */
    Integer objectId() {
        if (id == null) {
            return null;
        }
        int objectId = parseId(id);
        if (kinds.systemVCount() != 1 || kinds.posixCount() > 0) {
            throw IpcException.failure("when using an ID, a single resource must be specified");
        }
        return objectId;
    }

    /** As ipcs: strtos32_or_err, so leading blanks and a sign are taken, trailing ones and other digits are not. */
    private static int parseId(String text) {
        return CNumbers.strtos32OrFail(text, "failed to parse id argument");
    }

    /** Takes the options as a parser meets them: as in ipcs, the last format and unit given win. */
    public static final class Builder {
        private boolean queues;
        private boolean segments;
        private boolean semaphores;
        private boolean posixQueues;
        private boolean posixShmems;
        private boolean posixSemaphores;
        private boolean global;
        private String id;
        private String name;
        private boolean orphans;
        private Format format = Format.DEFAULT;
        private Unit unit = Unit.DEFAULT;
        private String columnList;
        private boolean time;
        private boolean creator;
        private boolean pid;
        private Output output = Output.TABLE;
        private boolean headings = true;
        private boolean numericPerms;
        private String timeFormat;
        private boolean lsipc;
        private boolean allNamespaces;
        private boolean dashL;
        private boolean list;
        private boolean shellNames;

        /** One option as given; value is null for a flag. */
        public Builder apply(LsOption option, String value) {
            lsipc |= option.lsipc();
            switch (option) {
                case ID -> id = value;
                case QUEUES -> queues = true;
                case SEGMENTS -> segments = true;
                case SEMAPHORES -> semaphores = true;
                case ALL -> queues = segments = semaphores = true;
                case TIME -> {
                    format = Format.TIME;
                    time = true;
                }
                case PID -> {
                    format = Format.PID;
                    pid = true;
                }
                case CREATOR -> {
                    format = Format.CREATOR;
                    creator = true;
                }
                case LIMITS -> {
                    format = Format.LIMITS;
                    dashL = true;
                }
                case SUMMARY -> format = Format.SUMMARY;
                case BYTES -> unit = Unit.BYTES;
                case HUMAN -> unit = Unit.HUMAN;
                case GLOBAL -> global = true;
                case POSIX_QUEUES -> posixQueues = true;
                case POSIX_SHMEMS -> posixShmems = true;
                case POSIX_SEMAPHORES -> posixSemaphores = true;
                case POSIX -> posixQueues = posixShmems = posixSemaphores = true;
                case NAME -> name = value;
                case JSON -> output = Output.JSON;
                case EXPORT -> output = Output.EXPORT;
                case RAW -> output = Output.RAW;
                case NEWLINE -> output = Output.NEWLINE;
                case LIST -> list = true;
                case SHELL -> shellNames = true;
                case NOHEADINGS -> headings = false;
                case OUTPUT -> columnList = value;
                case NUMERIC_PERMS -> numericPerms = true;
                case TIME_FORMAT -> timeFormat = value;
                case NOTRUNCATE -> {
                    // nothing is ever truncated: the option only asks for lsipc's output
                }
                case ORPHANS -> orphans = true;
                case ALL_NAMESPACES -> allNamespaces = true;
            }
            return this;
        }

        /** In lsipc's output -l is lsipc's --list, not ipcs's --limits. */
        public LsOptions build() {
            boolean listing = list || (lsipc && dashL);
            Format view = lsipc && dashL && format == Format.LIMITS ? Format.DEFAULT : format;
            return new LsOptions(
                    new Kinds(queues, segments, semaphores, posixQueues, posixShmems, posixSemaphores, global),
                    id, name, orphans, view, unit, new ColumnChoice(columnList, time, creator, pid), output,
                    headings, numericPerms, timeFormat, lsipc, allNamespaces, listing, shellNames);
        }
    }
}
