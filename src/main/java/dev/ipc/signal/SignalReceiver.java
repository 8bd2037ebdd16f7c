// The receiver of ipc signal demo: a child whose JVM has the demo's signals blocked in every thread, taking them
// from a signalfd, then the parent of a process group and an outsider, told of their ends by SIGCHLD.
package dev.ipc.signal;

import dev.ipc.cli.ExitCodes;
import dev.ipc.demo.ChildLink;
import dev.ipc.demo.DemoChild;
import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.Narrator;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Native;
import dev.ipc.libc.Posix;
import dev.ipc.libc.Signals;
import dev.ipc.libc.Spawn;
import dev.ipc.util.ShutdownHooks;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

final class SignalReceiver {
    private static final int SHOWN_READS = 3;

    /** The receiver's parameters: processes in its group, the longest wait at each step, --trace. */
    record Child(int members, long waitMillis, boolean trace) implements DemoChild {
        @Override
        public int run(PrintWriter out, Map<String, String> environment) {
            return new SignalReceiver(out, trace, members, waitMillis, environment).run();
        }
    }

    private final PrintWriter out;
    private final boolean trace;
    private final int groupSize;
    private final long waitMillis;
    private final Map<String, String> environment;
    /** Children started and not reaped yet: ended, whatever happens, before this process exits. */
    private final List<Integer> running = Collections.synchronizedList(new ArrayList<>());
    /** Set once the children are being ended (guarded by running). */
    private boolean ending;
    private Narrator me;
    private int fd;

    /** environment: what its own children get. */
    private SignalReceiver(PrintWriter out, boolean trace, int groupSize, long waitMillis,
                           Map<String, String> environment) {
        this.environment = environment;
        this.out = out;
        this.trace = trace;
        this.groupSize = groupSize;
        this.waitMillis = waitMillis;
    }

    int run() {
        ChildLink link = ChildLink.open(out, trace, this::endChildren);
        // SIGTERM from the demo (Ctrl-C, a timeout) ends this JVM through its shutdown hooks: take the children along.
        ShutdownHooks.add(new Thread(this::endChildren, "ipc-signal-receiver-cleanup"));
        me = link.narrator();
        try {
            boolean blocked = Signals.blockedHere(Signals.SIGUSR1) && Signals.blockedHere(SignalDemoCommand.QUEUED)
                    && Signals.blockedHere(Signals.SIGCHLD);
            me.trace("rt_sigprocmask(SIG_BLOCK, NULL, [" + (blocked ? "USR1 CHLD RT_3" : "...") + " ...], 8) = 0");
            me.say("was born with SIGUSR1, SIGRTMIN+1 and SIGCHLD blocked" + (blocked ? "" : " (NOT in this thread)")
                    + "; opens a signalfd for them: read() takes one pending signal, as a handler would be called");
            fd = Signals.signalfd(Signals.SIGUSR1, SignalDemoCommand.QUEUED, Signals.SIGCHLD);
            me.trace("signalfd4(-1, [USR1 CHLD RT_3], 8, SFD_CLOEXEC|SFD_NONBLOCK) = " + fd);
            link.ready();

            takeSent();
            startGroup();
            link.awaitGo();
            reapGroup();
            exitStatus();
            return ExitCodes.OK;
        } finally {
            endChildren();
        }
    }

    /** Everything the parent sent: one read() per pending signal until EAGAIN. */
    private void takeSent() {
        int standard = 0;
        String standardFrom = "0 0 0";
        String standardCode = "none";
        int queued = 0;
        Map<String, Integer> senders = new LinkedHashMap<>();
        StringJoiner values = new StringJoiner(",");
        int reads = 0;
        for (Signals.Info info = take(reads++); info != null; info = take(reads++)) {
            if (info.signal() == Signals.SIGUSR1) {
                standard++;
                standardFrom = info.pid() + " " + info.uid() + " " + info.code();
                standardCode = code(info);
            } else if (info.signal() == SignalDemoCommand.QUEUED) {
                queued++;
                senders.merge(info.pid() + ":" + info.uid() + ":" + info.code(), 1, Integer::sum);
                values.add(Integer.toString(info.value()));
            }
        }
        if (reads - 1 > SHOWN_READS) {
            me.trace("... " + (reads - 1 - SHOWN_READS) + " more reads of one siginfo each");
        }
        me.trace("read(" + fd + ", 0x..., 128) = -1 EAGAIN (Resource temporarily unavailable)");
        String[] from = standardFrom.split(" ");
        me.say("took SIGUSR1 " + times(standard) + " (ssi_pid " + from[0] + ", ssi_uid " + from[1] + ", ssi_code "
                + standardCode + ") and SIGRTMIN+1 " + times(queued)
                + ", then read() said EAGAIN: nothing more is pending");
        me.fact("usr1", standard + " " + standardFrom);
        me.fact("rt", queued + " " + (senders.isEmpty() ? "-" : String.join(",", senders.keySet())) + " "
                + (queued == 0 ? "-" : values.toString()));
    }

