// ipc ls: lists IPC objects; a drop-in for ipcs, with lsipc's structured output and POSIX IPC on top.
package dev.ipc.ls;

import dev.ipc.cli.CommaList;
import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.IpcException;
import dev.ipc.model.IpcResource;
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
import dev.ipc.util.Parallel;
import dev.ipc.model.SystemVObject;
import dev.ipc.source.Orphans;
import dev.ipc.source.SystemVSource;
import dev.ipc.source.UserDirectory;
import dev.ipc.sys.PageSize;
import dev.ipc.sys.SystemVCalls;
import dev.ipc.cli.Specs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import dev.ipc.render.TimeFormat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
    private boolean orphans;

    // lsipc's structured output and POSIX IPC; any of these selects it.
    private boolean structured;
    private boolean global;
    private boolean posixQueues;
    private boolean posixShmems;
    private boolean posixSemaphores;
    private String name;
    private StructuredListing.Output output = StructuredListing.Output.TABLE;
    private boolean noHeadings;
    private String outputColumns;
    private boolean numericPerms;
    private String timeFormat;
    private boolean formatTime;
    private boolean formatCreator;
    private boolean formatPid;

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
                        "  ipc ls                   all queues, segments and semaphore sets",
                        "  ipc ls -m -t             segments with attach, detach and change times",
                        "  ipc ls -s -i 3           semaphore set 3 with each semaphore's value",
                        "  ipc ls -l                the kernel's limits",
                        "  ipc ls -g                lsipc's limits table, with use in percent",
                        "  ipc ls --json -m         segments as JSON",
                        "  ipc ls -o +CUSER,CTIME   also the creator and the change time",
                        "  ipc ls --posix           POSIX queues, shared memory and semaphores",
                        "",
                        "Any of -g, -Q, -M, -S, --posix, -N, -J, -e, -r, --noheadings, -o, -P, --time-format "
                                + "switches to lsipc's output: -t, -c, -p then add columns, -l and -u show the limits "
                                + "table. On a terminal (see --color), -g shows limits 90%% used in yellow and full ones "
                                + "in red, and segments marked for destruction are red.",
                        "",
                        "Columns (-o):");
        List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
        for (Column column : Column.values()) {
            // picocli runs footers through String.format: a literal % must be doubled
            footer.add(new Text().append("  ").left(column.header(), 13).append(column.help()).toString()
                    .replace("%", "%%"));
        }
        spec.usageMessage().footer(footer.toArray(new String[0]));
        spec.addOption(value(command, Opt.ID, "ID",
                "Show details of the object with this id; needs exactly one of -q, -m, -s."));
        spec.addOption(flag(command, Opt.QUEUES, "Message queues."));
        spec.addOption(flag(command, Opt.SEGMENTS, "Shared memory segments."));
        spec.addOption(flag(command, Opt.SEMAPHORES, "Semaphore sets."));
        spec.addOption(flag(command, Opt.ALL, "All three (the default)."));
        spec.addOption(flag(command, Opt.TIME,
                "Show attach, detach and change times. The last of -t, -p, -c, -l, -u wins."));
        spec.addOption(flag(command, Opt.PID, "Show creator and last operation PIDs."));
        spec.addOption(flag(command, Opt.CREATOR, "Show creator and owner."));
        spec.addOption(flag(command, Opt.LIMITS, "Show the kernel's limits."));
        spec.addOption(flag(command, Opt.SUMMARY, "Show a summary of what is in use."));
        spec.addOption(flag(command, Opt.BYTES, "Show sizes in bytes."));
        spec.addOption(flag(command, Opt.HUMAN, "Show sizes in a human-readable form (1K, 2.5M)."));
        spec.addOption(flag(command, Opt.GLOBAL,
                "lsipc's table of every limit with how much of it is in use (with -q, -m, -s: of those)."));
        spec.addOption(flag(command, Opt.POSIX_QUEUES, "POSIX message queues (/dev/mqueue)."));
        spec.addOption(flag(command, Opt.POSIX_SHMEMS,
                "POSIX shared memory objects (/dev/shm)."));
        spec.addOption(flag(command, Opt.POSIX_SEMAPHORES,
                "POSIX named semaphores (/dev/shm/sem.*)."));
        spec.addOption(flag(command, Opt.POSIX, "All three POSIX kinds."));
        spec.addOption(value(command, Opt.NAME, "NAME",
                "Only the POSIX object of this name (with one of -Q, -M, -S)."));
        spec.addOption(flag(command, Opt.JSON, "JSON output, numbers as numbers."));
        spec.addOption(flag(command, Opt.EXPORT, "NAME=\"value\" pairs, one object a line."));
        spec.addOption(flag(command, Opt.RAW, "Unaligned columns, blanks escaped."));
        spec.addOption(flag(command, Opt.NOHEADINGS, "No heading line."));
        List<String> columnNames = new ArrayList<>();
        for (Column column : Column.values()) {
            columnNames.add(column.header());
        }
        spec.addOption(value(command, Opt.OUTPUT, "LIST",
                "The columns to show, comma-separated; +LIST adds them to the defaults.")
                .toBuilder().completionCandidates(new CommaList(columnNames)).build());
        spec.addOption(flag(command, Opt.NUMERIC_PERMS, "Permissions in octal (644)."));
        spec.addOption(value(command, Opt.TIME_FORMAT, "FORMAT",
                "Times as short, full or iso (default: short; iso in JSON).")
                .toBuilder().completionCandidates(List.of("short", "full", "iso")).build());
        spec.addOption(flag(command, Opt.NOTRUNCATE, "Accepted for lsipc; nothing is truncated."));
        spec.addOption(flag(command, Opt.ORPHANS,
                "Only objects no live process uses, as 'ipc rm --all --orphans' chooses them."));
        // ipcs ignores arguments that are not options; so does ls.
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").hidden(true).type(String[].class)
                .paramLabel("IGNORED").build());
        Specs.withStandardHelp(spec);
        return spec;
    }

    private static OptionSpec flag(LsCommand command, Opt option, String description) {
        return Specs.flag(new Setter(command, option), description, option.names);
    }

    private static OptionSpec value(LsCommand command, Opt option, String label, String description) {
        return Specs.value(new Setter(command, option), label, description, option.names);
    }

    /** ls's own options; the names here are the only ones, for picocli's model and for {@link #parsePlain}. */
    private enum Opt {
        ID(true, "-i", "--id"), QUEUES("-q", "--queues"), SEGMENTS("-m", "--shmems"),
        SEMAPHORES("-s", "--semaphores"), ALL("-a", "--all"), TIME("-t", "--time"), PID("-p", "--pid"),
        CREATOR("-c", "--creator"), LIMITS("-l", "--limits"), SUMMARY("-u", "--summary"), BYTES("-b", "--bytes"),
        HUMAN("--human"), GLOBAL("-g", "--global"), POSIX_QUEUES("-Q", "--posix-mqueues"),
        POSIX_SHMEMS("-M", "--posix-shmems"), POSIX_SEMAPHORES("-S", "--posix-semaphores"), POSIX("--posix"),
        NAME(true, "-N", "--name"), JSON("-J", "--json"), EXPORT("-e", "--export"), RAW("-r", "--raw"),
        NOHEADINGS("--noheadings"), OUTPUT(true, "-o", "--output"), NUMERIC_PERMS("-P", "--numeric-perms"),
        TIME_FORMAT(true, "--time-format"), NOTRUNCATE("--notruncate"), ORPHANS("--orphans");

        private final boolean takesValue;
        private final String[] names;

        Opt(String... names) {
            this(false, names);
        }

        Opt(boolean takesValue, String... names) {
            this.takesValue = takesValue;
            this.names = names;
        }

        static Opt named(String name) {
            for (Opt option : values()) {
                for (String each : option.names) {
                    if (each.equals(name)) {
                        return option;
                    }
                }
            }
            return null;
        }
    }

    /**
     * The command for a line that uses only ls's own options, each in its plain form (-q, -qt, --json, -i 5,
     * --id=5, --id 5), and arguments that ls ignores; null for anything else, from help and --color to every
     * mistake, which picocli then parses and reports. Setting up picocli's parser costs about a third of the
     * start-up of a listing; this path skips it, and applies each option through the same setter.
     */
    public static LsCommand parsePlain(String[] args, int from) {
        LsCommand command = new LsCommand();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@' || arg.equals("-") || arg.equals("--")) {
                return null; // @files, a lone dash and "--" have picocli's own rules
            }
            if (arg.charAt(0) != '-') {
                continue; // ignored, as ipcs ignores arguments that are not options
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                Opt option = Opt.named(equals < 0 ? arg : arg.substring(0, equals));
                if (option == null || (!option.takesValue && equals >= 0)) {
                    return null;
                }
                String value = null;
                if (option.takesValue) {
                    value = equals >= 0 ? arg.substring(equals + 1) : plainValue(args, ++i);
                    if (value == null || value.isEmpty()) {
                        return null;
                    }
                }
                new Setter(command, option).set(option.takesValue ? value : Boolean.TRUE);
                continue;
            }
            for (int at = 1; at < arg.length(); at++) {
                Opt option = Opt.named("-" + arg.charAt(at));
                if (option == null || (option.takesValue && at != arg.length() - 1)) {
                    return null; // a value joined to its option (-i5) is left to picocli
                }
                String value = option.takesValue ? plainValue(args, ++i) : null;
                if (option.takesValue && value == null) {
                    return null;
                }
                new Setter(command, option).set(option.takesValue ? value : Boolean.TRUE);
            }
        }
        return command;
    }

    /** args[at] as an option's value, or null when it is missing or could be read as something else. */
    private static String plainValue(String[] args, int at) {
        if (at >= args.length) {
            return null;
        }
        String value = args[at];
        return value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@' ? null : value;
    }

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
                case TIME -> {
                    c.format = Format.TIME;
                    c.formatTime = true;
                }
                case PID -> {
                    c.format = Format.PID;
                    c.formatPid = true;
                }
                case CREATOR -> {
                    c.format = Format.CREATOR;
                    c.formatCreator = true;
                }
                case LIMITS -> c.format = Format.LIMITS;
                case SUMMARY -> c.format = Format.SUMMARY;
                case BYTES -> c.unit = Unit.BYTES;
                case HUMAN -> c.unit = Unit.HUMAN;
                case GLOBAL -> c.global = c.structured = true;
                case POSIX_QUEUES -> c.posixQueues = c.structured = true;
                case POSIX_SHMEMS -> c.posixShmems = c.structured = true;
                case POSIX_SEMAPHORES -> c.posixSemaphores = c.structured = true;
                case POSIX -> c.posixQueues = c.posixShmems = c.posixSemaphores = c.structured = true;
                case NAME -> {
                    c.name = (String) value;
                    c.structured = true;
                }
                case JSON -> {
                    c.output = StructuredListing.Output.JSON;
                    c.structured = true;
                }
                case EXPORT -> {
                    c.output = StructuredListing.Output.EXPORT;
                    c.structured = true;
                }
                case RAW -> {
                    c.output = StructuredListing.Output.RAW;
                    c.structured = true;
                }
                case NOHEADINGS -> c.noHeadings = c.structured = true;
                case OUTPUT -> {
                    c.outputColumns = (String) value;
                    c.structured = true;
                }
                case NUMERIC_PERMS -> c.numericPerms = c.structured = true;
                case TIME_FORMAT -> {
                    c.timeFormat = (String) value;
                    c.structured = true;
                }
                case NOTRUNCATE -> c.structured = true;
                case ORPHANS -> c.orphans = true;
            }
            return null;
        }
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Lists what the options ask for; returns the exit code. */
    public int run(PrintWriter out, PrintWriter err) {
        SystemPaths paths = SystemPaths.fromSystemProperties();
        if (structured) {
            StructuredListing.Request request = structuredRequest();
            return new StructuredListing(request, paths).print(out, err);
        }
        SystemVSource source = new SystemVSource(paths);
        UserDirectory users = new UserDirectory(paths.passwd(), paths.group());
        IpcsRenderer renderer = new IpcsRenderer(users, format, unit, CTime.systemDefault());
        Text text = new Text(64 * 1024);

        if (id != null) {
            int objectId = parseId(id);
            if ((queues ? 1 : 0) + (segments ? 1 : 0) + (semaphores ? 1 : 0) != 1) {
                throw IpcException.failure("when using an ID, a single resource must be specified");
            }
            if (!details(renderer, source, text, objectId)) {
                ErrorReporter.warning(err, "id " + objectId + " not found");
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
                // Each section is read, parsed and rendered on its own thread; they are printed in order.
                List<Callable<Text>> sections = new ArrayList<>(3);
                Orphans only = orphans ? new Orphans() : null;
                if (queues) {
                    sections.add(new Section(renderer, source, IpcResource.MESSAGE_QUEUES, only));
                }
                if (segments) {
                    sections.add(new Section(renderer, source, IpcResource.SHARED_MEMORY, only));
                }
                if (semaphores) {
                    sections.add(new Section(renderer, source, IpcResource.SEMAPHORES, only));
                }
                List<Text> rendered = Parallel.all(sections);
                out.write(text.toString());
                for (Text section : rendered) {
                    out.write(section.toString());
                    out.write('\n');
                }
                if (only != null) {
                    out.flush();
                    only.doubts().ifPresent(doubts -> ErrorReporter.warning(err, doubts));
                }
                return 0;
            }
        }
        out.write(text.toString());
        return 0;
    }

    /** One section of an ipcs listing: its objects read and rendered; orphans null when not asked for. */
    private record Section(IpcsRenderer renderer, SystemVSource source, IpcResource resource, Orphans orphans)
            implements Callable<Text> {
        @Override
        public Text call() {
            Text text = new Text(64 * 1024);
            switch (resource) {
                case MESSAGE_QUEUES -> renderer.messageQueues(text, only(source.messageQueues()));
                case SHARED_MEMORY -> renderer.sharedMemory(text, only(source.sharedMemorySegments()));
                case SEMAPHORES -> renderer.semaphores(text, only(source.semaphoreSets()));
            }
            return text;
        }

        /** With --orphans, the objects no live process uses (see {@link Orphans}); else all of them. */
        private <T extends SystemVObject> List<T> only(List<T> objects) {
            return orphans != null ? objects.stream().filter(orphans::orphan).toList() : objects;
        }
    }

    /** The structured listing the options ask for, checked as a whole. */
    private StructuredListing.Request structuredRequest() {
        TimeFormat times = null;
        if (timeFormat != null) {
            times = TimeFormat.byName(timeFormat);
            if (times == null) {
                throw IpcException.usage("invalid --time-format '" + timeFormat + "': expected short, full or iso");
            }
        }
        Integer objectId = null;
        if (id != null) {
            objectId = parseId(id);
            if ((queues ? 1 : 0) + (segments ? 1 : 0) + (semaphores ? 1 : 0) != 1
                    || posixQueues || posixShmems || posixSemaphores) {
                throw IpcException.failure("when using an ID, a single resource must be specified");
            }
        }
        boolean posixAsked = posixQueues || posixShmems || posixSemaphores;
        if (name != null && (posixQueues ? 1 : 0) + (posixShmems ? 1 : 0) + (posixSemaphores ? 1 : 0) != 1) {
            throw IpcException.usage("--name '" + name + "' needs exactly one of -Q, -M, -S");
        }
        boolean limits = global || format == Format.LIMITS || format == Format.SUMMARY;
        List<Listing> listings = new ArrayList<>();
        Set<Listing> limitsFor = EnumSet.noneOf(Listing.class);
        boolean systemVAsked = queues || segments || semaphores;
        if (limits) {
            listings.add(Listing.GLOBAL);
            boolean all = !systemVAsked && !posixAsked;
            addIf(limitsFor, Listing.QUEUES, queues || all);
            addIf(limitsFor, Listing.SEGMENTS, segments || all);
            addIf(limitsFor, Listing.SEMAPHORES, semaphores || all);
            addIf(limitsFor, Listing.POSIX_QUEUES, posixQueues || all);
        } else {
            boolean defaultSystemV = !systemVAsked && !posixAsked;
            addIf(listings, Listing.QUEUES, queues || defaultSystemV);
            addIf(listings, Listing.SEGMENTS, segments || defaultSystemV);
            addIf(listings, Listing.SEMAPHORES, semaphores || defaultSystemV);
            addIf(listings, Listing.POSIX_QUEUES, posixQueues);
            addIf(listings, Listing.POSIX_SHMEMS, posixShmems);
            addIf(listings, Listing.POSIX_SEMAPHORES, posixSemaphores);
        }
        return new StructuredListing.Request(listings, limitsFor, outputColumns, formatTime, formatCreator,
                formatPid, output, !noHeadings, unit == Unit.BYTES, numericPerms, times, objectId, name, orphans);
    }

    private static void addIf(java.util.Collection<Listing> to, Listing listing, boolean condition) {
        if (condition) {
            to.add(listing);
        }
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
