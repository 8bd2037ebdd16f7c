// What every pipe demo command shares: standard help, usage exit code, and the --trace/--json/--timeout options.
package dev.ipc.pipe;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** picocli applies a superclass's @Command attributes first; each demo's own annotation adds the rest. */
@Command(mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE)
abstract class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DemoOptions options;
}
