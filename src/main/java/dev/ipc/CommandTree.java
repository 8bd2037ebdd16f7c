// Builds the command tree and runs one command line through it.
package dev.ipc;

import dev.ipc.fifo.FifoCommand;
import dev.ipc.metrics.MetricsCommand;
import dev.ipc.msg.MsgCommand;
import dev.ipc.pipe.PipeDemoCommand;
import dev.ipc.socket.SocketCommand;
import dev.ipc.sem.SemCommand;
import dev.ipc.shm.ShmCommand;
import dev.ipc.signal.SignalCommand;
import dev.ipc.top.TopCommand;

import dev.ipc.cli.CommandGroup;
import dev.ipc.cli.DecimalConverter;
import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.HelpLayout;
import dev.ipc.cli.NamespaceTarget;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Terminal;
import dev.ipc.cli.VersionProvider;

import dev.ipc.ls.LsCommand;
import dev.ipc.mk.MkCommand;
import dev.ipc.ns.NsCommand;
import dev.ipc.procfs.Prefetch;
import dev.ipc.rm.RmCommand;
import dev.ipc.util.Decimal;
import dev.ipc.who.WhoCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Map;

/**
 * picocli builds the model of every command it is given before it runs one. Only the subcommand that the
 * line names is built; help, man pages and completion get the whole tree.
 */
public final class CommandTree {
    /** Top-level subcommands, in the order help lists them. */
    static final String[] NAMES = {"ls", "mk", "rm", "sem", "msg", "shm", "signal", "fifo", "pipe-demo", "metrics",
            "socket", "who", "ns", "top"};

    private CommandTree() {
    }

    /** A new instance of the named subcommand (a CommandSpec or an annotated object), or null. */
    static Object create(String name) {
        switch (name) {
            case "ls":
                return LsCommand.spec();
            case "mk":
                return MkCommand.spec();
            case "rm":
                return RmCommand.spec();
            case "sem":
                return SemCommand.spec();
            case "msg":
                return MsgCommand.spec();
            case "shm":
                return ShmCommand.spec();
            case "signal":
                return new SignalCommand();
            case "fifo":
                return FifoCommand.spec();
            case "pipe-demo":
                return PipeDemoCommand.spec();
            case "ns":
                return new NsCommand();
            case "metrics":
                return MetricsCommand.spec();
            case "socket":
                return new SocketCommand();
            case "who":
                return new WhoCommand();
            case "top":
                return new TopCommand();
            default:
                return null;
        }
    }

    /** fifo and pipe-demo hold no IPC namespace state: the root's inherited --ns is taken off them and theirs. */
    private static void withoutNamespace(CommandLine command) {
        if (!InNamespace.applies(command.getCommandName())) {
            OptionSpec ns = command.getCommandSpec().findOption("--ns");
            if (ns != null) {
                command.getCommandSpec().remove(ns);
            }
            for (CommandLine member : command.getSubcommands().values()) {
                OptionSpec inherited = member.getCommandSpec().findOption("--ns");
                if (inherited != null) {
                    member.getCommandSpec().remove(inherited);
                }
            }
        }
    }

    /** The whole tree, for help, man pages and completion scripts. */
    public static CommandLine full() {
        CommandLine root = new CommandLine(IpcCommand.spec());
        for (String name : NAMES) {
            Object command = create(name);
            CommandGroup group = CommandGroup.of(command);
            root.addSubcommand(name, group == null ? command : group.withAllMembers());
            withoutNamespace(root.getSubcommands().get(name));
        }
        root.addSubcommand("help", HelpTopicCommand.spec());
        return root;
    }

