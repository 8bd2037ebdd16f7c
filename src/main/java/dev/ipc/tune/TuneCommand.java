// What the three tune commands have in common: the shared options, the values in the kernel's order, the engine.
package dev.ipc.tune;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Subclasses inherit these command attributes. */
@Command(mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        usageHelpAutoWidth = true)
abstract class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "VALUE",
            description = "All the values at once, in the order of the options below (the kernel's).")
    List<String> values = new ArrayList<>();

    @Mixin
    TuneOptions options;

    private final LimitGroup group;

    TuneCommand(LimitGroup group) {
        this.group = group;
    }

    /** The values given as options, in the group's order, as typed; null where one was not given. */
    abstract String[] named();

    @Override
    public Integer call() throws IOException {
        Map<Limit, String> named = new EnumMap<>(Limit.class);
        String[] given = named();
        for (int i = 0; i < given.length; i++) {
            if (given[i] != null) {
                named.put(group.limits().get(i), given[i]);
            }
        }
        return new Tuner(group, spec, options).run(named, values);
    }
}
