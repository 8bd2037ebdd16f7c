// Every column a structured listing can show, described once: name, meaning, kind and where it applies
// (lsipc's names, so that -o lists written for lsipc keep working).
package dev.ipc.ls;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static dev.ipc.ls.Listing.GLOBAL;
import static dev.ipc.ls.Listing.POSIX_QUEUES;
import static dev.ipc.ls.Listing.POSIX_SEMAPHORES;
import static dev.ipc.ls.Listing.POSIX_SHMEMS;
import static dev.ipc.ls.Listing.QUEUES;
import static dev.ipc.ls.Listing.SEGMENTS;
import static dev.ipc.ls.Listing.SEMAPHORES;

enum Column {
    // Alignment, and the name lsipc prints for one object (-i), as lsipc 2.38's table of columns has them.
    KEY("Resource key", "Key", Kind.TEXT, Align.LEFT, Scope.SYSTEM_V),
    ID("Resource ID", "ID", Kind.NUMBER, Align.LEFT, Scope.SYSTEM_V),
    NAME("POSIX object name", "Name", Kind.TEXT, Align.LEFT, Scope.POSIX),
    OWNER("Owner's username or UID", "Owner", Kind.TEXT, Align.RIGHT, Scope.OBJECTS),
    PERMS("Permissions", "Permissions", Kind.PERMS, Align.RIGHT, Scope.OBJECTS),
    CUID("Creator UID", "Creator UID", Kind.NUMBER, Align.RIGHT, Scope.OBJECTS),
    CUSER("Creator user", "Creator user", Kind.TEXT, Align.LEFT, Scope.OBJECTS),
    CGID("Creator GID", "Creator GID", Kind.NUMBER, Align.RIGHT, Scope.OBJECTS),
    CGROUP("Creator group", "Creator group", Kind.TEXT, Align.LEFT, Scope.OBJECTS),
    UID("User ID", "UID", Kind.NUMBER, Align.RIGHT, Scope.OBJECTS),
    USER("User name", "User name", Kind.TEXT, Align.LEFT, Scope.OBJECTS),
    GID("Group ID", "GID", Kind.NUMBER, Align.RIGHT, Scope.OBJECTS),
    GROUP("Group name", "Group name", Kind.TEXT, Align.LEFT, Scope.OBJECTS),
    CTIME("Time of the last change", "Last change", Kind.TIME, Align.RIGHT, Scope.SYSTEM_V),
    MTIME("Time of the last modification", "Last action", Kind.TIME, Align.RIGHT, Scope.POSIX),
    PROCS("Processes that attach or wait on it, as ipc who finds them", "Processes", Kind.TEXT, Align.LEFT,
            Scope.SYSTEM_V),
    REASON("Why it is, or is not, an orphan (shown with --orphans)", "Reason", Kind.TEXT, Align.LEFT,
            Scope.SYSTEM_V),

    SIZE("Segment size", "Segment size", Kind.SIZE, Align.RIGHT, EnumSet.of(SEGMENTS, POSIX_SHMEMS)),
    NATTCH("Number of attached processes", "Attached processes", Kind.NUMBER, Align.RIGHT, EnumSet.of(SEGMENTS)),
    STATUS("Status", "Status", Kind.TEXT, Align.LEFT, EnumSet.of(SEGMENTS)),
    ATTACH("Attach time", "Attach time", Kind.TIME, Align.RIGHT, EnumSet.of(SEGMENTS)),
    DETACH("Detach time", "Detach time", Kind.TIME, Align.RIGHT, EnumSet.of(SEGMENTS)),
    COMMAND("Creator command line", "Creator command", Kind.TEXT, Align.LEFT, EnumSet.of(SEGMENTS)),
    CPID("PID of the creator", "Creator PID", Kind.NUMBER, Align.RIGHT, EnumSet.of(SEGMENTS)),
    LPID("PID of last user", "Last user PID", Kind.NUMBER, Align.RIGHT, EnumSet.of(SEGMENTS)),

