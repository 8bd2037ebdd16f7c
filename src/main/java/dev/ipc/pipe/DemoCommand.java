// What every pipe demo command shares: standard help, usage exit code, and the --trace/--json/--timeout options.
package dev.ipc.pipe;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.VersionProvider;
import dev.ipc.libc.NativeCallException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
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

    /** The program argv names, found on the PATH of this run's environment. */
    Program program(List<String> argv) {
        return Program.resolve(argv, RunContext.of(spec).environment());
    }

    /** Runs the demo; its exit code. */
    abstract int run();

    /** Every message a demo gives starts with the demo's name: "pipe-demo hello: ...". */
    @Override
    public final Integer call() {
        return guarded(spec.parent().name() + " " + spec.name());
    }

    /** Runs the demo named so (through picocli, or from a plain line), its messages starting with the name. */
    final int guarded(String name) {
        try {
            options.deadline(); // a bad --timeout is reported before anything else is looked at
            if (options.json() && options.diagram()) {
                throw IpcException.usage("--json and --diagram cannot be used together");
            }
            return run();
        } catch (IpcException e) {
            throw new IpcException(name + ": " + e.getMessage(), e.exitCode(), e);
        } catch (NativeCallException e) {
            throw new IpcException(name + ": " + e.getMessage(), ExitCodes.FAILURE, e);
        }
    }
}
