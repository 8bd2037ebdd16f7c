// ipc top: every IPC object and limit, redrawn at each interval on a terminal, or printed as plain text frames.
package dev.ipc.top;

import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Terminal;
import dev.ipc.procfs.IpcNamespace;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.state.IpcSnapshot;
import dev.ipc.state.UserDirectory;
import dev.ipc.libc.TerminalCalls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "top",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {TopCommand.SUMMARY,
                "On a terminal it redraws the screen at each interval; keys: q or Ctrl-C quit, < and > (or the "
                        + "arrow keys) change the sort key, r reverses it, 1 to 6 show one kind "
                        + "(msg, shm, sem, pmsg, pshm, psem; again for all), k the next kind alone, a all kinds. "
                        + "Rows that do not fit are counted (+N more).",
                "When standard output is not a terminal, or with --once, it prints frames as plain text: one, "
                        + "or with --interval one per interval."},
        footer = {"", "Queues show messages and bytes and their change per second since the last refresh, and how "
                + "long ago the last send and receive were; segments their size, attachments, resident memory and "
                + "the pids attached (PIDS: up to 3, then +N; from one scan of /proc per refresh, made only while "
                + "segments are shown); "
                + "semaphore sets their values and how many processes wait (read with semctl for the rows shown).",
                "", "Exit status: 0 success; 1 a failure; 2 bad usage."})
public final class TopCommand implements Callable<Integer> {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "A live view of IPC: the limits' use, then every queue, segment and "
            + "semaphore set, System V and POSIX, with what changes between refreshes.";

    private static final long DEFAULT_INTERVAL = TimeUnit.SECONDS.toNanos(1);
    /** How often keys and the terminal's size are looked at between refreshes. */
    private static final int LOOK_MILLIS = 100;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = {"Time between refreshes (default 1s). " + Durations.HELP,
                    "Not on a terminal: print a frame at each interval until ended."})
    String interval;

    @Option(names = "--once", description = "Print one frame as plain text and exit.")
    boolean once;

    @Option(names = "--kind", paramLabel = "KIND[,KIND...]", split = ",",
            description = "Show only these kinds: msg, shm, sem (System V), pmsg, pshm, psem (POSIX).")
    List<String> kinds;

    @Option(names = "--sort", paramLabel = "KEY",
            description = "Sort rows by id (the default; names for POSIX objects), owner, size (bytes queued, "
                    + "size, semaphores), use (messages, attachments, a semaphore's value) or rate (messages per "
                    + "second). Counts sort largest first.")
    String sort;

    @Option(names = "--reverse", description = "Reverse the sort order.")
    boolean reverse;

    @Override
    public Integer call() throws InterruptedException {
        long intervalNanos = interval == null ? DEFAULT_INTERVAL : Durations.positiveNanos("--interval", interval);
        View view = new View(sortKey(), reverse, kindSet());
        RunContext context = RunContext.of(spec);
        SystemPaths paths = context.paths();
        IpcNamespace namespace = IpcNamespace.read(paths.ipcNamespace());
        String namespaceText = namespace.id() == null ? "unknown"
                : namespace.id() + (namespace.initial() ? " (initial)" : "");
        FrameText text = new FrameText(new UserDirectory(paths.passwd(), paths.group()), ZoneId.systemDefault(),
                namespaceText, Durations.format(intervalNanos));
        boolean screen = !once && context.processStreams() && Terminal.isTerminal(1);
        if (screen) {
            live(context, paths, view, text, intervalNanos);
        } else {
            plain(context.out(), paths, view, text, once || interval == null ? 0 : intervalNanos);
        }
        return ExitCodes.OK;
    }

    /** Frames as text; intervalNanos 0: one. Ends when standard output is closed (the reader went away). */
    private static void plain(PrintWriter out, SystemPaths paths, View view, FrameText text, long intervalNanos)
            throws InterruptedException {
        Frame frame = null;
        long next = System.nanoTime();
        while (true) {
            frame = read(paths, view, frame);
            for (FrameText.Line line : text.render(frame, view, Integer.MAX_VALUE, FrameText.WHOLE)) {
                out.println(line.text());
            }
            out.flush();
            if (intervalNanos == 0 || out.checkError()) {
                return;
            }
            out.println();
            next = nextRefresh(next, intervalNanos);
            TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
        }
    }

    private static void live(RunContext context, SystemPaths paths, View view, FrameText text, long intervalNanos)
            throws InterruptedException {
        try (Screen screen = Screen.open(context.out(), context.terminal().colourOut())) {
            Frame frame = read(paths, view, null);
            long next = nextRefresh(System.nanoTime(), intervalNanos);
            TerminalCalls.Size size = screen.size();
            screen.draw(text.render(frame, view, size.columns(), size.rows()));
            while (true) {
                long wait = TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime());
                int key = screen.key((int) Math.max(0, Math.min(LOOK_MILLIS, wait)));
                boolean redraw = false;
                if (key >= 0) {
                    View.Action action = view.key(key);
                    if (action == View.Action.QUIT) {
                        return;
                    }
                    redraw = action == View.Action.REDRAW;
                }
                if (System.nanoTime() - next >= 0) {
                    frame = read(paths, view, frame);
                    next = nextRefresh(next, intervalNanos);
                    redraw = true;
                }
                TerminalCalls.Size now = screen.size();
                if (redraw || !now.equals(size)) {
                    size = now;
                    screen.draw(text.render(frame, view, size.columns(), size.rows()));
                }
            }
        }
    }

    /** One /proc scan for who is attached, only when the segments are shown: it reads every process's maps. */
    private static Frame read(SystemPaths paths, View view, Frame previous) {
        long epochMillis = System.currentTimeMillis();
        long nanoTime = System.nanoTime();
        IpcSnapshot snapshot = IpcSnapshot.read(paths);
        IpcUsers users = view.kinds().contains(Kind.SEGMENTS) ? IpcUsers.scan(paths, false) : null;
        return new Frame(snapshot, nanoTime, epochMillis, previous, users);
    }

    /** The refresh after the one due at previous; when refreshes fell behind (a slow read), one interval from now. */
    private static long nextRefresh(long previous, long intervalNanos) {
        long next = previous + intervalNanos;
        long now = System.nanoTime();
        return next - now < 0 ? now + intervalNanos : next;
    }

    private SortKey sortKey() {
        if (sort == null) {
            return SortKey.ID;
        }
        SortKey key = SortKey.byLabel(sort);
        if (key == null) {
            throw IpcException.usage("invalid --sort '" + sort + "': expected id, owner, size, use or rate");
        }
        return key;
    }

    private Set<Kind> kindSet() {
        if (kinds == null) {
            return EnumSet.allOf(Kind.class);
        }
        Set<Kind> set = EnumSet.noneOf(Kind.class);
        for (String name : kinds) {
            Kind kind = Kind.byShortName(name.strip());
            if (kind == null) {
                throw IpcException.usage("invalid --kind '" + name + "': expected msg, shm, sem, pmsg, pshm or psem");
            }
            set.add(kind);
        }
        return set;
    }
}