    private Signals.Info take(int read) {
        Signals.Info info = Signals.take(fd);
        if (info != null && read < SHOWN_READS) {
            me.trace("read(" + fd + ", {ssi_signo=" + Signals.straceName(info.signal()) + ", ssi_code="
                    + code(info) + ", ssi_pid=" + info.pid() + ", ssi_uid=" + info.uid() + ", ssi_int="
                    + info.value() + "}, 128) = 128");
        }
        return info;
    }

    /** Members in a new process group, led by the first; one process outside it; all with nothing blocked. */
    private void startGroup() {
        String sleep = program("sleep");
        String seconds = Long.toString(Math.max(1, waitMillis / 1000) * 2);
        List<Integer> members = new ArrayList<>();
        int pgid = 0;
        for (int i = 0; i < groupSize; i++) {
            int pid = spawn(sleep, List.of("sleep", seconds), pgid);
            members.add(pid);
            if (i == 0) {
                pgid = pid;
                me.say("starts " + pid + " in a new process group, " + pgid + " (POSIX_SPAWN_SETPGROUP, 0: its own "
                        + "pid), with no signal blocked");
            }
        }
        if (groupSize > 1) {
            me.say("starts " + members.subList(1, members.size()) + " in process group " + pgid);
        }
        int outsider = spawn(sleep, List.of("sleep", seconds), -1);
        me.say("starts " + outsider + " outside it, in its own group");
        StringJoiner list = new StringJoiner(",");
        members.forEach(pid -> list.add(Integer.toString(pid)));
        me.fact("group", pgid + " " + list);
        me.fact("outsider", Integer.toString(outsider));
        members.forEach(pid -> pending.put(pid, -1));
        this.outsider = outsider;
    }

    private final Map<Integer, Integer> pending = new LinkedHashMap<>();
    private int outsider;

    /** Waits for SIGCHLD, then reaps with waitpid(-1, WNOHANG) until no child has ended, until the members are in. */
    private void reapGroup() {
        int sigchld = 0;
        StringJoiner reaped = new StringJoiner(" ");
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        int left = pending.size();
        while (left > 0) {
            Signals.Info info = awaitSignal(deadline);
            if (info == null) {
                break;
            }
            if (info.signal() != Signals.SIGCHLD) {
                continue;
            }
            sigchld++;
            me.say("SIGCHLD: child " + info.pid() + " " + (info.code() == Signals.CLD_KILLED ? "was killed by "
                    + Native.signalName(info.status()) : code(info) + " " + info.status()) + " (ssi_code "
                    + code(info) + ")");
            for (Signals.Reaped child = reap(); child != null; child = reap()) {
                reaped.add(child.pid() + ":" + child.status());
                if (pending.containsKey(child.pid())) {
                    pending.put(child.pid(), child.status());
                    left--;
                }
            }
        }
        me.say("took SIGCHLD " + times(sigchld) + " for " + pending.size() + " children ended: one pending SIGCHLD "
                + "can stand for several, so a parent reaps with waitpid(-1, WNOHANG) until it returns 0");
        me.fact("sigchld", Integer.toString(sigchld));
        me.fact("reaped", reaped.toString());
        boolean ran = Signals.reapIfEnded(outsider) == -1;
        me.trace("wait4(" + outsider + ", 0x..., WNOHANG, NULL) = " + (ran ? "0" : outsider));
        me.say("the outsider " + outsider + (ran ? " still runs: the group's signal did not reach it"
                : " has ended"));
        me.fact("outsider-ran", ran ? "yes" : "no");
        if (ran) {
            Signals.kill(outsider, Posix.SIGKILL);
            me.trace("kill(" + outsider + ", SIGKILL) = 0");
            Posix.waitpid(outsider);
            me.trace("wait4(" + outsider + ", [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = " + outsider);
        }
        running.remove((Integer) outsider);
        // Its SIGCHLD is pending now: take it, so that the next one read is the next child's.
        while (Signals.take(fd) != null) {
            me.trace("read(" + fd + ", {ssi_signo=SIGCHLD, ...}, 128) = 128");
        }
    }

    /** A child that exits with a status of its own: SIGCHLD's code and status, then what waitpid reports. */
    private void exitStatus() {
        int status = SignalDemoCommand.EXIT_STATUS;
        int pid = spawn("/bin/sh", List.of("sh", "-c", "exit " + status), -1);
        Signals.Info info;
        do {
            info = awaitSignal(System.nanoTime() + waitMillis * 1_000_000);
        } while (info != null && info.signal() != Signals.SIGCHLD);
        if (info == null) {
            me.fact("exited", "0 0 -1");
            return;
        }
        int raw = Posix.waitpid(pid);
        running.remove((Integer) pid);
        me.trace("wait4(" + pid + ", [{WIFEXITED(s) && WEXITSTATUS(s) == " + ((raw >> 8) & 0xff) + "}], 0, NULL) = "
                + pid);
        me.say("sh -c 'exit " + status + "' (" + pid + ") ended: SIGCHLD with ssi_code " + code(info)
                + ", ssi_status " + info.status() + "; waitpid: " + describe(raw));
        me.fact("exited", info.code() + " " + info.status() + " " + raw);
    }

