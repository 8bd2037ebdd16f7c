// ipc ls: lists IPC objects; a drop-in for ipcs, with lsipc's structured output and POSIX IPC on top.
package dev.ipc.ls;

import dev.ipc.cli.IpcException;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.proc.SystemPaths;
import dev.ipc.render.CTime;
import dev.ipc.render.IpcsRenderer;
import dev.ipc.render.IpcsRenderer.Format;
import dev.ipc.render.IpcsRenderer.Unit;
import dev.ipc.render.Text;
import dev.ipc.source.SystemVSource;
import dev.ipc.source.UserDirectory;
import dev.ipc.sys.PageSize;
import dev.ipc.sys.SystemVCalls;
import dev.ipc.cli.Specs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

public final class LsCommand implements Callable<Integer> {
    private CommandSpec spec;

    private boolean queues;
    private boolean segments;
    private boolean semaphores;
    private Format format = Format.DEFAULT;
    private Unit unit = Unit.DEFAULT;
    private String id;

    private LsCommand() {
    }

    /** The model, built in code because ls is start-up critical (see {@link Specs}). */
    public static CommandSpec spec() {
        LsCommand command = new LsCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name("ls")
                // ipcs exits 1 for an unknown option or a missing argument; scripts rely on it.
                .exitCodeOnInvalidInput(1);
        // getopt lets an option repeat (ipcs -q -q, -i 1 -i 2): the last value wins.
        spec.parser().overwrittenOptionsAllowed(true);
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description("List System V IPC objects exactly as ipcs(1) prints them.", "")
                .footer("",
                        "Exit status: 0 on success, also when -i names no object (as ipcs); "
                                + "1 on bad usage or failure.",
                        "",
                        "Examples:",
                        "  ipc ls                 all queues, segments and semaphore sets",
                        "  ipc ls -m -t           segments with attach, detach and change times",
                        "  ipc ls -s -i 3         semaphore set 3 with each semaphore's value",
                        "  ipc ls -l              the kernel's limits");
        spec.addOption(Specs.value(new Setter(command, Opt.ID), "ID",
                "Show details of the object with this id; needs exactly one of -q, -m, -s.", "-i", "--id"));
        spec.addOption(Specs.flag(new Setter(command, Opt.QUEUES), "Message queues.", "-q", "--queues"));
        spec.addOption(Specs.flag(new Setter(command, Opt.SEGMENTS), "Shared memory segments.", "-m", "--shmems"));
        spec.addOption(Specs.flag(new Setter(command, Opt.SEMAPHORES), "Semaphore sets.", "-s", "--semaphores"));
        spec.addOption(Specs.flag(new Setter(command, Opt.ALL), "All three (the default).", "-a", "--all"));
        spec.addOption(Specs.flag(new Setter(command, Opt.TIME),
                "Show attach, detach and change times. The last of -t, -p, -c, -l, -u wins.", "-t", "--time"));
        spec.addOption(Specs.flag(new Setter(command, Opt.PID), "Show creator and last operation PIDs.",
                "-p", "--pid"));
        spec.addOption(Specs.flag(new Setter(command, Opt.CREATOR), "Show creator and owner.", "-c", "--creator"));
        spec.addOption(Specs.flag(new Setter(command, Opt.LIMITS), "Show the kernel's limits.", "-l", "--limits"));
        spec.addOption(Specs.flag(new Setter(command, Opt.SUMMARY), "Show a summary of what is in use.",
                "-u", "--summary"));
        spec.addOption(Specs.flag(new Setter(command, Opt.BYTES), "Show sizes in bytes.", "-b", "--bytes"));
        spec.addOption(Specs.flag(new Setter(command, Opt.HUMAN), "Show sizes in a human-readable form (1K, 2.5M).",
                "--human"));
        // ipcs ignores arguments that are not options; so does ls.
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").hidden(true).type(String[].class)
                .paramLabel("IGNORED").build());
        Specs.withStandardHelp(spec);
        return spec;
    }

    private enum Opt { ID, QUEUES, SEGMENTS, SEMAPHORES, ALL, TIME, PID, CREATOR, LIMITS, SUMMARY, BYTES, HUMAN }

    /** Applies each option as picocli meets it, so that, as in ipcs, the last format and unit given win. */
    private static final class Setter implements ISetter {
        private final LsCommand command;
        private final Opt option;

        Setter(LsCommand command, Opt option) {
            this.command = command;
            this.option = option;
        }

        @Override
        public <T> T set(T value) {
            if (value == null || Boolean.FALSE.equals(value)) {
                return null; // picocli resets every option to its initial value before parsing
            }
            LsCommand c = command;
            switch (option) {
                case ID -> c.id = (String) value;
                case QUEUES -> c.queues = true;
                case SEGMENTS -> c.segments = true;
                case SEMAPHORES -> c.semaphores = true;
                case ALL -> c.queues = c.segments = c.semaphores = true;
                case TIME -> c.format = Format.TIME;
                case PID -> c.format = Format.PID;
                case CREATOR -> c.format = Format.CREATOR;
                case LIMITS -> c.format = Format.LIMITS;
                case SUMMARY -> c.format = Format.SUMMARY;
                case BYTES -> c.unit = Unit.BYTES;
                case HUMAN -> c.unit = Unit.HUMAN;
            }
            return null;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SystemPaths paths = SystemPaths.fromSystemProperties();
        SystemVSource source = new SystemVSource(paths);
        UserDirectory users = new UserDirectory(paths.passwd(), paths.group());
        IpcsRenderer renderer = new IpcsRenderer(users, format, unit, new CTime(ZoneId.systemDefault()));
        Text text = new Text(64 * 1024);

        if (id != null) {
            int objectId = parseId(id);
            if ((queues ? 1 : 0) + (segments ? 1 : 0) + (semaphores ? 1 : 0) != 1) {
                throw IpcException.failure("when using an ID, a single resource must be specified");
            }
            if (!details(renderer, source, text, objectId)) {
                spec.commandLine().getErr().println("ipc: id " + objectId + " not found");
            }
            out.write(text.toString());
            return 0;
        }
        if (!queues && !segments && !semaphores) {
            queues = segments = semaphores = true;
        }
        text.newline();
        long pageSize = PageSize.get();
        switch (format) {
            case LIMITS -> renderer.limits(text, source.limits(), queues, segments, semaphores, pageSize);
            case SUMMARY -> {
                IpcUsage usage = source.usage(pageSize);
                if (queues) {
                    renderer.messageSummary(text, usage);
                    text.newline();
                }
                if (segments) {
                    renderer.sharedMemorySummary(text, usage);
                    text.newline();
                }
                if (semaphores) {
                    renderer.semaphoreSummary(text, usage);
                    text.newline();
                }
            }
            default -> {
                if (queues) {
                    renderer.messageQueues(text, source.messageQueues());
                    text.newline();
                }
                if (segments) {
                    renderer.sharedMemory(text, source.sharedMemorySegments());
                    text.newline();
                }
                if (semaphores) {
                    renderer.semaphores(text, source.semaphoreSets());
                    text.newline();
                }
            }
        }
        out.write(text.toString());
        return 0;
    }

    /** The object's block, as ipcs -i prints it; false when there is no such object. */
    private boolean details(IpcsRenderer renderer, SystemVSource source, Text text, int objectId) {
        if (queues) {
            Optional<MessageQueue> queue = source.messageQueue(objectId);
            // qbytes is not in /proc; ipcs shows 0 when IPC_STAT is refused
            queue.ifPresent(q -> renderer.messageQueueDetails(text, q.withMaxBytes(queueLimit(objectId))));
            return queue.isPresent();
        }
        if (segments) {
            Optional<SharedMemorySegment> segment = source.sharedMemorySegment(objectId);
            segment.ifPresent(s -> renderer.sharedMemoryDetails(text, s));
            return segment.isPresent();
        }
        Optional<SemaphoreSet> set = source.semaphoreSet(objectId);
        set.ifPresent(s -> renderer.semaphoreSetDetails(text,
                s.withSemaphores(SystemVCalls.semaphores(objectId, s.count()))));
        return set.isPresent();
    }

    private static long queueLimit(int objectId) {
        try {
            return SystemVCalls.messageQueue(objectId).flatMap(q -> {
                return q.maxBytes().isPresent() ? Optional.of(q.maxBytes().getAsLong()) : Optional.empty();
            }).orElse(0L);
        } catch (RuntimeException refused) {
            return 0;
        }
    }

    /** As ipcs's strtos32_or_err: a signed 32-bit decimal, else "failed to parse id argument". */
    private static int parseId(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            boolean digits = text.trim().matches("[-+]?[0-9]+");
            throw IpcException.failure("failed to parse id argument: '" + text + "'"
                    + (digits ? ": Numerical result out of range" : ""));
        }
    }
}
