// The root command: lists the subcommands; run alone, it is a usage error.
package dev.ipc;

import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.Terminal;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

import java.util.List;

public final class IpcCommand implements Runnable, RunContext.Holder {
    // The root's texts, read by its model and by RootHelp, which writes ipc --help without picocli.
    static final String COMMAND_LABEL = "COMMAND";
    private static final String NO_COMMAND = "no command given";
    static final String[] DESCRIPTION = {"Linux inter-process communication: list, create, remove and tune System V "
            + "and POSIX IPC objects, and run the classic IPC demos.", ""};
    static final String[] FOOTER = {"", "Run 'ipc COMMAND --help' for the options of a command.", "",
            "Exit status: 0 success, 1 failure, 2 bad usage; ls, mk and rm keep the exit codes of ipcs, ipcmk and "
                    + "ipcrm.",
            "",
            "Environment:",
            "  NO_COLOR    when set and not empty, no colour (unless --color=always)",
            "  IPC_DEBUG   when set, failures show their stack trace (as --debug does)",
            "  COLUMNS     the width of help text; a terminal's own width by default",
            "",
            "Examples:",
            "  ipc ls                 what ipcs shows: queues, segments, semaphore sets",
            "  ipc ls -g              the kernel's limits and how much of each is in use",
            "  ipc help ls            the options of ls (also: ipc ls --help, man ipc-ls)"};
    static final String COLOR_LABEL = "WHEN";
    static final String COLOR_HELP = "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.";
    static final String DEBUG_HELP = "Show the stack trace of a failure.";
    static final String NS_LABEL = "PID|PATH";
    static final String NS_HELP = "Work in the IPC namespace of process PID, or of a namespace file "
            + "(/proc/PID/ns/ipc, or a bind mount of one). POSIX shared memory and semaphores are files of a mount "
            + "namespace: they are read through /proc/PID/root.";

    private final CommandSpec spec;
    /** The run this root belongs to; null for the tree that help, man pages and completion read. */
    private RunContext context;

    private IpcCommand() {
        spec = CommandSpec.wrapWithoutInspection(this);
    }

    @Override
    public RunContext runContext() {
        return context;
    }

    /** Hands the run's context to every command of the tree under root. */
    static void attach(CommandLine root, RunContext context) {
        ((IpcCommand) root.getCommandSpec().userObject()).context = context;
    }

    /** The root's model, built in code (see {@link CommandSpecs}). */
    static CommandSpec spec() {
        CommandSpec spec = new IpcCommand().spec;
        spec.name("ipc")
                .exitCodeOnInvalidInput(ExitCodes.USAGE)
                .exitCodeOnExecutionException(ExitCodes.FAILURE);
        spec.usageMessage()
                .synopsisSubcommandLabel(COMMAND_LABEL)
                .description(DESCRIPTION.clone())
                .footer(FOOTER.clone());
        CommandSpecs.withStandardHelp(spec);
        // Accepted by every subcommand: "ipc ls -g --color=always" as well as "ipc --color=always ls -g".
        spec.addOption(OptionSpec.builder("--color").arity("1").type(String.class).paramLabel(COLOR_LABEL)
                .scopeType(ScopeType.INHERIT).completionCandidates(List.of("auto", "always", "never"))
                .converters(new ColorValue()).setter(new IgnoredValue()).order(999)
                .description(COLOR_HELP).build());
        // Anywhere on the line, as --color: "ipc ls -l --debug" as well as "ipc --debug ls -l".
        spec.addOption(OptionSpec.builder("--debug").arity("0").type(boolean.class)
                .scopeType(ScopeType.INHERIT).order(1000)
                .setter(new IgnoredValue()).description(DEBUG_HELP).build());
        // Anywhere on the line too; read from the raw arguments and entered before parsing (see InNamespace).
        spec.addOption(OptionSpec.builder("--ns").arity("1").type(String.class).paramLabel(NS_LABEL)
                .scopeType(ScopeType.INHERIT).order(1001).setter(new NamespaceValue(spec))
                .description(NS_HELP).build());
        return spec;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), NO_COMMAND);
    }

    /**
     * A line without a command, answered as picocli's parse of it is (see {@link #run}) without building the root's
     * model: only where no --debug or IPC_DEBUG asks for picocli's stack trace.
     */
    static int noCommand(RunContext context) {
        new ErrorReporter(false, context.terminal()).usage(context.err(), NO_COMMAND, "ipc");
        context.err().flush();
        return ExitCodes.USAGE;
    }

    /** --color is read from the raw arguments before parsing (see {@link Terminal#mode}); parsing checks it. */
    private static final class ColorValue implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (Terminal.byName(value) == null) {
                throw new TypeConversionException("'" + value + "' is not auto, always or never");
            }
            return value;
        }
    }

    /**
     * The namespace was entered before parsing, from the raw arguments; an --ns that parsing finds and the raw
     * arguments did not (in an @file) would run in the wrong namespace, so it is refused.
     */
    private static final class NamespaceValue implements ISetter {
        private final CommandSpec root;

        NamespaceValue(CommandSpec root) {
            this.root = root;
        }

        @Override
        public <T> T set(T value) {
            if (value == null) {
                return null; // picocli resets options before parsing
            }
            RunContext context = ((IpcCommand) root.userObject()).context;
            if (context != null && (context.namespace() == null || !context.namespace().given().equals(value))) {
                throw new ParameterException(root.commandLine(), "--ns must be given on the command line itself, "
                        + "not in an @file: '" + value + "'");
            }
            return null;
        }
    }

    /** --debug (and --color) are read from the raw arguments before parsing, so that parse errors honour them. */
    private static final class IgnoredValue implements ISetter {
        @Override
        public <T> T set(T value) {
            return null;
        }
    }
}