    /** The next signal from the signalfd, waiting for it in poll() until the deadline; null when none came. */
    private Signals.Info awaitSignal(long deadline) {
        while (true) {
            Signals.Info info = Signals.take(fd);
            if (info != null) {
                me.trace("read(" + fd + ", {ssi_signo=" + Signals.straceName(info.signal()) + ", ssi_code="
                        + code(info) + ", ssi_pid=" + info.pid() + ", ssi_status=" + info.status() + "}, 128) = 128");
                return info;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                me.say("no signal came within the time allowed");
                return null;
            }
            int ready = Posix.poll(fd, FileConstants.POLLIN, (int) Math.min(left, Integer.MAX_VALUE));
            me.trace("poll([{fd=" + fd + ", events=POLLIN}], 1, " + left + ") = " + (ready == 0 ? "0 (Timeout)"
                    : "1 ([{fd=" + fd + ", revents=POLLIN}])"));
        }
    }

    private Signals.Reaped reap() {
        Signals.Reaped child = Signals.reapAny();
        if (child != null) {
            running.remove((Integer) child.pid());
            me.trace("wait4(-1, " + strace(child.status()) + ", WNOHANG, NULL) = " + child.pid());
            me.say("waitpid: " + child.pid() + " " + describe(child.status()));
        } else {
            me.trace("wait4(-1, 0x..., WNOHANG, NULL) = 0");
        }
        return child;
    }

    /** posix_spawn with 0, 1 and 2 on /dev/null and nothing else open; processGroup as Spawn.Attributes takes it. */
    private int spawn(String path, List<String> argv, int processGroup) {
        int devNull = Native.check("open(/dev/null)", Native.libc().open("/dev/null",
                FileConstants.O_RDWR | FileConstants.O_CLOEXEC));
        try {
            List<String> variables = new ArrayList<>();
            environment.forEach((name, value) -> variables.add(name + "=" + value));
            int pid;
            // Started and registered under the lock that endChildren takes: a child is ended by it or not started.
            synchronized (running) {
                if (ending) {
                    throw new DemoFailure("the demo is ending: no more children");
                }
                pid = Spawn.start(path, argv, variables, List.of(new Spawn.Dup2(devNull, 0),
                        new Spawn.Dup2(devNull, 1), new Spawn.Dup2(devNull, 2), new Spawn.CloseFrom(3)),
                        new Spawn.Attributes(new int[0], processGroup)).pid();
                running.add(pid);
            }
            StringJoiner args = new StringJoiner(", ", "[", "]");
            argv.forEach(arg -> args.add("\"" + arg + "\""));
            me.trace("posix_spawn([" + pid + "], \"" + path + "\", " + args + ", envp) = 0"
                    + (processGroup < 0 ? "" : "  (setpgid(0, " + processGroup + ") in the child)"));
            return pid;
        } finally {
            Native.libc().close(devNull);
        }
    }

    /**
     * Kills and reaps every child still running: nothing outlives the demo. Whoever comes second (the link's reader
     * and the main thread both see the parent go, then halt) waits here until the first has finished.
     */
    private void endChildren() {
        synchronized (running) {
            ending = true;
            for (int pid : running) {
                Native.libc().kill(pid, Posix.SIGKILL);
                try {
                    Posix.waitpid(pid);
                } catch (RuntimeException reapedMeanwhile) {
                    // the main thread reaped it first: it is gone either way
                }
            }
            running.clear();
        }
    }

    private static String program(String name) {
        for (String directory : List.of("/usr/bin", "/bin")) {
            Path path = Path.of(directory, name);
            if (Files.isExecutable(path)) {
                return path.toString();
            }
        }
        throw new DemoFailure("no " + name + " in /usr/bin or /bin");
    }

    private static String code(Signals.Info info) {
        if (info.signal() == Signals.SIGCHLD) {
            return switch (info.code()) {
                case Signals.CLD_EXITED -> "CLD_EXITED";
                case Signals.CLD_KILLED -> "CLD_KILLED";
                case Signals.CLD_DUMPED -> "CLD_DUMPED";
                default -> Integer.toString(info.code());
            };
        }
        return switch (info.code()) {
            case Signals.SI_USER -> "SI_USER";
            case Signals.SI_QUEUE -> "SI_QUEUE";
            default -> Integer.toString(info.code());
        };
    }

    /** A wait status in words: "exited with status 3", "killed by SIGTERM". */
    static String describe(int status) {
        if ((status & 0x7f) == 0) {
            return "exited with status " + ((status >> 8) & 0xff);
        }
        return "killed by " + Native.signalName(status & 0x7f);
    }

    private static String strace(int status) {
        if ((status & 0x7f) == 0) {
            return "[{WIFEXITED(s) && WEXITSTATUS(s) == " + ((status >> 8) & 0xff) + "}]";
        }
        return "[{WIFSIGNALED(s) && WTERMSIG(s) == " + Native.signalName(status & 0x7f) + "}]";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
