// ipc signal demo: what the kernel does with signals, shown on real processes: standard signals are not queued,
// real-time signals are, a process group is reached as a whole, and SIGCHLD tells a parent its children ended.
package dev.ipc.signal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.OptionValues;
import dev.ipc.demo.DemoFailure;
import dev.ipc.demo.DemoProcess;
import dev.ipc.demo.DemoRun;
import dev.ipc.demo.DemoOutputOptions;
import dev.ipc.demo.Narrator;
import dev.ipc.procfs.SignalState;
import dev.ipc.libc.Native;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Lab demo: signals, queued and not, to a process and to a process group, and SIGCHLD.",
                "A receiver process is started with SIGUSR1, SIGRTMIN+1 and SIGCHLD blocked from birth "
                + "(posix_spawn's POSIX_SPAWN_SETSIGMASK, inherited by every thread of its JVM) and takes them "
                + "from a signalfd, which stands in for a handler. This process sends it SIGUSR1 N times with "
                + "kill(): a standard signal pending is a bit, not a count, and it is taken once. Then SIGRTMIN+1 "
                + "N times with sigqueue(), each with a value: real-time signals are queued, and all arrive, in "
                + "order, with their values and the sender's pid and uid. Then the receiver starts a process group "
                + "and one process outside it; kill(-PGID) ends every member and nobody else, and SIGCHLD tells the "
                + "receiver its children ended, waitpid what became of each. Nothing is left running."},
        footer = {"", "Exit status: 0 when the kernel behaved as the documents say; 1 when a rule did not hold or a "
                + "process failed; 2 bad usage.",
                "", "Examples:", "  ipc signal demo", "  ipc signal demo --signals 100000 --queued 1000 --trace",
                "  ipc signal demo --json"})
