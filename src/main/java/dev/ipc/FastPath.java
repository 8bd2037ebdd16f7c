// Start-up fast path of the object commands scripts run in loops (ipc sem op, msg send ...): plain lines parsed here.
package dev.ipc;

import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.fifo.FifoSendCommand;
import dev.ipc.mk.MkCommand;
import dev.ipc.msg.MsgRecvCommand;
import dev.ipc.msg.MsgSendCommand;
import dev.ipc.pipe.PipeHelloCommand;
import dev.ipc.rm.RmCommand;
import dev.ipc.sem.SemGetCommand;
import dev.ipc.sem.SemOpCommand;
import dev.ipc.shm.ShmReadCommand;
import dev.ipc.shm.ShmWriteCommand;
import dev.ipc.tune.LimitGroup;
import dev.ipc.tune.TuneCommand;
import dev.ipc.util.Decimal;

import java.util.ArrayList;
import java.util.List;

/**
 * Building picocli's models and parser costs more than such a command's own work, JVM start aside
 * (scripts/bench-startup measures it). A line that uses only a command's own options, each once, in their plain
 * forms (--id 5, --id=5, --json) with values that cannot be taken for options, runs the command here without
 * picocli; everything else (help, mistakes, @files, "--", --debug, --color, a value starting with '-') goes to
 * picocli, which parses and reports it as before. No lambdas or regular expressions here: their first use links
 * the JVM's lambda machinery, which a plain line never needs. FastPathTest checks each shape against its model.
 */
final class FastPath {
    /**
     * How a plain line of one command looks. values: the options that take one value, "--type=1" for one whose
     * default is 1; flags: those that take none; the positional values, from min to max (many: a list).
     */
    record Shape(String group, String name, String[] values, String[] flags, int minPositionals, int maxPositionals) {
        boolean many() {
            return maxPositionals > 1;
        }

        int value(String option) {
            for (int i = 0; i < values.length; i++) {
                if (values[i].equals(option) || values[i].startsWith(option) && values[i].startsWith("=",
                        option.length())) {
                    return i;
                }
            }
            return -1;
        }

        int flag(String option) {
            for (int i = 0; i < flags.length; i++) {
                if (flags[i].equals(option)) {
                    return i;
                }
            }
            return -1;
        }

        /** The option's name, without its default. */
        static String name(String value) {
            int equals = value.indexOf('=');
            return equals < 0 ? value : value.substring(0, equals);
        }

        /** The option's default value, or null. */
        static String defaultValue(String value) {
            int equals = value.indexOf('=');
            return equals < 0 ? null : value.substring(equals + 1);
        }
    }

    private static final String[] NONE = {};

    /** The commands run here. --id and --key, where a command has them: exactly one, as their group requires. */
    static final Shape[] SHAPES = {
            new Shape("sem", "get", new String[] {"--id", "--key", "--num"}, new String[] {"--json"}, 0, 0),
            new Shape("sem", "op", new String[] {"--id", "--key", "--timeout", "--hold"},
                    new String[] {"--undo", "--nowait"}, 1, Integer.MAX_VALUE),
            new Shape("msg", "send", new String[] {"--id", "--key", "--type=1", "--timeout", "--file"},
                    new String[] {"--nowait"}, 0, 1),
            // --peek takes an optional value: left to picocli
            new Shape("msg", "recv", new String[] {"--id", "--key", "--type=0", "--count", "--max-size", "--timeout"},
                    new String[] {"--except", "--nowait", "--all", "--truncate", "--raw", "--json"}, 0, 0),
            new Shape("shm", "read", new String[] {"--id", "--key", "--offset", "--length"}, new String[] {"--raw"},
                    0, 0),
            new Shape("shm", "write", new String[] {"--id", "--key", "--offset", "--file"}, NONE, 0, 1),
            // the limits shown; values, presets and the other options are left to picocli
            new Shape("sem", "tune", NONE, new String[] {"--json"}, 0, 0),
            new Shape("msg", "tune", NONE, new String[] {"--json"}, 0, 0),
            new Shape("shm", "tune", NONE, new String[] {"--json"}, 0, 0),
            // a command of its own, without a group (name ""): System V objects only, keys given or random;
            // POSIX objects, --key-from, long forms and clustered flags (-QS) are left to picocli
            // the verb and its argument words: one list
            new Shape("fifo", "send", new String[] {"--dir", "--timeout=5s", "--count=1"},
                    new String[] {"--shared", "--diagram"}, 1, Integer.MAX_VALUE),
            new Shape("mk", "", new String[] {"-M", "-S", "-p", "--key"}, new String[] {"-Q", "--json"}, 0, 0),
            new Shape("pipe-demo", "hello", new String[] {"--timeout=30s", "--wait=1s"},
                    new String[] {"--trace", "--json", "--diagram", "--no-close"}, 0, 0),
            // removals by System V id or key, each option once; POSIX names, --all and its filters, long forms and
            // ipcrm's old form (rm shm ID) are left to picocli
            new Shape("rm", "", new String[] {"-m", "-M", "-q", "-Q", "-s", "-S"}, new String[] {"-v", "--dry-run"},
                    0, 0),
    };

    private FastPath() {
    }

