// The root command: lists the subcommands; run alone, it is a usage error.
package dev.ipc.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

public final class IpcCommand implements Runnable {
    private final CommandSpec spec;

    private IpcCommand() {
        spec = CommandSpec.wrapWithoutInspection(this);
    }

    /** The root's model, built in code (see {@link Specs}). */
    static CommandSpec spec() {
        CommandSpec spec = new IpcCommand().spec;
        spec.name("ipc")
                .exitCodeOnInvalidInput(ExitCodes.USAGE)
                .exitCodeOnExecutionException(ExitCodes.FAILURE);
        spec.usageMessage()
                .synopsisSubcommandLabel("COMMAND")
                .description("Linux inter-process communication: list, create, remove and tune System V and "
                        + "POSIX IPC objects, and run the classic IPC demos.", "")
                .footer("", "Run 'ipc COMMAND --help' for the options of a command.", "",
                        "Exit status: 0 success, 1 failure, 2 bad usage; ls, mk and rm keep the exit codes of "
                                + "ipcs, ipcmk and ipcrm.");
        Specs.withStandardHelp(spec);
        spec.addOption(OptionSpec.builder("--debug").arity("0").type(boolean.class).hidden(true)
                .setter(new IgnoredValue()).description("Show stack traces of failures.").build());
        return spec;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    /** --debug is read from the raw arguments before parsing, so that parse errors can honour it too. */
    private static final class IgnoredValue implements ISetter {
        @Override
        public <T> T set(T value) {
            return null;
        }
    }
}
