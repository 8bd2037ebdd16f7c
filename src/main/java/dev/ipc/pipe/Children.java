// The processes a demo starts: each started with posix_spawn and explicit file actions, each reaped with
// waitpid before the demo ends, however it ends.
package dev.ipc.pipe;

import dev.ipc.cli.IpcException;
import dev.ipc.model.WaitStatus;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Native;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.Posix;
import dev.ipc.libc.Spawn.FileAction;
import dev.ipc.libc.Spawn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Children implements AutoCloseable {
    /** The child keeps 0, 1 and 2; everything from here up is closed in it before execve. */
    private static final int FIRST_CLOSED = 3;

    /** What a child gets: file actions, each with its meaning for the trace, and environment changes. */
    static final class Setup {
        private final List<FileAction> actions = new ArrayList<>();
        private final Map<FileAction, String> notes = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        Setup dup2(int fd, int newFd, String note) {
            return add(new Spawn.Dup2(fd, newFd), note);
        }

        Setup close(int fd, String note) {
            return add(new Spawn.Close(fd), note);
        }

        Setup environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        private Setup add(FileAction action, String note) {
            actions.add(action);
            notes.put(action, note);
            return this;
        }
    }

    static final class Child {
        final int pid;
        final String role;
        final Program program;
        private final int pidfd;
        private WaitStatus status;
        private boolean killed;

        private Child(int pid, String role, Program program, int pidfd) {
            this.pid = pid;
            this.role = role;
            this.program = program;
            this.pidfd = pidfd;
        }

        /** The status waitpid gave, or null while the child has not been reaped. */
        WaitStatus status() {
            return status;
        }

        /** True when the demo killed it because it outlived the deadline. */
        boolean killed() {
            return killed;
        }

        @Override
        public String toString() {
            return role + " (" + program.name() + ", pid " + pid + ")";
        }
    }

    private final Trace trace;
    private final Map<String, String> environment;
    private final List<Child> children = new ArrayList<>();

    /** environment: what every child gets, with its setup's changes. */
    Children(Trace trace, Map<String, String> environment) {
        this.trace = trace;
        this.environment = environment;
    }

    /**
     * Starts the program with the setup's file actions, then closes in the child every descriptor from 3 up:
     * a JVM holds about twenty (its modules, jars, a socket) that are not close-on-exec, and whatever this
     * process inherited would otherwise be handed on too.
     */
    Child spawn(String role, Program program, Setup setup) {
        List<FileAction> actions = new ArrayList<>(setup.actions);
        actions.add(new Spawn.CloseFrom(FIRST_CLOSED));
        List<String> environment = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>(this.environment);
        variables.putAll(setup.environment);
        for (Map.Entry<String, String> variable : variables.entrySet()) { // no lambda: see PipeIo
            environment.add(variable.getKey() + "=" + variable.getValue());
        }

        Spawn.Started started;
        try {
            started = Spawn.start(program.path(), program.argv(), environment, actions);
        } catch (NativeCallException e) {
            // as the shell reports an execve that failed: 127 for a program that is gone, 126 for the rest
            throw new IpcException(program.path() + ": " + e.description(),
                    e.errno() == Errno.ENOENT ? Program.NOT_FOUND : Program.NOT_EXECUTABLE, e);
        }
        int pid = started.pid();
        // The pid stays ours (a zombie at worst) until waitpid, so this pidfd cannot name another process.
        // Without one (no descriptor left, a kernel before 5.3) waits cannot time out, but still reap.
        Child child = new Child(pid, role, program, Posix.pidfdOpen(pid));
        children.add(child);

        trace.parent("posix_spawn([" + pid + "], " + Trace.quote(program.path()) + ", "
                        + Trace.argv(program.argv()) + ", envp) = 0",
                "stands in for fork() + execve(): " + role + " runs the calls below, then the program");
        for (FileAction action : started.actions()) {
            String note = setup.notes.get(action);
            if (action instanceof Spawn.Dup2 dup2) {
                trace.child(pid, "dup2(" + dup2.fd() + ", " + dup2.newFd() + ") = " + dup2.newFd(), note);
            } else if (action instanceof Spawn.Close close) {
                trace.child(pid, "close(" + close.fd() + ") = 0",
                        note != null ? note : "a descriptor of this JVM the child must not have");
            } else if (action instanceof Spawn.CloseFrom from) {
                trace.child(pid, "close_range(" + from.fd() + ", ~0U, 0) = 0",
                        "closefrom(" + from.fd() + "): the child keeps only what fds 0, 1 and 2 now are");
            }
        }
        trace.child(pid, "execve(" + Trace.quote(program.path()) + ", " + Trace.argv(program.argv())
                + ", envp) = 0", null);
        return child;
    }

    /**
     * waitpid for the child. Past the deadline the child is killed first (SIGKILL) and the wait goes on: it
     * is reaped in any case, never left a zombie.
     */
    WaitStatus await(Child child, Deadline deadline) {
        if (child.status != null) {
            return child.status;
        }
        if (child.pidfd >= 0 && Posix.poll(child.pidfd, FileConstants.POLLIN, deadline.remainingMillis()) == 0) {
            kill(child, "still running after " + deadline.limit() + ": the demo stops it");
        }
        WaitStatus status = new WaitStatus(Posix.waitpid(child.pid));
        child.status = status;
        closePidfd(child);
        trace.parent("waitpid(" + child.pid + ", " + Trace.status(status) + ", 0) = " + child.pid,
                child.role + " " + Trace.describe(status));
        return status;
    }

    /** True when the child has ended (it may not be reaped yet). */
    boolean ended(Child child) {
        return child.status != null || (child.pidfd >= 0 && Posix.poll(child.pidfd, FileConstants.POLLIN, 0) != 0);
    }

    private void kill(Child child, String why) {
        child.killed = true;
        int result = Native.libc().kill(child.pid, Posix.SIGKILL);
        trace.parent("kill(" + child.pid + ", SIGKILL) = " + Trace.result(result, result == 0 ? 0 : Native.errno()),
                why);
    }

    private void closePidfd(Child child) {
        if (child.pidfd >= 0) {
            Native.libc().close(child.pidfd);
        }
    }

    /** Every child started, in the order started. */
    List<Child> all() {
        return List.copyOf(children);
    }

    /** Kills and reaps every child not reaped yet: no zombie and no stray process outlives the demo. */
    @Override
    public void close() {
        for (Child child : children) {
            if (child.status == null) {
                if (!ended(child)) {
                    kill(child, "the demo is over: no child outlives it");
                }
                await(child, Deadline.NONE);
            }
        }
    }
}