public final class SignalDemoCommand implements Callable<Integer> {
    /** The real-time signal the demo queues. */
    static final int QUEUED = Signals.SIGRTMIN + 1;
    /** What ends the process group. */
    static final int GROUP_SIGNAL = Signals.SIGTERM;
    /** What the receiver's children exit with when they are not killed, for waitpid to report. */
    static final int EXIT_STATUS = 3;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--signals", paramLabel = "N", defaultValue = "1000",
            description = "How many times SIGUSR1 is sent with kill() while it is blocked (default ${DEFAULT-VALUE}).")
    String signals;

    @Option(names = "--queued", paramLabel = "N", defaultValue = "100",
            description = "How many SIGRTMIN+1 are sent with sigqueue(), values 0 to N-1, at most 10000 "
                    + "(default ${DEFAULT-VALUE}).")
    String queued;

    @Option(names = "--members", paramLabel = "K", defaultValue = "3",
            description = "Processes in the process group that kill(-PGID) ends, 1 to 50 (default ${DEFAULT-VALUE}).")
    String members;

    @Option(names = "--pace", paramLabel = "DURATION", defaultValue = "0",
            description = "Pause while the signals are pending and again before the group is signalled, so that "
                    + "/proc/PID/status and ps can be watched; 0: no pause (default ${DEFAULT-VALUE}). "
                    + Durations.HELP)
    String pace;

    @Mixin
    DemoOutputOptions output;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Longest wait for the receiver at each step; then what still runs is stopped. Default: "
                    + "${DEFAULT-VALUE}. " + Durations.HELP)
    String timeout;

    private long kills;
    private int queue;
    private int groupSize;
    private long waitMillis;
    private long paceMillis;
    private final Findings findings = new Findings();

    @Override
    public Integer call() {
        kills = OptionValues.bounded(signals, "--signals", 1, 100_000_000);
        queue = (int) OptionValues.bounded(queued, "--queued", 1, 10_000);
        groupSize = (int) OptionValues.bounded(members, "--members", 1, 50);
        waitMillis = Math.max(1, Durations.positiveNanos("--timeout", timeout) / 1_000_000);
        paceMillis = Durations.nanos("--pace", pace) / 1_000_000;
        DemoRun run = output.run(spec, "signal demo",
                "ipc signal demo: " + kills + " SIGUSR1 by kill(), " + queue + " SIGRTMIN+1 by sigqueue(), then a "
                        + "process group of " + groupSize + " ended by kill(-PGID), and SIGCHLD.",
                "The receiver is a JVM, whose threads and handlers are the JVM's: it is started with the demo's "
                        + "signals blocked from birth (posix_spawn, POSIX_SPAWN_SETSIGMASK), so that every thread "
                        + "its JVM makes inherits the mask and none of them takes the signals. They stay pending, "
                        + "and the receiver reads them from a signalfd: each read() takes one pending signal with "
                        + "the siginfo a handler would be given (signo, code, pid, uid, value). That read stands "
                        + "in for the handler.");
        return run.execute(this::parent, findings::write);
    }

    private void parent(DemoRun run) {
        Narrator parent = run.parent();
        int self = Native.libc().getpid();
        int uid = Native.libc().getuid();
        findings.sender = self;
        findings.senderUid = uid;
        parent.say("is process " + self + " (uid " + uid + "); it starts the receiver with SIGUSR1, SIGRTMIN+1 and "
                + "SIGCHLD blocked from birth");
        DemoProcess receiver = run.spawn("receiver", new SignalReceiver.Child(groupSize, waitMillis, run.tracing()),
                Signals.SIGUSR1, QUEUED, Signals.SIGCHLD);
        int pid = (int) receiver.pid();
        findings.receiver = pid;
        parent.trace("posix_spawn([" + pid + "], \"java\", [\"java\", ..., \"dev.ipc.DemoChildMain\", "
                + "\"dev.ipc.signal.SignalReceiver$Child\", ...], envp) = 0");
        receiver.awaitFact("ready", waitMillis);
        checkMask(run, pid);

        // 1. A standard signal, N times, while it is blocked.
        String sigqBefore = queuedText(pid);
        for (long i = 0; i < kills; i++) {
            Signals.kill(pid, Signals.SIGUSR1);
        }
        parent.trace("kill(" + pid + ", SIGUSR1) = 0");
        if (kills > 1) {
            parent.trace("... the same call " + (kills - 1) + " more time" + (kills == 2 ? "" : "s"));
        }
        parent.say("sent SIGUSR1 to receiver[" + pid + "] " + kills + " times with kill(); every call returned 0");
        long pending = pending(pid);
        String sigq = queuedText(pid);
        parent.say("the kernel shows SIGUSR1 pending for receiver[" + pid + "] (/proc/" + pid + "/status ShdPnd "
                + String.format("%016x", pending) + "); SigQ, the signals queued for its user, went from " + sigqBefore
                + " to " + sigq + ": one pending SIGUSR1, a bit in a set, however often it was sent");
        run.check(SignalState.has(pending, Signals.SIGUSR1), "SIGUSR1 sent while blocked stays pending",
                "ShdPnd " + String.format("%016x", pending));

        // 2. A real-time signal, N times, each with a value.
        try {
            for (int value = 0; value < queue; value++) {
                Signals.sigqueue(pid, QUEUED, value);
            }
        } catch (NativeCallException e) {
            throw new DemoFailure(e.getMessage() + (e.errno() == dev.ipc.libc.Errno.EAGAIN ? " (the queue is full: "
                    + "RLIMIT_SIGPENDING, ulimit -i; ask fewer with --queued)" : ""));
        }
        parent.trace("rt_sigqueueinfo(" + pid + ", " + Signals.straceName(QUEUED) + ", {si_signo="
                + Signals.straceName(QUEUED) + ", si_code=SI_QUEUE, si_pid=" + self + ", si_uid=" + uid
                + ", si_int=0, si_ptr=NULL}) = 0");
        if (queue > 1) {
            parent.trace("... the same call " + (queue - 1) + " more time" + (queue == 2 ? "" : "s")
                    + ", si_int=1 to si_int=" + (queue - 1));
        }
        parent.say("queued SIGRTMIN+1 to receiver[" + pid + "] " + queue + " times with sigqueue(), values 0 to "
                + (queue - 1) + "; SigQ is now " + queuedText(pid));
        pause(parent, "the signals are pending now: grep -E '^(SigQ|SigBlk|ShdPnd)' /proc/" + pid + "/status");
        parent.say("tells the receiver to read its signalfd");
        receiver.go();

        DemoProcess.Fact standard = receiver.awaitFact("usr1", waitMillis);
        DemoProcess.Fact realtime = receiver.awaitFact("rt", waitMillis);
        checkStandard(run, standard.value(), self, uid);
        checkQueued(run, realtime.value(), self, uid);

        // 3. A process group, and SIGCHLD.
        String[] group = receiver.awaitFact("group", waitMillis).value().split(" ");
        int pgid = Integer.parseInt(group[0]);
        List<Integer> memberPids = pids(group[1]);
        int outsider = Integer.parseInt(receiver.awaitFact("outsider", waitMillis).value());
        findings.pgid = pgid;
        findings.members = memberPids;
        findings.outsider = outsider;
        List<Integer> inGroup = new ArrayList<>();
        for (int member : memberPids) {
            if (group(member) == pgid) {
                inGroup.add(member);
            }
        }
        int outsiderGroup = group(outsider);
        int receiverGroup = group(pid);
        int ownGroup = group(self);
        parent.say("process group " + pgid + ": " + memberPids + "; outside it the outsider " + outsider + " (group "
                + outsiderGroup + "), the receiver (group " + receiverGroup + ") and this process (group " + ownGroup
                + ")");
        run.check(inGroup.equals(memberPids) && outsiderGroup != pgid && receiverGroup != pgid && ownGroup != pgid,
                "the members, and only they, are in process group " + pgid,
                "members " + inGroup + " of " + memberPids + " in it; outsider in " + outsiderGroup + ", receiver in "
                        + receiverGroup + ", this process in " + ownGroup);
        pause(parent, "ps -o pid,pgid,ppid,comm --ppid " + pid + " shows the group and the outsider");
        Signals.kill(-pgid, GROUP_SIGNAL);
        parent.trace("kill(-" + pgid + ", " + Signals.straceName(GROUP_SIGNAL) + ") = 0");
        parent.say("sent " + Signals.name(GROUP_SIGNAL) + " to process group " + pgid + " with kill(-" + pgid
                + "): one call for the whole group");
        receiver.go();

        String[] reaped = receiver.awaitFact("reaped", waitMillis).value().split(" ");
        int sigchld = Integer.parseInt(receiver.awaitFact("sigchld", waitMillis).value());
        boolean outsiderRan = receiver.awaitFact("outsider-ran", waitMillis).value().equals("yes");
        checkGroup(run, memberPids, reaped, sigchld, outsiderRan, pgid);
        String[] exited = receiver.awaitFact("exited", waitMillis).value().split(" ");
        checkExit(run, exited);
        run.await(receiver, waitMillis);
        findings.receiverStatus = 0;
    }

    private void pause(Narrator parent, String watch) {
        if (paceMillis > 0) {
            parent.say("pauses " + pace + ": " + watch);
            try {
                Thread.sleep(paceMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted");
            }
        }
    }

    /** What the parent itself sees in /proc: the mask of every thread of the receiver's JVM. */
    private void checkMask(DemoRun run, int pid) {
        List<Long> masks;
        try {
            masks = SignalState.blockedPerThread(pid);
        } catch (IOException e) {
            throw new DemoFailure("cannot read /proc/" + pid + "/task: " + e.getMessage());
        }
        int blocking = 0;
        for (long mask : masks) {
            if (SignalState.has(mask, Signals.SIGUSR1) && SignalState.has(mask, QUEUED)
                    && SignalState.has(mask, Signals.SIGCHLD)) {
                blocking++;
            }
        }
        findings.threads = masks.size();
        findings.threadsBlocking = blocking;
        run.parent().say("receiver[" + pid + "]'s JVM runs " + masks.size() + " threads; " + blocking + " of them "
                + "block SIGUSR1, SIGRTMIN+1 and SIGCHLD (SigBlk in /proc/" + pid + "/task/*/status)");
        run.check(blocking == masks.size() && blocking > 0, "a mask set at posix_spawn is inherited by every thread "
                + "of the child's JVM", blocking + " of " + masks.size() + " threads block the demo's signals");
    }

    private void checkStandard(DemoRun run, String fact, int self, int uid) {
        // "COUNT PID UID CODE" of the SIGUSR1 siginfos read
        String[] parts = fact.split(" ");
        int taken = Integer.parseInt(parts[0]);
        findings.standardTaken = taken;
        run.check(taken == 1, "a standard signal is not queued: " + kills + " kill()s of a blocked SIGUSR1, taken once",
                "the signalfd gave SIGUSR1 " + (taken == 1 ? "once" : taken + " times"));
        if (taken > 0) {
            run.check(Integer.parseInt(parts[1]) == self && Integer.parseInt(parts[2]) == uid
                            && Integer.parseInt(parts[3]) == Signals.SI_USER,
                    "SIGUSR1 came with the sender's pid and uid, and si_code SI_USER (sent by kill)",
                    "ssi_pid " + parts[1] + ", ssi_uid " + parts[2] + ", ssi_code " + parts[3]);
        }
    }

    private void checkQueued(DemoRun run, String fact, int self, int uid) {
        // "COUNT SENDERS VALUES": SENDERS pid:uid:code distinct, comma-separated; VALUES in the order read
        String[] parts = fact.split(" ");
        int taken = Integer.parseInt(parts[0]);
        String senders = parts.length > 1 ? parts[1] : "-";
        List<Integer> values = parts.length > 2 ? pids(parts[2]) : List.of();
        findings.queuedTaken = taken;
        findings.values = values;
        boolean inOrder = values.size() == queue;
        for (int i = 0; inOrder && i < queue; i++) {
            inOrder = values.get(i) == i;
        }
        run.check(taken == queue, "real-time signals are queued: " + queue + " sigqueue()s of SIGRTMIN+1, all taken",
                "the signalfd gave SIGRTMIN+1 " + taken + " times");
        run.check(inOrder, "they arrive in the order sent, each with its value (si_value)",
                "values " + abbreviate(values));
        String expected = self + ":" + uid + ":" + Signals.SI_QUEUE;
        run.check(senders.equals(expected), "each came with the sender's pid and uid (si_pid " + self + ", si_uid "
                + uid + ") and si_code SI_QUEUE", "pid:uid:code seen: " + senders);
    }

    private void checkGroup(DemoRun run, List<Integer> memberPids, String[] reaped, int sigchld, boolean outsiderRan,
                            int pgid) {
        List<Integer> killed = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (String entry : reaped) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] pidStatus = entry.split(":");
            int pid = Integer.parseInt(pidStatus[0]);
            int status = Integer.parseInt(pidStatus[1]);
            statuses.add(pid + " " + SignalReceiver.describe(status));
            if (memberPids.contains(pid) && (status & 0x7f) == GROUP_SIGNAL) {
                killed.add(pid);
            }
        }
        findings.reaped = statuses;
        findings.sigchld = sigchld;
        findings.outsiderRan = outsiderRan;
        run.check(killed.size() == memberPids.size(), "kill(-" + pgid + ", " + Signals.name(GROUP_SIGNAL)
                + ") reached every member of the group", "waitpid: " + String.join(", ", statuses));
        run.check(outsiderRan, "and nobody else: the process outside the group still ran",
                outsiderRan ? "waitpid(outsider, WNOHANG) returned 0" : "the outsider had ended");
        run.check(sigchld >= 1 && sigchld <= memberPids.size(), "SIGCHLD told the receiver its children ended: "
                        + memberPids.size() + " ended, SIGCHLD taken between once and " + memberPids.size()
                        + " times (not queued either), and waitpid(-1, WNOHANG) reaped them all",
                "SIGCHLD taken " + sigchld + " time" + (sigchld == 1 ? "" : "s") + ", " + statuses.size()
                        + " reaped");
    }

    private void checkExit(DemoRun run, String[] exited) {
        // "CODE STATUS RAW": SIGCHLD's ssi_code and ssi_status, then waitpid's raw status
        int code = Integer.parseInt(exited[0]);
        int status = Integer.parseInt(exited[1]);
        int raw = Integer.parseInt(exited[2]);
        findings.exitedCode = code;
        findings.exitedRaw = raw;
        run.check(code == Signals.CLD_EXITED && status == EXIT_STATUS && (raw & 0x7f) == 0
                        && ((raw >> 8) & 0xff) == EXIT_STATUS,
                "a child that exits " + EXIT_STATUS + ": SIGCHLD says CLD_EXITED, status " + EXIT_STATUS
                        + ", and waitpid WIFEXITED, WEXITSTATUS " + EXIT_STATUS,
                "ssi_code " + code + ", ssi_status " + status + "; waitpid " + SignalReceiver.describe(raw));
    }

    private static long pending(int pid) {
        try {
            return SignalState.sharedPending(pid);
        } catch (IOException e) {
            throw new DemoFailure("cannot read /proc/" + pid + "/status: " + e.getMessage());
        }
    }

    private static String queuedText(int pid) {
        try {
            return SignalState.queued(pid);
        } catch (IOException e) {
            return "?";
        }
    }

    private static int group(int pid) {
        try {
            return SignalState.processGroup(pid);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<Integer> pids(String list) {
        List<Integer> values = new ArrayList<>();
        if (!list.isEmpty() && !list.equals("-")) {
            Arrays.stream(list.split(",")).forEach(value -> values.add(Integer.parseInt(value)));
        }
        return values;
    }

    private static String abbreviate(List<Integer> values) {
        if (values.size() <= 8) {
            return values.toString();
        }
        return values.subList(0, 4) + " ... " + values.subList(values.size() - 4, values.size()) + " ("
                + values.size() + ")";
    }

    /** What the run found, for --json. */
    private final class Findings {
        int sender;
        int senderUid;
        int receiver;
        int threads;
        int threadsBlocking;
        int standardTaken = -1;
        int queuedTaken = -1;
        List<Integer> values = List.of();
        int pgid;
        List<Integer> members = List.of();
        int outsider;
        List<String> reaped = List.of();
        int sigchld = -1;
        boolean outsiderRan;
        int exitedCode = -1;
        int exitedRaw = -1;
        int receiverStatus = -1;

        void write(JsonGenerator json) throws IOException {
            json.writeNumberField("sender_pid", sender);
            json.writeNumberField("sender_uid", senderUid);
            json.writeObjectFieldStart("receiver");
            json.writeNumberField("pid", receiver);
            json.writeNumberField("threads", threads);
            json.writeNumberField("threads_blocking", threadsBlocking);
            measured(json, "exit_status", receiverStatus);
            json.writeEndObject();
            json.writeObjectFieldStart("standard");
            json.writeStringField("signal", "SIGUSR1");
            json.writeNumberField("sent", kills);
            measured(json, "taken", standardTaken);
            json.writeEndObject();
            json.writeObjectFieldStart("realtime");
            json.writeStringField("signal", Signals.name(QUEUED));
            json.writeNumberField("signo", QUEUED);
            json.writeNumberField("sent", queue);
            measured(json, "taken", queuedTaken);
            json.writeArrayFieldStart("values");
            for (int value : values) {
                json.writeNumber(value);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("group");
            json.writeNumberField("pgid", pgid);
            json.writeStringField("signal", Signals.name(GROUP_SIGNAL));
            json.writeArrayFieldStart("members");
            for (int member : members) {
                json.writeNumber(member);
            }
            json.writeEndArray();
            json.writeNumberField("outsider", outsider);
            json.writeBooleanField("outsider_ran", outsiderRan);
            json.writeArrayFieldStart("reaped");
            for (String line : reaped) {
                json.writeString(line);
            }
            json.writeEndArray();
            measured(json, "sigchld_taken", sigchld);
            json.writeEndObject();
            json.writeObjectFieldStart("exited");
            measured(json, "sigchld_code", exitedCode);
            measured(json, "wait_status", exitedRaw);
            json.writeEndObject();
        }

        /** A figure the run had not measured yet when it stopped (held as -1) is null. */
        private static void measured(JsonGenerator json, String name, int value) throws IOException {
            if (value < 0) {
                json.writeNullField(name);
            } else {
                json.writeNumberField(name, value);
            }
        }
    }
}
