// The limits three products' installation guides ask for, computed as each guide gives the formula.
package dev.ipc.tune;

import dev.ipc.render.HumanSize;

import java.util.EnumMap;
import java.util.Locale;

/**
 * Each guide states minimums; tune takes the higher of a guide's value and the current one, so a preset never
 * lowers a limit. Sources, as the help names them:
 * PostgreSQL 16 documentation, 19.4.1 "Shared Memory and Semaphores" (the table of System V IPC parameters);
 * Oracle Database 23ai Installation Guide for Linux, "Minimum Parameter Settings for Installation";
 * IBM Db2 11.5 documentation, "Kernel parameter requirements (Linux)" (enforced minimum settings).
 */
public enum Preset {
    POSTGRESQL("PostgreSQL 16 documentation, section 19.4.1 Shared Memory and Semaphores"),
    ORACLE("Oracle Database 23ai Installation Guide for Linux, Minimum Parameter Settings for Installation"),
    DB2("IBM Db2 11.5 documentation, Kernel parameter requirements (Linux)");

    /** PostgreSQL's defaults for autovacuum_max_workers, max_wal_senders and max_worker_processes, plus 7. */
    static final long POSTGRESQL_OTHER_PROCESSES = 3 + 10 + 8 + 7;
    /** PostgreSQL's own upper bound on max_connections. */
    public static final long POSTGRESQL_MAX_CONNECTIONS = 262143;

    private static final long GIB = 1L << 30;

    private final String source;

    Preset(String source) {
        this.source = source;
    }

    /**
     * @param connections PostgreSQL's max_connections (0 for the others)
     * @param ram         bytes of memory the guide's formulas take
     */
    public record Inputs(long connections, long ram, long pageSize, long ipcmni) {
    }

    public String source() {
        return source;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Preset named(String name) {
        for (Preset preset : values()) {
            if (preset.label().equals(name)) {
                return preset;
            }
        }
        return null;
    }

    public boolean needsConnections() {
        return this == POSTGRESQL;
    }

    public boolean usesRam() {
        return this != POSTGRESQL;
    }

    /** What the values are for, in a line: "PostgreSQL with max_connections 200". */
    public String describe(Inputs in) {
        return switch (this) {
            case POSTGRESQL -> "PostgreSQL with max_connections " + in.connections();
            case ORACLE -> "Oracle Database with " + HumanSize.format(in.ram()) + " of memory (" + in.ram()
                    + " bytes)";
            case DB2 -> "Db2 with " + HumanSize.format(in.ram()) + " of memory (" + gigabytes(in.ram())
                    + " GB in its formulas)";
        };
    }

    /** The guide's values for the group's limits; empty when the guide asks nothing of them. */
    public EnumMap<Limit, Long> guide(LimitGroup group, Inputs in) {
        EnumMap<Limit, Long> guide = new EnumMap<>(Limit.class);
        switch (this) {
            case POSTGRESQL -> {
                if (group == LimitGroup.SEM) {
                    // ceil((max_connections + autovacuum_max_workers + max_wal_senders + max_worker_processes + 7)
                    // / 16) sets of 17 semaphores each
                    long sets = ceilDiv(in.connections() + POSTGRESQL_OTHER_PROCESSES, 16);
                    guide.put(Limit.SEMMSL, 17L);
                    guide.put(Limit.SEMMNS, sets * 17);
                    guide.put(Limit.SEMMNI, sets);
                }
            }
            case ORACLE -> {
                if (group == LimitGroup.SEM) {
                    guide.put(Limit.SEMMSL, 250L);
                    guide.put(Limit.SEMMNS, 32000L);
                    guide.put(Limit.SEMOPM, 100L);
                    guide.put(Limit.SEMMNI, 128L);
                } else if (group == LimitGroup.SHM) {
                    long shmmax = in.ram() / 2; // half the physical memory
                    guide.put(Limit.SHMMAX, shmmax);
                    guide.put(Limit.SHMALL, ceilDiv(shmmax, in.pageSize())); // at least SHMMAX, in pages
                    guide.put(Limit.SHMMNI, 4096L);
                }
            }
            case DB2 -> {
                long gb = gigabytes(in.ram());
                switch (group) {
                    case SEM -> {
                        long semmni = Math.min(256 * gb, in.ipcmni());
                        guide.put(Limit.SEMMSL, 250L);
                        guide.put(Limit.SEMMNS, Math.max(semmni, 256000));
                        guide.put(Limit.SEMOPM, 32L);
                        guide.put(Limit.SEMMNI, semmni);
                    }
                    case MSG -> {
                        guide.put(Limit.MSGMAX, 65536L);
                        guide.put(Limit.MSGMNB, 65536L);
                        guide.put(Limit.MSGMNI, Math.min(1024 * gb, in.ipcmni()));
                    }
                    case SHM -> {
                        guide.put(Limit.SHMMAX, in.ram());
                        guide.put(Limit.SHMALL, 2 * (in.ram() / in.pageSize()));
                        guide.put(Limit.SHMMNI, Math.min(256 * gb, in.ipcmni()));
                    }
                }
            }
        }
        return guide;
    }

    /** Db2's "size of RAM in GB": whole GiB, rounded up, at least 1. */
    static long gigabytes(long ram) {
        return Math.max(1, ceilDiv(ram, GIB));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
