// ls's options, once each: names, value label, help text, and whether the option asks for lsipc's output.
package dev.ipc.ls;

/** In the order help lists them. */
public enum LsOption {
    ID("ID", "Show details of the object with this id; needs exactly one of -q, -m, -s.", false, "-i", "--id"),
    QUEUES(null, "Message queues.", false, "-q", "--queues"),
    SEGMENTS(null, "Shared memory segments.", false, "-m", "--shmems"),
    SEMAPHORES(null, "Semaphore sets.", false, "-s", "--semaphores"),
    ALL(null, "All three (the default).", false, "-a", "--all"),
    TIME(null, "Show attach, detach and change times. The last of -t, -p, -c, -l, -u wins.", false, "-t", "--time"),
    PID(null, "Show creator and last operation PIDs.", false, "-p", "--pid"),
    CREATOR(null, "Show creator and owner.", false, "-c", "--creator"),
    LIMITS(null, "Show the kernel's limits; in lsipc's output -l is lsipc's --list.", false, "-l", "--limits"),
    SUMMARY(null, "Show a summary of what is in use.", false, "-u", "--summary"),
    BYTES(null, "Show sizes in bytes.", false, "-b", "--bytes"),
    HUMAN(null, "Show sizes in a human-readable form (1K, 2.5M).", false, "--human"),
    GLOBAL(null, "lsipc's table of every limit with how much of it is in use (with -q, -m, -s: of those).", true,
            "-g", "--global"),
    POSIX_QUEUES(null, "POSIX message queues (/dev/mqueue).", true, "-Q", "--posix-mqueues"),
    POSIX_SHMEMS(null, "POSIX shared memory objects (/dev/shm).", true, "-M", "--posix-shmems"),
    POSIX_SEMAPHORES(null, "POSIX named semaphores (/dev/shm/sem.*).", true, "-S", "--posix-semaphores"),
    POSIX(null, "All three POSIX kinds.", true, "--posix"),
    NAME("NAME", "Only the POSIX object of this name (with one of -Q, -M, -S).", true, "-N", "--name"),
    JSON(null, "JSON output: numbers as numbers, sizes in bytes, times in ISO 8601.", true, "-J", "--json"),
    EXPORT(null, "NAME=\"value\" pairs, one object a line.", true, "-e", "--export"),
    RAW(null, "Unaligned columns, blanks escaped.", true, "-r", "--raw"),
    NEWLINE(null, "NAME=\"value\" pairs, each on a line of its own.", true, "-n", "--newline"),
    LIST(null, "A table even for one object (-i), whose details are otherwise shown a line each.", true, "--list"),
    SHELL(null, "Column names usable as shell variables (USE_PCT for the percentage column).", true, "-y", "--shell"),
    NOHEADINGS(null, "No heading line.", true, "--noheadings"),
    OUTPUT("LIST", "The columns to show, comma-separated; +LIST adds them to the defaults.", true, "-o", "--output"),
    NUMERIC_PERMS(null, "Permissions in octal (0644).", true, "-P", "--numeric-perms"),
    TIME_FORMAT("FORMAT", "Times as short, full or iso (default: short; full for one object; JSON is always iso).",
            true, "--time-format"),
    NOTRUNCATE(null, "Accepted for lsipc; nothing is truncated.", true, "--notruncate"),
    ORPHANS(null, "Only objects no live process uses, as 'ipc rm --all --orphans' chooses them.", false,
            "--orphans"),
    ALL_NAMESPACES(null, "Every IPC namespace a process or a bind mount holds (needs root): ipcs's text under a "
            + "heading naming each, lsipc's outputs with a NAMESPACE column first, JSON a member per namespace.",
            false, "-A", "--all-namespaces");

    private final String valueLabel;
    private final String description;
    private final boolean lsipc;
    private final String[] names;

    LsOption(String valueLabel, String description, boolean lsipc, String... names) {
        this.valueLabel = valueLabel;
        this.description = description;
        this.lsipc = lsipc;
        this.names = names;
    }

    /** The option with this name (-q, --queues), or null. */
    public static LsOption named(String name) {
        for (LsOption option : values()) {
            for (String each : option.names) {
                if (each.equals(name)) {
                    return option;
                }
            }
        }
        return null;
    }

    public boolean takesValue() {
        return valueLabel != null;
    }

    /** The value's name in help, or null for a flag. */
    String valueLabel() {
        return valueLabel;
    }

    String description() {
        return description;
    }

    /** Whether giving it switches the listing from ipcs's output to lsipc's. */
    boolean lsipc() {
        return lsipc;
    }

    String[] names() {
        return names.clone();
    }
}
