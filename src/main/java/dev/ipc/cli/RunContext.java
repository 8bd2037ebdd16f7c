// What one command line runs with: its writers, the terminal, the environment, the system paths and the reads
// started ahead of it. The command tree makes one per run and the commands reach it from their CommandSpec.
package dev.ipc.cli;

import dev.ipc.procfs.Prefetch;
import dev.ipc.procfs.SystemPaths;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;

/** Nothing here is static: two command lines run in one JVM (tests, the training run) never share a context. */
public final class RunContext {
    /** The root command holds the context of its run, so that every command of the tree reaches it. */
    public interface Holder {
        RunContext runContext();
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean processStreams;
    private final Terminal terminal;
    private final Map<String, String> environment;
    private final Prefetch prefetch;
    /** The IPC namespace --ns named, which this run's thread entered; null for the process's own. */
    private final NamespaceTarget namespace;
    /** Made on first use: most commands never look at a path. */
    private volatile SystemPaths paths;

    /**
     * processStreams: out and err write to this process's descriptors 1 and 2, so that a child may be given them;
     * paths null: read from the system properties when first asked for.
     */
    public RunContext(PrintWriter out, PrintWriter err, boolean processStreams, Terminal terminal,
                      Map<String, String> environment, SystemPaths paths, Prefetch prefetch) {
        this(out, err, processStreams, terminal, environment, paths, prefetch, null);
    }

    /** namespace: what --ns named, already entered by the thread that runs the command; null for none. */
    public RunContext(PrintWriter out, PrintWriter err, boolean processStreams, Terminal terminal,
                      Map<String, String> environment, SystemPaths paths, Prefetch prefetch,
                      NamespaceTarget namespace) {
        this.namespace = namespace;
        this.out = out;
        this.err = err;
        this.processStreams = processStreams;
        this.terminal = terminal;
        this.environment = environment;
        this.paths = paths == null ? null : forNamespace(paths);
        this.prefetch = prefetch;
    }

    /** A command used on its own (in a test): these writers, no colour, nothing read ahead. */
    public static RunContext plain(PrintWriter out, PrintWriter err, SystemPaths paths) {
        return new RunContext(out, err, false, Terminal.NONE, Map.of(), paths, Prefetch.NONE);
    }

    /** The context of the run that spec's command is part of; a plain one when it was built outside the tree. */
    public static RunContext of(CommandSpec spec) {
        if (spec.root().userObject() instanceof Holder holder && holder.runContext() != null) {
            return holder.runContext();
        }
        CommandLine line = spec.commandLine();
        return plain(line.getOut(), line.getErr(), null);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Whether out and err are this process's own descriptors 1 and 2 (not a test's writers). */
    public boolean processStreams() {
        return processStreams;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public SystemPaths paths() {
        SystemPaths known = paths;
        if (known == null) {
            known = forNamespace(SystemPaths.fromSystemProperties());
            paths = known;
        }
        return known;
    }

    /** The namespace --ns named, or null when the command runs in the process's own. */
    public NamespaceTarget namespace() {
        return namespace;
    }

    /** The paths as seen from the namespace (see {@link NamespaceTarget#paths}). */
    public SystemPaths forNamespace(SystemPaths own) {
        return namespace == null ? own : namespace.paths(own);
    }

    /**
     * Refuses, before anything is changed, a change to POSIX shared memory or semaphores under --ns: they are
     * files of a mount namespace, which a JVM cannot enter, so shm_open and sem_open would reach the caller's.
     */
    public void refusePosixFilesInOtherNamespace() {
        if (namespace != null) {
            throw IpcException.failure("--ns: POSIX shared memory and semaphores belong to a mount namespace, not "
                    + "to " + namespace.id() + ", and ipc cannot enter one: use nsenter -t PID -m ipc ... for them");
        }
    }

    /** The kernel files ls started reading before the line was parsed; NONE for other commands. */
    public Prefetch prefetch() {
        return prefetch;
    }

    /** Prints "ipc: message" for a failure a command reports and goes on from (the exit code is its own). */
    public void error(String message) {
        ErrorReporter.print(terminal, err, message, Terminal.RED);
    }

    /** Prints "ipc: message" for something the user should know that is not a failure. */
    public void warning(String message) {
        ErrorReporter.print(terminal, err, message, Terminal.YELLOW);
    }
}