    /**
     * The root with each command's name and summary only: all that ipc --help and a line without a command show
     * (byte for byte as {@link #full()} would print them; HelpTest compares the two).
     */
    private static CommandLine topLevel() {
        CommandLine root = new CommandLine(IpcCommand.spec());
        root.addSubcommand("help", HelpTopicCommand.spec());
        // picocli makes a CommandLine, with its own converters, for each member: the list is written from names
        Map<String, CommandLine.IHelpSectionRenderer> sections = root.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                help -> help.commandSpec().parent() == null ? RootHelp.commandList(
                        help.commandSpec().usageMessage().width(), help.colorScheme().ansi().enabled())
                        : help.commandList());
        root.setHelpSectionMap(sections);
        return root;
    }

    /**
     * The first description line of a top-level command: all that the root's help lists of it. Its model (and for
     * annotated commands, a proxy class per annotation type) is made only when the command runs.
     */
    static String summary(String name) {
        switch (name) {
            case "ls":
                return LsCommand.SUMMARY;
            case "mk":
                return MkCommand.SUMMARY;
            case "rm":
                return RmCommand.SUMMARY;
            case "sem":
                return SemCommand.SUMMARY;
            case "msg":
                return MsgCommand.SUMMARY;
            case "shm":
                return ShmCommand.SUMMARY;
            case "signal":
                return SignalCommand.SUMMARY;
            case "fifo":
                return FifoCommand.SUMMARY;
            case "pipe-demo":
                return PipeDemoCommand.SUMMARY;
            case "metrics":
                return MetricsCommand.SUMMARY;
            case "socket":
                return SocketCommand.SUMMARY;
            case "who":
                return WhoCommand.SUMMARY;
            case "ns":
                return NsCommand.SUMMARY;
            case "top":
                return TopCommand.SUMMARY;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /**
     * The root with only the subcommand named by the first non-option argument, when there is one; for a
     * group (ipc msg send ...), only the group's leaf that the next argument names.
     */
    static CommandLine forArguments(String... args) {
        int at = 0;
        while (at < args.length && args[at].startsWith("-")) {
            // the values of --color and --ns are not commands
            at += args[at].equals("--color") || args[at].equals("--ns") ? 2 : 1;
        }
        String first = at < args.length ? args[at] : null;
        Object only = first == null ? null : create(first);
        if (only == null) {
            if (asksOnlyForVersion(args)) {
                return new CommandLine(IpcCommand.spec());
            }
            return first == null ? topLevel() : full();
        }
        CommandLine root = new CommandLine(IpcCommand.spec());
        CommandGroup builtGroup = CommandGroup.of(only);
        Object leaf = at + 1 >= args.length ? null
                : builtGroup != null ? builtGroup.member(args[at + 1]) : groupMember(only, args[at + 1]);
        if (leaf == null) {
            root.addSubcommand(first, builtGroup != null ? builtGroup.withAllMembers() : only);
            withoutNamespace(root.getSubcommands().get(first));
        } else if (builtGroup != null) {
            CommandLine group = new CommandLine((CommandSpec) only);
            group.addSubcommand(args[at + 1], leaf);
            root.addSubcommand(first, group);
            withoutNamespace(root.getSubcommands().get(first));
        } else {
            CommandLine group = new CommandLine(groupWithoutMembers(only, first));
            group.addSubcommand(args[at + 1], leaf);
            root.addSubcommand(first, group);
            withoutNamespace(root.getSubcommands().get(first));
        }
        return root;
    }

    /** ipc --version needs none of the subcommands' models (help, and mistakes, list them). */
    private static boolean asksOnlyForVersion(String... args) {
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("-V") || arg.equals("--version")) {
                version = true;
            } else if (!arg.equals("--debug") && !arg.startsWith("--color=")) {
                return false;
            }
        }
        return version;
    }

    /**
     * The member of a group command that has this name, new, or null. picocli would build the model of every
     * member listed in the group's subcommands attribute; reading their names costs far less.
     */
    private static Object groupMember(Object group, String name) {
        Command command = group.getClass().getAnnotation(Command.class);
        if (command == null || command.subcommands().length == 0) {
            return null;
        }
        for (Class<?> member : command.subcommands()) {
            Command memberCommand = member.getAnnotation(Command.class);
            if (memberCommand != null && memberCommand.name().equals(name)) {
                try {
                    return member.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    return null; // the full model will say what is wrong
                }
            }
        }
        return null;
    }

    /** The group's own model, named as on the command line, with none of its members. */
    private static CommandSpec groupWithoutMembers(Object group, String name) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(group);
        spec.name(name);
        return spec;
    }

    /** processStreams: out and err are this process's descriptors 1 and 2 (see {@link RunContext}). */
    static int run(PrintWriter out, PrintWriter err, boolean processStreams, String... args) {
        String ns = InNamespace.value(args);
        if (ns == null) {
            return run(out, err, processStreams, null, args);
        }
        return InNamespace.run(out, err, ns, args,
                namespace -> run(out, err, processStreams, namespace, args));
    }

    /** namespace: what --ns named, entered by the calling thread; null for the process's own. */
    private static int run(PrintWriter out, PrintWriter err, boolean processStreams, NamespaceTarget namespace,
                           String... args) {
        if (args.length > 0 && args[0].equals("ls")) {
            return LsFastPath.run(out, err, processStreams, namespace, args);
        }
        Map<String, String> environment = System.getenv();
        RunContext context = new RunContext(out, err, processStreams, new Terminal(Terminal.mode(args), environment),
                environment, null, Prefetch.NONE, namespace);
        if (args.length == 0 && environment.get("IPC_DEBUG") == null) {
            return IpcCommand.noCommand(context);
        }
        if (RootHelp.asked(args)) {
            return RootHelp.print(context, RootHelp.width(context));
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the line picocli prints from the same provider, without building the root's model for it
            out.println(new VersionProvider().getVersion()[0]);
            out.flush();
            return 0;
        }
        FastPath.Line plain = FastPath.parse(args);
        return plain != null ? FastPath.run(plain, context) : execute(context, args);
    }

    /**
     * Help as wide as COLUMNS says, else as the terminal is (picocli asks stty), else 80 columns; never wider than
     * {@link HelpLayout#PROSE}, where lines get too long to read.
     */
    private static void fitHelpToTerminal(CommandLine root, Map<String, String> environment) {
        int columns = columnsWidth(environment);
        if (columns > 0) {
            root.setUsageHelpAutoWidth(false);
            root.setUsageHelpWidth(columns);
        } else {
            root.setUsageHelpAutoWidth(true);
        }
    }

    /** The help width COLUMNS asks for, within 55 and {@link HelpLayout#PROSE}; -1 unless it is 2 to 4 digits. */
    static int columnsWidth(Map<String, String> environment) {
        String columns = environment.get("COLUMNS");
        if (columns == null || columns.length() < 2 || !Decimal.isDecimal(columns, 4, false)) {
            return -1;
        }
        return readable(Integer.parseInt(columns));
    }

    /** A terminal's width as help uses it: within 55 and {@link HelpLayout#PROSE}. */
    static int readable(int width) {
        return Math.max(55, Math.min(HelpLayout.PROSE, width));
    }

    /** Runs the command as picocli does, with help in colour when the terminal takes it. */
    private record HelpInColour(CommandLine root, Terminal terminal) implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            for (CommandLine.ParseResult part = parseResult; part != null; part = part.subcommand()) {
                // by name: an instanceof would load picocli's HelpCommand on every start
                if (part.isUsageHelpRequested() || part.commandSpec().helpCommand()) {
                    refuseUnknownWords(parseResult);
                    root.setColorScheme(terminal.helpColours()); // only then: deciding costs a look at stdout
                    if (root.isUsageHelpAutoWidth()) {
                        int detected = root.getCommandSpec().usageMessage().width();
                        root.setUsageHelpAutoWidth(false);
                        root.setUsageHelpWidth(readable(detected));
                    }
                    HelpLayout.install(root);
                    break;
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        }

        /** "ipc nosuch --help" is a mistake, not a request for the root's help: picocli lets it pass. */
        private static void refuseUnknownWords(CommandLine.ParseResult parseResult) {
            for (CommandLine.ParseResult part = parseResult; part != null; part = part.subcommand()) {
                if (!part.unmatched().isEmpty()) {
                    throw new CommandLine.UnmatchedArgumentException(part.commandSpec().commandLine(),
                            part.unmatched());
                }
            }
        }
    }

    /** Parses the line with picocli and runs the command it names; returns the exit code. */
    static int execute(RunContext context, String... args) {
        CommandLine root = forArguments(args);
        IpcCommand.attach(root, context);
        boolean debug = context.environment().get("IPC_DEBUG") != null;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            debug |= arg.equals("--debug");
        }
        Terminal terminal = context.terminal();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        ErrorReporter reporter = new ErrorReporter(debug, terminal);
        root.setOut(out);
        root.setErr(err);
        DecimalConverter.register(root);
        root.setParameterExceptionHandler(reporter);
        root.setExecutionExceptionHandler(reporter);
        fitHelpToTerminal(root, context.environment());
        root.setExecutionStrategy(new HelpInColour(root, terminal));
        int code = root.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
