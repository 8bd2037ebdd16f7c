// The engine behind ipc sem|msg|shm tune: check everything, then change the kernel, read back, and persist.
package dev.ipc.tune;

import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.IpcException;
import dev.ipc.proc.KernelLimitsReader;
import dev.ipc.proc.ProcFile;
import dev.ipc.proc.SystemPaths;
import dev.ipc.source.SystemVSource;
import dev.ipc.sys.PageSize;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Order of work, so that nothing is left half done: read the whole command line and every value; read the
 * limits and what is in use; refuse lowering (unless --force); lock the sysctl.d file's folder and stage its new
 * text; only then write to the kernel, read back, and on any difference write the old values back; then put the
 * file in place, and should that fail, write the old values back too.
 */
final class Tuner {
    private static final String[] ORDINALS = {"1st", "2nd", "3rd", "4th"};

    private final LimitGroup group;
    private final TuneOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SystemPaths paths = SystemPaths.fromSystemProperties();
    private final long pageSize = PageSize.get();
    private final long ipcmni = ipcmni();

    Tuner(LimitGroup group, CommandSpec spec, TuneOptions options) {
        this.group = group;
        this.options = options;
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
    }

    /**
     * @param named      values given as options, by limit, as typed
     * @param positional values given in the group's order, as typed
     */
    int run(Map<Limit, String> named, List<String> positional) throws IOException {
        Preset preset = checkCommandLine(named, positional);
        EnumMap<Limit, Long> requested = parseValues(named, positional);
        Preset.Inputs inputs = preset == null ? null : presetInputs(preset);

        KernelLimitsReader reader = new KernelLimitsReader(paths);
        EnumMap<Limit, Long> old = group.read(reader);
        Usage usage = Usage.of(group, new SystemVSource(paths), pageSize);
        TuneReport report = new TuneReport(group, IpcNamespace.current(), pageSize, options.json);

        if (preset != null) {
            EnumMap<Limit, Long> settings = guide(preset, inputs, old, report);
            boolean raises = settings.entrySet().stream().anyMatch(e -> !e.getValue().equals(old.get(e.getKey())));
            if (!options.apply || settings.isEmpty() || !raises && options.persist == null) {
                report.print(out, err);
                return 0;
            }
            requested = settings;
        }
        if (requested.isEmpty() && options.persist == null) {
            report.show(old, usage);
            report.warn(Checks.warnings(group, old, old, usage, pageSize, ipcmni));
            report.print(out, err);
            return 0;
        }
        if (requested.isEmpty()) {
            requested.putAll(old); // --persist alone records the current values
        }
        change(requested, old, usage, reader, report);
        return 0;
    }

    /** Checks the new values against the old and their use, then writes the kernel's files and the sysctl.d file. */
    private void change(EnumMap<Limit, Long> requested, EnumMap<Limit, Long> old, Usage usage,
                        KernelLimitsReader reader, TuneReport report) throws IOException {
        EnumMap<Limit, Long> target = new EnumMap<>(old);
        target.putAll(requested);
        List<String> refusals = Checks.refusals(requested, old, usage);
        report.warn(Checks.warnings(group, target, old, usage, pageSize, ipcmni));
        if (!refusals.isEmpty() && !options.force) {
            refuse(report, refusals);
        }
        for (String forced : refusals) {
            report.warn(List.of(forced + " (--force)"));
        }
        Persisting persisting = options.persist == null ? null
                : preparePersist(group.settings(requested.keySet(), target), report);
        try (SysctlSave save = persisting == null ? null : persisting.save()) {
            List<Limit> changed = new ArrayList<>();
            List<TuneReport.Change> changes = new ArrayList<>();
            for (Limit limit : requested.keySet()) {
                changes.add(new TuneReport.Change(limit, old.get(limit), target.get(limit)));
                if (!old.get(limit).equals(target.get(limit))) {
                    changed.add(limit);
                }
            }
            List<KernelWriter.Write> writes = writes(changed, old, target);
            if (options.dryRun) {
                for (KernelWriter.Write write : writes) {
                    if (!Files.isWritable(write.file())) {
                        report.warn(List.of("no permission to write " + write.file() + ": without --dry-run the "
                                + "change would fail"));
                    }
                }
            } else {
                KernelWriter.apply(writes);
                verify(reader, target, writes);
            }
            report.changes(changes, options.dryRun);

            if (persisting != null) {
                if (save != null) {
                    save(save, writes, report);
                }
                report.saved(new TuneReport.Saved(persisting.target(), persisting.settings(), !options.dryRun));
            }
            report.print(out, err);
        }
    }

