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
    KEY("Resource key", Kind.TEXT, Scope.SYSTEM_V),
    ID("Resource ID", Kind.NUMBER, Scope.SYSTEM_V),
    NAME("POSIX object name", Kind.TEXT, Scope.POSIX),
    OWNER("Owner's username or UID", Kind.TEXT, Scope.OBJECTS),
    PERMS("Permissions", Kind.PERMS, Scope.OBJECTS),
    CUID("Creator UID", Kind.NUMBER, Scope.SYSTEM_V),
    CUSER("Creator user", Kind.TEXT, Scope.SYSTEM_V),
    CGID("Creator GID", Kind.NUMBER, Scope.SYSTEM_V),
    CGROUP("Creator group", Kind.TEXT, Scope.SYSTEM_V),
    UID("User ID", Kind.NUMBER, Scope.OBJECTS),
    USER("User name", Kind.TEXT, Scope.OBJECTS),
    GID("Group ID", Kind.NUMBER, Scope.OBJECTS),
    GROUP("Group name", Kind.TEXT, Scope.OBJECTS),
    CTIME("Time of the last change", Kind.TIME, Scope.SYSTEM_V),
    MTIME("Time of the last modification", Kind.TIME, Scope.POSIX),
    PROCS("Processes that attach or wait on it, as ipc who finds them", Kind.TEXT, Scope.SYSTEM_V),
    REASON("Why it is, or is not, an orphan (shown with --orphans)", Kind.TEXT, Scope.SYSTEM_V),

    SIZE("Segment size", Kind.SIZE, EnumSet.of(SEGMENTS, POSIX_SHMEMS)),
    NATTCH("Number of attached processes", Kind.NUMBER, EnumSet.of(SEGMENTS)),
    STATUS("Status", Kind.TEXT, EnumSet.of(SEGMENTS)),
    ATTACH("Attach time", Kind.TIME, EnumSet.of(SEGMENTS)),
    DETACH("Detach time", Kind.TIME, EnumSet.of(SEGMENTS)),
    COMMAND("Creator command line", Kind.TEXT, EnumSet.of(SEGMENTS)),
    CPID("PID of the creator", Kind.NUMBER, EnumSet.of(SEGMENTS)),
    LPID("PID of last user", Kind.NUMBER, EnumSet.of(SEGMENTS)),

    USEDBYTES("Bytes used", Kind.SIZE, EnumSet.of(QUEUES, POSIX_QUEUES)),
    MSGS("Number of messages", Kind.NUMBER, EnumSet.of(QUEUES, POSIX_QUEUES)),
    SEND("Time of last msg sent", Kind.TIME, EnumSet.of(QUEUES)),
    RECV("Time of last msg received", Kind.TIME, EnumSet.of(QUEUES)),
    LSPID("PID of the last msg sender", Kind.NUMBER, EnumSet.of(QUEUES)),
    LRPID("PID of the last msg receiver", Kind.NUMBER, EnumSet.of(QUEUES)),
    MAXMSGS("Queue capacity in messages (mq_maxmsg)", Kind.NUMBER, EnumSet.of(POSIX_QUEUES)),
    MSGSIZE("Largest message (mq_msgsize)", Kind.SIZE, EnumSet.of(POSIX_QUEUES)),

    NSEMS("Number of semaphores", Kind.NUMBER, EnumSet.of(SEMAPHORES)),
    OTIME("Time of the last operation", Kind.TIME, EnumSet.of(SEMAPHORES)),
    SVAL("Semaphore value", Kind.NUMBER, EnumSet.of(POSIX_SEMAPHORES)),

    RESOURCE("Resource name", Kind.TEXT, EnumSet.of(GLOBAL)),
    DESCRIPTION("Resource description", Kind.TEXT, EnumSet.of(GLOBAL)),
    LIMIT("System-wide limit", Kind.SIZE, EnumSet.of(GLOBAL)),
    USED("Currently used", Kind.NUMBER, EnumSet.of(GLOBAL)),
    USE_PERCENT("USE%", "Currently use percentage", Kind.PERCENT, EnumSet.of(GLOBAL));

    /** How a value is printed: sizes in human form unless --bytes, times by --time-format, and so on. */
    enum Kind { TEXT, NUMBER, SIZE, TIME, PERMS, PERCENT }

    private static final class Scope {
        static final Set<Listing> SYSTEM_V = EnumSet.of(QUEUES, SEGMENTS, SEMAPHORES);
        static final Set<Listing> POSIX = EnumSet.of(POSIX_QUEUES, POSIX_SHMEMS, POSIX_SEMAPHORES);
        static final Set<Listing> OBJECTS = EnumSet.complementOf(EnumSet.of(GLOBAL));
    }

    private final String header;
    private final String help;
    private final Kind kind;
    private final Set<Listing> appliesTo;

    Column(String help, Kind kind, Set<Listing> appliesTo) {
        this(null, help, kind, appliesTo);
    }

    Column(String header, String help, Kind kind, Set<Listing> appliesTo) {
        this.header = header == null ? name() : header;
        this.help = help;
        this.kind = kind;
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

    /** A name usable as a shell variable, for --export: USE% becomes USE_PCT. */
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
        return kind == Kind.NUMBER || kind == Kind.SIZE || kind == Kind.PERCENT;
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
