// The kernel's System V IPC limits that tune changes: what each is, where it lives, which values it takes.
package dev.ipc.tune;

/**
 * Ranges are the ones the kernel should check and partly does not (measured on Linux 6.18): the three kernel.sem
 * fields other than SEMMNI take any int, negative ones included, so 1..2147483647 is ours. Values are held in a
 * long; SHMMAX and SHMALL are unsigned 64-bit and compared and printed as such.
 */
public enum Limit {
    SEMMSL("kernel.sem", 0, Range.POSITIVE_INT, "semaphores", "semaphores in one set",
            "the largest set"),
    SEMMNS("kernel.sem", 1, Range.POSITIVE_INT, "semaphores", "semaphores in all sets together",
            "semaphores in all sets"),
    SEMOPM("kernel.sem", 2, Range.POSITIVE_INT, "operations", "operations in one semop call", null),
    SEMMNI("kernel.sem", 3, Range.IDS, "sets", "semaphore sets", "sets"),
    MSGMAX("kernel.msgmax", -1, Range.INT, "bytes", "bytes in one message", null),
    MSGMNB("kernel.msgmnb", -1, Range.INT, "bytes", "bytes a new queue may hold (its msg_qbytes)", null),
    MSGMNI("kernel.msgmni", -1, Range.IDS, "queues", "message queues", "queues"),
    SHMMAX("kernel.shmmax", -1, Range.UNSIGNED_LONG, "bytes", "bytes in one segment", "the largest segment"),
    SHMALL("kernel.shmall", -1, Range.UNSIGNED_LONG, "pages", "pages in all segments together",
            "pages of all segments"),
    SHMMNI("kernel.shmmni", -1, Range.IDS, "segments", "shared memory segments", "segments");

    /** IPCMNI: the most ids of one kind, unless the kernel was booted with ipcmni_extend. */
    public static final long IPCMNI = 32768;
    public static final long IPCMNI_EXTENDED = 16777216;

    private final String key;
    private final int field;
    private final Range range;
    private final String unit;
    private final String meaning;
    private final String inUseMeaning;

    Limit(String key, int field, Range range, String unit, String meaning, String inUseMeaning) {
        this.key = key;
        this.field = field;
        this.range = range;
        this.unit = unit;
        this.meaning = meaning;
        this.inUseMeaning = inUseMeaning;
    }

    /** The sysctl key: kernel.sem for the four semaphore limits. */
    public String key() {
        return key;
    }

    /** The file under /proc/sys/kernel. */
    public String file() {
        return file(key);
    }

    /** The file under /proc/sys/kernel that holds a sysctl key: kernel.msgmax is msgmax. */
    public static String file(String key) {
        return key.substring("kernel.".length());
    }

    /** Position in kernel.sem (0..3), or -1 for a limit with a file of its own. */
    public int field() {
        return field;
    }

    public String option() {
        return "--" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /** What the IN USE column counts, or null where /proc/sysvipc cannot tell. */
    public String inUseMeaning() {
        return inUseMeaning;
    }

    public boolean unsigned() {
        return range == Range.UNSIGNED_LONG;
    }

    /** Whether sizes (64K, 1.5G) are accepted: the limits in bytes, and SHMALL (a size is bytes, turned to pages). */
    public boolean acceptsSizes() {
        return unit.equals("bytes") || this == SHMALL;
    }

    public long min() {
        return range == Range.POSITIVE_INT ? 1 : 0;
    }

    /** The largest value; ipcmni is IPCMNI or IPCMNI_EXTENDED, as the running kernel has it. */
    public long max(long ipcmni) {
        return switch (range) {
            case POSITIVE_INT, INT -> Integer.MAX_VALUE;
            case IDS -> ipcmni;
            case UNSIGNED_LONG -> -1L; // 2^64 - 1
        };
    }

    public String rangeText(long ipcmni) {
        String text = min() + ".." + format(max(ipcmni));
        if (range == Range.IDS) {
            text += ipcmni == IPCMNI ? " (IPCMNI; 16777216 when the kernel is booted with ipcmni_extend)"
                    : " (IPCMNI with ipcmni_extend)";
        }
        return text;
    }

    public int compare(long a, long b) {
        return unsigned() ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }

    public String format(long value) {
        return unsigned() ? Long.toUnsignedString(value) : Long.toString(value);
    }

    public boolean inRange(long value, long ipcmni) {
        return compare(value, min()) >= 0 && compare(value, max(ipcmni)) <= 0;
    }

    /** What programs meet once the limit is the given value. */
    public String consequence(long value) {
        String v = format(value);
        return switch (this) {
            case SEMMSL -> "semget of a set of more than " + v + " semaphores would fail with EINVAL";
            case SEMMNS -> "semget would fail with ENOSPC once " + v + " semaphores exist in all sets";
            case SEMOPM -> "semop with more than " + v + " operations in one call would fail with E2BIG";
            case SEMMNI -> "semget would fail with ENOSPC once " + v + " sets exist";
            case MSGMAX -> "msgsnd of a message longer than " + v + " bytes would fail with EINVAL";
            case MSGMNB -> "new queues would hold at most " + v + " bytes, and msgsnd would block (or fail with "
                    + "EAGAIN) once a queue holds that much";
            case MSGMNI -> "msgget would fail with ENOSPC once " + v + " queues exist";
            case SHMMAX -> "shmget of a segment larger than " + v + " bytes would fail with EINVAL";
            case SHMALL -> "shmget would fail with ENOSPC once all segments together hold " + v + " pages";
            case SHMMNI -> "shmget would fail with ENOSPC once " + v + " segments exist";
        };
    }

    /** What 0 means for the limits that take it. */
    public String atZero() {
        return switch (this) {
            case SEMMNI -> "no semaphore set can be created";
            case MSGMAX -> "msgsnd of any message with text would fail with EINVAL";
            case MSGMNB -> "a new queue holds no message, so msgsnd would block (or fail with EAGAIN)";
            case MSGMNI -> "no message queue can be created";
            case SHMMAX -> "no segment can be created (shmget fails with EINVAL)";
            case SHMALL -> "no segment can be created (shmget fails with ENOSPC)";
            case SHMMNI -> "no shared memory segment can be created";
            case SEMMSL, SEMMNS, SEMOPM -> "every semget or semop would fail";
        };
    }

    /** What breaks when the limit is the given value while this much is in use; the value is below it. */
    public String overUse(LimitUse.InUse inUse, long value) {
        String v = format(value);
        return inUse.description() + ", so " + switch (this) {
            case SEMMSL -> "a program that creates a set that large again would fail with EINVAL";
            case SEMMNS -> "semget would fail with ENOSPC until fewer than " + v + " semaphores exist";
            case SEMMNI -> "every semget that creates a set would fail with ENOSPC until fewer than " + v
                    + " exist";
            case MSGMNI -> "every msgget that creates a queue would fail with ENOSPC until fewer than " + v
                    + " exist";
            case SHMMAX -> "a program that creates a segment that large again would fail with EINVAL";
            case SHMALL -> "every shmget would fail with ENOSPC until they hold fewer than " + v + " pages";
            case SHMMNI -> "every shmget that creates a segment would fail with ENOSPC until fewer than " + v
                    + " exist";
            case SEMOPM, MSGMAX, MSGMNB -> consequence(value);
        };
    }

    private enum Range { POSITIVE_INT, INT, IDS, UNSIGNED_LONG }
}