    /** A line parsed here: what the command reads of it. */
    static final class Line implements ParsedLine {
        private final Shape shape;
        private final String[] values;
        private final boolean[] flags;
        private final List<String> positionals = new ArrayList<>();
        /** The options given, in command-line order: mk reads its values in that order, as ipcmk does. */
        private final List<String> order = new ArrayList<>();

        private Line(Shape shape) {
            this.shape = shape;
            this.values = new String[shape.values().length];
            this.flags = new boolean[shape.flags().length];
        }

        Shape shape() {
            return shape;
        }

        /** An option the shape leaves to picocli (msg recv --peek) is never on a plain line: null. */
        @Override
        public String text(String option) {
            int at = shape.value(option);
            return at < 0 ? null : values[at] != null ? values[at] : Shape.defaultValue(shape.values()[at]);
        }

        @Override
        public boolean given(String flag) {
            int at = shape.flag(flag);
            return at >= 0 && flags[at];
        }

        @Override
        public boolean matched(String option) {
            int at = shape.value(option);
            return at >= 0 ? values[at] != null : given(option);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T positional(int index) {
            if (index != 0) {
                throw new IllegalArgumentException("one positional parameter only");
            }
            if (shape.many()) {
                return (T) List.copyOf(positionals);
            }
            return (T) (positionals.isEmpty() ? null : positionals.get(0));
        }
    }

    /** The line parsed, when it is a plain line of a command run here; null for picocli to parse. */
    static Line parse(String... args) {
        if (args.length < 2) {
            return null;
        }
        Shape shape = null;
        for (Shape candidate : SHAPES) {
            if (candidate.group().equals(args[0])
                    && (candidate.name().isEmpty() || candidate.name().equals(args[1]))) {
                shape = candidate;
            }
        }
        if (shape == null) {
            return null;
        }
        Line line = new Line(shape);
        for (int i = shape.name().isEmpty() ? 1 : 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@') {
                return null; // @files are expanded by picocli; an empty word has its own rules there
            }
            if (arg.charAt(0) != '-') {
                if (line.positionals.size() == shape.maxPositionals()) {
                    return null;
                }
                line.positionals.add(arg);
                continue;
            }
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String option = equals < 0 ? arg : arg.substring(0, equals);
            int value = shape.value(option);
            if (value >= 0) {
                String text = equals >= 0 ? arg.substring(equals + 1) : ++i < args.length ? args[i] : null;
                if (text == null || line.values[value] != null
                        || !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '@')) {
                    return null; // missing, given twice, or a value picocli may take for an option or a file
                }
                line.values[value] = text;
                line.order.add(Shape.name(shape.values()[value]));
                continue;
            }
            int flag = equals < 0 ? shape.flag(option) : -1;
            if (flag < 0 || line.flags[flag]) {
                return null;
            }
            line.flags[flag] = true;
            line.order.add(option);
        }
        int id = shape.value("--id");
        if (line.positionals.size() < shape.minPositionals()
                || id >= 0 && (line.values[id] == null) == (line.values[shape.value("--key")] == null)) {
            return null;
        }
        if (shape.group().equals("mk") && !line.matched("-M") && !line.matched("-Q") && !line.matched("-S")) {
            return null; // nothing to make: picocli reports the bad usage
        }
        if (shape.group().equals("rm") && line.order.size() == countGiven(line.flags)) {
            return null; // nothing to remove: picocli reports the bad usage
        }
        if (shape.group().equals("fifo") && !Decimal.isDecimal(line.text("--count"), 18, false)) {
            return null; // picocli converts it, or says why not
        }
        return line;
    }

    private static int countGiven(boolean[] flags) {
        int given = 0;
        for (boolean flag : flags) {
            given += flag ? 1 : 0;
        }
        return given;
    }

    /** Runs the command of a plain line; its failures are reported as picocli's execution of it reports them. */
    static int run(Line line, RunContext context) {
        try {
            return switch (line.shape().group() + " " + line.shape().name()) {
                case "sem get" -> SemGetCommand.run(line, context);
                case "sem op" -> SemOpCommand.run(line, context);
                case "msg send" -> MsgSendCommand.run(line, context);
                case "msg recv" -> MsgRecvCommand.run(line, context);
                case "shm read" -> ShmReadCommand.run(line, context);
                case "shm write" -> ShmWriteCommand.run(line, context);
                case "sem tune" -> TuneCommand.show(LimitGroup.SEM, line.given("--json"), context);
                case "msg tune" -> TuneCommand.show(LimitGroup.MSG, line.given("--json"), context);
                case "shm tune" -> TuneCommand.show(LimitGroup.SHM, line.given("--json"), context);
                case "fifo send" -> FifoSendCommand.run(line, context);
                case "mk " -> MkCommand.run(line.order, line, context);
                case "pipe-demo hello" -> PipeHelloCommand.run(line, context);
                case "rm " -> RmCommand.run(line.order, line, context);
                default -> throw new IllegalStateException("no command " + line.shape().name());
            };
        } catch (Exception e) {
            return failed(e, context);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** A command run without picocli failed: reported as picocli's execution exception handler reports it. */
    static int failed(Exception e, RunContext context) {
        return new ErrorReporter(context.environment().get("IPC_DEBUG") != null, context.terminal())
                .failed(e, context.out(), context.err());
    }
}
