// What the three tune commands have in common: the shared options and values, read into a call of the engine.
package dev.ipc.tune;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.Input;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** Subclasses inherit these command attributes. */
@Command(mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        usageHelpAutoWidth = true)
public abstract class TuneCommand implements Callable<Integer> {
    private static final String[] ORDINALS = {"1st", "2nd", "3rd", "4th"};

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
        SysctlConf conf = SysctlConf.fromSystemProperties();
        Optional<Preset> preset = checkCommandLine(named, conf);
        RunContext context = RunContext.of(spec);
        Machine machine = Machine.read(context.paths());
        EnumMap<Limit, Long> requested = parseValues(named, machine);
        Tuner tuner = new Tuner(group, machine, conf);

        boolean valuesGiven = !requested.isEmpty();
        boolean recordsForBoot = options.persist != null;
        TuneResult result;
        if (preset.isPresent()) {
            result = tuner.preset(preset.get(), connections(preset.get()), ram(preset.get()), options.apply,
                    changeOptions(conf));
        } else if (!valuesGiven && !recordsForBoot) {
            result = tuner.show();
        } else {
            result = tuner.change(requested, changeOptions(conf));
        }
        return print(group, machine, options.json, result, context);
    }

    /**
     * The group's limits, shown as the command shows them given no values and no option but --json: for the
     * start-up fast path (dev.ipc.FastPath), which runs that line without picocli.
     */
    public static int show(LimitGroup group, boolean json, RunContext context) throws IOException {
        SysctlConf conf = SysctlConf.fromSystemProperties();
        Machine machine = Machine.read(context.paths());
        return print(group, machine, json, new Tuner(group, machine, conf).show(), context);
    }

    private static int print(LimitGroup group, Machine machine, boolean json, TuneResult result,
                             RunContext context) {
        new TuneRenderer(group, machine, json, context.terminal()).print(result, context);
        if (result.failure().isPresent()) {
            throw IpcException.failure(result.failure().get());
        }
        return 0;
    }

    /** Combinations of options that make no sense are usage errors, found before anything is read. */
    private Optional<Preset> checkCommandLine(Map<Limit, String> named, SysctlConf conf) {
        int count = group.limits().size();
        if (options.persist != null && options.persist.isEmpty()) {
            throw IpcException.usage("--persist '': empty FILE; give a file, or --persist alone for "
                    + conf.defaultFile());
        }
        if (!named.isEmpty() && !values.isEmpty()) {
            throw IpcException.usage("give the values either as options or as " + count + " numbers, not both");
        }
        if (!values.isEmpty() && values.size() != count) {
            throw IpcException.usage("expected " + count + " values (" + names() + "), got " + values.size()
                    + "; to change only some, use options such as " + group.limits().get(0).option());
        }
        Preset preset = null;
        if (options.preset != null) {
            preset = Preset.named(options.preset);
            if (preset == null) {
                throw IpcException.usage("--preset " + ValueParser.quote(options.preset)
                        + ": unknown; choose postgresql, oracle or db2");
            }
            if (!named.isEmpty() || !values.isEmpty()) {
                throw IpcException.usage("--preset computes the values; give no values with it");
            }
            if (preset.needsConnections() && options.connections == null) {
                throw IpcException.usage("--preset postgresql needs --connections N (the server's max_connections)");
            }
            if (!options.apply && options.persist != null) {
                throw IpcException.usage("--persist with --preset needs --apply");
            }
        }
        if (options.connections != null && preset != Preset.POSTGRESQL) {
            throw IpcException.usage("--connections goes with --preset postgresql");
        }
        if (options.ram != null && (preset == null || !preset.usesRam())) {
            throw IpcException.usage("--ram goes with --preset oracle or --preset db2");
        }
        if (options.apply && preset == null) {
            throw IpcException.usage("--apply goes with --preset");
        }
        return Optional.ofNullable(preset);
    }

    /** The values given as options and as positional values, checked against their limits' ranges. */
    private EnumMap<Limit, Long> parseValues(Map<Limit, String> named, Machine machine) {
        ValueParser parser = new ValueParser(machine.pageSize(), machine.ipcmni());
        EnumMap<Limit, Long> parsed = new EnumMap<>(Limit.class);
        for (Map.Entry<Limit, String> entry : named.entrySet()) {
            Limit limit = entry.getKey();
            parsed.put(limit, parser.parse(limit, limit.option(), entry.getValue()));
        }
        for (int i = 0; i < values.size(); i++) {
            Limit limit = group.limits().get(i);
            parsed.put(limit, parser.parse(limit, limit.name() + " (" + ORDINALS[i] + " value)", values.get(i)));
        }
        return parsed;
    }

    /** --connections, for the preset that needs it; 0 for the others. */
    private long connections(Preset preset) {
        if (!preset.needsConnections()) {
            return 0;
        }
        String text = options.connections;
        if (!text.matches("[1-9][0-9]{0,8}") || Long.parseLong(text) > Preset.POSTGRESQL_MAX_CONNECTIONS) {
            throw IpcException.usage("--connections " + ValueParser.quote(text) + ": give a plain decimal from 1 "
                    + "to " + Preset.POSTGRESQL_MAX_CONNECTIONS + " (PostgreSQL's largest max_connections)");
        }
        return Long.parseLong(text);
    }

    /** --ram, for the presets that size limits from memory; empty when not given, for this machine's. */
    private OptionalLong ram(Preset preset) {
        return preset.usesRam() && options.ram != null ? OptionalLong.of(ValueParser.ram(options.ram))
                : OptionalLong.empty();
    }

    private Tuner.ChangeOptions changeOptions(SysctlConf conf) {
        Optional<Path> persistFile = Optional.ofNullable(options.persist)
                .map(file -> file.equals(TuneOptions.DEFAULT_FILE) ? conf.defaultFile() : Input.path(file));
        return new Tuner.ChangeOptions(options.dryRun, options.force, persistFile);
    }

    private String names() {
        List<String> names = new ArrayList<>();
        for (Limit limit : group.limits()) {
            names.add(limit.name());
        }
        return String.join(" ", names);
    }
}