    /**
     * Puts the staged file in place. Should that still fail, the kernel gets its old values back: limits that
     * are live but would be gone at the next boot are a trap.
     */
    private void save(SysctlSave save, List<KernelWriter.Write> writes, TuneReport report) {
        try {
            save.commit();
        } catch (IOException e) {
            throw IpcException.failure("cannot persist in " + save.target() + ": " + KernelWriter.reason(e) + "; "
                    + (writes.isEmpty() ? "nothing changed" : KernelWriter.restore(writes)));
        }
        try {
            save.syncFolder();
        } catch (IOException e) {
            report.print(out, err);
            throw IpcException.failure("the limits are changed and saved in " + save.target() + ", but "
                    + save.target().getParent() + " could not be synced: " + KernelWriter.reason(e));
        }
    }

    /** Combinations of options that make no sense are usage errors, found before anything is read. */
    private Preset checkCommandLine(Map<Limit, String> named, List<String> positional) {
        int count = group.limits().size();
        if (options.persist != null && options.persist.isEmpty()) {
            throw IpcException.usage("--persist '': empty FILE; give a file, or --persist alone for "
                    + SysctlConf.fromSystemProperties().defaultFile());
        }
        if (!named.isEmpty() && !positional.isEmpty()) {
            throw IpcException.usage("give the values either as options or as " + count + " numbers, not both");
        }
        if (!positional.isEmpty() && positional.size() != count) {
            throw IpcException.usage("expected " + count + " values (" + names() + "), got " + positional.size()
                    + "; to change only some, use options such as " + group.limits().get(0).option());
        }
        Preset preset = null;
        if (options.preset != null) {
            preset = Preset.named(options.preset);
            if (preset == null) {
                throw IpcException.usage("--preset " + ValueParser.quote(options.preset)
                        + ": unknown; choose postgresql, oracle or db2");
            }
            if (!named.isEmpty() || !positional.isEmpty()) {
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
        return preset;
    }

    private EnumMap<Limit, Long> parseValues(Map<Limit, String> named, List<String> positional) {
        ValueParser parser = new ValueParser(pageSize, ipcmni);
        EnumMap<Limit, Long> values = new EnumMap<>(Limit.class);
        for (Map.Entry<Limit, String> entry : named.entrySet()) {
            Limit limit = entry.getKey();
            values.put(limit, parser.parse(limit, limit.option(), entry.getValue()));
        }
        for (int i = 0; i < positional.size(); i++) {
            Limit limit = group.limits().get(i);
            values.put(limit, parser.parse(limit, limit.name() + " (" + ORDINALS[i] + " value)", positional.get(i)));
        }
        return values;
    }

    private Preset.Inputs presetInputs(Preset preset) throws IOException {
        long connections = 0;
        if (preset.needsConnections()) {
            String text = options.connections;
            if (!text.matches("[1-9][0-9]{0,8}") || Long.parseLong(text) > Preset.POSTGRESQL_MAX_CONNECTIONS) {
                throw IpcException.usage("--connections " + ValueParser.quote(text) + ": give a plain decimal from 1 "
                        + "to " + Preset.POSTGRESQL_MAX_CONNECTIONS + " (PostgreSQL's largest max_connections)");
            }
            connections = Long.parseLong(text);
        }
        long ram = 0;
        if (preset.usesRam()) {
            ram = options.ram != null ? ValueParser.ram(options.ram) : memTotal();
        }
        return new Preset.Inputs(connections, ram, pageSize, ipcmni);
    }

    /** The guide's values, never below the current ones; shown in the report, set with --apply. */
    private EnumMap<Limit, Long> guide(Preset preset, Preset.Inputs inputs, Map<Limit, Long> old,
                                       TuneReport report) {
        EnumMap<Limit, Long> settings = new EnumMap<>(Limit.class);
        List<TuneReport.GuideRow> rows = new ArrayList<>();
        for (Map.Entry<Limit, Long> entry : preset.guide(group, inputs).entrySet()) {
            Limit limit = entry.getKey();
            long now = old.get(limit);
            long setting = limit.compare(entry.getValue(), now) > 0 ? entry.getValue() : now;
            rows.add(new TuneReport.GuideRow(limit, now, entry.getValue(), setting));
            settings.put(limit, setting);
        }
        report.guide(preset, preset.describe(inputs), rows, options.apply);
        return settings;
    }

    private void refuse(TuneReport report, List<String> refusals) {
        report.printWarnings(err);
        for (int i = 0; i < refusals.size() - 1; i++) {
            ErrorReporter.error(err, "refusing: " + refusals.get(i));
        }
        throw IpcException.failure("refusing: " + refusals.get(refusals.size() - 1)
                + "; nothing changed (--force sets " + (refusals.size() == 1 ? "it" : "them") + " anyway)");
    }

    /**
     * The file to write and the settings it gets; except in a dry run, its new text is staged (under a lock that
     * keeps other runs out until this one is done) before the kernel is touched.
     */
    private record Persisting(Path target, Map<String, String> settings, SysctlSave save) {
    }

    private Persisting preparePersist(Map<String, String> settings, TuneReport report) {
        SysctlConf conf = SysctlConf.fromSystemProperties();
        Path file = options.persist.equals(TuneOptions.DEFAULT_FILE) ? conf.defaultFile() : Path.of(options.persist);
        Path target;
        try {
            target = SysctlConf.target(file);
        } catch (IOException e) {
            throw cannotPersist(file, e);
        }
        if (!options.dryRun && !Files.isWritable(target.getParent())) {
            throw IpcException.failure("cannot persist in " + target + ": no permission to write in "
                    + target.getParent() + "; nothing changed");
        }
        try {
            report.warn(conf.conflicts(target, settings.keySet()));
        } catch (IOException e) {
            report.warn(List.of("could not look for other sysctl files that set the same keys: "
                    + KernelWriter.reason(e)));
        }
        IpcNamespace namespace = report.namespace();
        if (namespace.id() != null && !namespace.initial()) {
            report.warn(List.of(target + " is applied at boot to the initial IPC namespace, not to this one ("
                    + namespace.id() + ")"));
        }
        SysctlSave save = null;
        try {
            if (options.dryRun) {
                SysctlConf.read(target); // a file that could not be read stops the dry run as it would the save
            } else {
                save = SysctlSave.lock(target);
                save.stage(SysctlConf.edit(save.read(), settings));
            }
        } catch (IOException e) {
            if (save != null) {
                save.close();
            }
            throw cannotPersist(file, e);
        }
        return new Persisting(target, settings, save);
    }

    private static IpcException cannotPersist(Path file, IOException e) {
        return IpcException.failure("cannot persist in " + file + ": " + KernelWriter.reason(e) + "; nothing changed");
    }

    /** One write per file: kernel.sem whole, the others each on its own. */
    private List<KernelWriter.Write> writes(List<Limit> changed, Map<Limit, Long> old, Map<Limit, Long> target) {
        Map<String, String> before = group.settings(changed, old);
        Map<String, String> after = group.settings(changed, target);
        List<KernelWriter.Write> writes = new ArrayList<>();
        for (Map.Entry<String, String> setting : after.entrySet()) {
            String key = setting.getKey();
            Path file = paths.kernelSysctl().resolve(key.substring("kernel.".length()));
            writes.add(new KernelWriter.Write(key, file, before.get(key), setting.getValue()));
        }
        return writes;
    }

    /**
     * Reads back every limit of the files written; if one differs from what was written, writes the old values
     * back. A file not written is not judged: another run may change it meanwhile.
     */
    private void verify(KernelLimitsReader reader, Map<Limit, Long> target, List<KernelWriter.Write> writes) {
        EnumMap<Limit, Long> now;
        try {
            now = group.read(reader);
        } catch (IOException e) {
            throw IpcException.failure("could not read the limits back: " + KernelWriter.reason(e) + "; "
                    + KernelWriter.restore(writes));
        }
        List<String> differences = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (KernelWriter.Write write : writes) {
            written.add(write.key());
        }
        for (Limit limit : group.limits()) {
            if (written.contains(limit.key()) && !now.get(limit).equals(target.get(limit))) {
                differences.add(limit.name() + ": asked " + limit.format(target.get(limit)) + ", it holds "
                        + limit.format(now.get(limit)));
            }
        }
        if (!differences.isEmpty()) {
            throw IpcException.failure("the kernel did not take " + String.join(", ", differences) + "; "
                    + KernelWriter.restore(writes));
        }
    }

    private String names() {
        List<String> names = new ArrayList<>();
        for (Limit limit : group.limits()) {
            names.add(limit.name());
        }
        return String.join(" ", names);
    }

    /** IPCMNI of the running kernel: 16777216 when it was booted with ipcmni_extend. */
    static long ipcmni() {
        try {
            for (String word : ProcFile.readLine(Path.of("/proc/cmdline")).split(" ")) {
                if (word.equals("ipcmni_extend")) {
                    return Limit.IPCMNI_EXTENDED;
                }
            }
        } catch (IOException e) {
            // no /proc/cmdline: the default
        }
        return Limit.IPCMNI;
    }

    /** MemTotal of /proc/meminfo, in bytes. */
    private static long memTotal() throws IOException {
        for (String line : ProcFile.readLine(Path.of("/proc/meminfo")).split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] fields = line.substring("MemTotal:".length()).trim().split("\\s+");
                return Long.parseLong(fields[0]) * 1024;
            }
        }
        throw new IOException("/proc/meminfo: no MemTotal line; give --ram SIZE");
    }
}
