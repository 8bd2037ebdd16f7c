// Whether a pid the kernel recorded for an object (creator, last sender, last operator) is still that process.
package dev.ipc.state;

import dev.ipc.procfs.IpcUsers;

import java.util.OptionalLong;

/**
 * A pid is reused once its process has exited: a live process with that pid that started after the operation the
 * kernel recorded it for cannot have made it. The times are whole seconds and the boot time too, so a process
 * must have started more than a second after the operation to count as another one.
 */
public final class Operators {
    /** What became of a recorded pid. */
    public enum State {
        NEVER("never"), ALIVE("alive"), GONE("gone"), REUSED("gone (pid reused)");

        private final String word;

        State(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** Whether the process that did the operation still runs. */
        public boolean alive() {
            return this == ALIVE;
        }
    }

    private final IpcUsers users;

    public Operators(IpcUsers users) {
        this.users = users;
    }

    /** operationTime: when the kernel recorded the pid (seconds since the epoch), empty or 0 when unknown. */
    public State state(int pid, OptionalLong operationTime) {
        if (pid <= 0) {
            return State.NEVER;
        }
        if (users.process(pid).isEmpty()) {
            // not read by the scan: gone, or a process the scan does not list (hidden by hidepid)
            return users.exists(pid) ? State.ALIVE : State.GONE;
        }
        OptionalLong started = users.startTime(pid);
        if (started.isPresent() && operationTime.isPresent() && operationTime.getAsLong() > 0
                && started.getAsLong() > operationTime.getAsLong() + 1) {
            return State.REUSED;
        }
        return State.ALIVE;
    }

    /** The latest of the times that are known, or empty. */
    public static OptionalLong latest(OptionalLong... times) {
        long latest = -1;
        for (OptionalLong time : times) {
            if (time.isPresent()) {
                latest = Math.max(latest, time.getAsLong());
            }
        }
        return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    }
}