    USEDBYTES("Bytes used", "Bytes used", Kind.SIZE, Align.RIGHT, EnumSet.of(QUEUES, POSIX_QUEUES)),
    MSGS("Number of messages", "Messages", Kind.NUMBER, Align.LEFT, EnumSet.of(QUEUES, POSIX_QUEUES)),
    SEND("Time of last msg sent", "Msg sent", Kind.TIME, Align.RIGHT, EnumSet.of(QUEUES)),
    RECV("Time of last msg received", "Msg received", Kind.TIME, Align.RIGHT, EnumSet.of(QUEUES)),
    LSPID("PID of the last msg sender", "Msg sender", Kind.NUMBER, Align.RIGHT, EnumSet.of(QUEUES)),
    LRPID("PID of the last msg receiver", "Msg receiver", Kind.NUMBER, Align.RIGHT, EnumSet.of(QUEUES)),
    MAXMSGS("Queue capacity in messages (mq_maxmsg)", "Capacity", Kind.NUMBER, Align.RIGHT,
            EnumSet.of(POSIX_QUEUES)),
    MSGSIZE("Largest message (mq_msgsize)", "Message size", Kind.SIZE, Align.RIGHT, EnumSet.of(POSIX_QUEUES)),

    NSEMS("Number of semaphores", "Semaphores", Kind.NUMBER, Align.RIGHT, EnumSet.of(SEMAPHORES)),
    OTIME("Time of the last operation", "Last operation", Kind.TIME, Align.RIGHT, EnumSet.of(SEMAPHORES)),
    SVAL("Semaphore value", "Value", Kind.NUMBER, Align.RIGHT, EnumSet.of(POSIX_SEMAPHORES)),

    RESOURCE("Resource name", "Resource", Kind.TEXT, Align.LEFT, EnumSet.of(GLOBAL)),
    DESCRIPTION("Resource description", "Description", Kind.TEXT, Align.LEFT, EnumSet.of(GLOBAL)),
    LIMIT("System-wide limit", "Limit", Kind.SIZE, Align.RIGHT, EnumSet.of(GLOBAL)),
    USED("Currently used", "Used", Kind.NUMBER, Align.RIGHT, EnumSet.of(GLOBAL)),
    USE_PERCENT("USE%", "Currently use percentage", "Use", Kind.PERCENT, Align.RIGHT, EnumSet.of(GLOBAL));

    /** How a value is printed: sizes in human form unless --bytes, times by --time-format, and so on. */
    enum Kind { TEXT, NUMBER, SIZE, TIME, PERMS, PERCENT }

    private enum Align { LEFT, RIGHT }

    private static final class Scope {
        static final Set<Listing> SYSTEM_V = EnumSet.of(QUEUES, SEGMENTS, SEMAPHORES);
        static final Set<Listing> POSIX = EnumSet.of(POSIX_QUEUES, POSIX_SHMEMS, POSIX_SEMAPHORES);
        static final Set<Listing> OBJECTS = EnumSet.complementOf(EnumSet.of(GLOBAL));
    }

    private final String header;
    private final String help;
    private final String label;
    private final Kind kind;
    private final boolean right;
    private final Set<Listing> appliesTo;

    Column(String help, String label, Kind kind, Align align, Set<Listing> appliesTo) {
        this(null, help, label, kind, align, appliesTo);
    }

    Column(String header, String help, String label, Kind kind, Align align, Set<Listing> appliesTo) {
        this.header = header == null ? name() : header;
        this.help = help;
        this.label = label;
        this.kind = kind;
        this.right = align == Align.RIGHT;
        this.appliesTo = appliesTo;
    }

    /** The name in table headings and in -o lists. */
    String header() {
        return header;
    }

    /** The key in --json output: the heading in lower case, as lsipc writes it. */
    String jsonKey() {
        return header.toLowerCase(Locale.ROOT);
    }

    /** What lsipc calls it in the details of one object (-i): "Last change:". */
    String label() {
        return label;
    }

    /** A name usable as a shell variable (--shell): USE% becomes USE_PCT. */
    String exportName() {
        return this == USE_PERCENT ? "USE_PCT" : header;
    }

    String help() {
        return help;
    }

    Kind kind() {
        return kind;
    }

    boolean appliesTo(Listing listing) {
        return appliesTo.contains(listing);
    }

    boolean rightAligned() {
        return right;
    }

    /** Whether lsipc has it: ipc's own columns are left out of the details of one object. */
    boolean lsipc() {
        return this != PROCS && this != REASON && this != MAXMSGS && this != MSGSIZE;
    }

    /** The column named by an -o entry (any case), or null. */
    static Column byHeader(String name) {
        for (Column column : values()) {
            if (column.header.equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }
}
