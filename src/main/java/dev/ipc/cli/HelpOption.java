// -h/--help for leaf commands; the version stays on the root, where -V answers for the whole tool.
package dev.ipc.cli;

import picocli.CommandLine.Option;

public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = CommandSpecs.HELP_HELP)
    boolean help;
}
