// The engine behind ipc sem|msg|shm tune: show the limits, compute a preset, or check, change, read back, persist.
package dev.ipc.tune;

import dev.ipc.cli.IpcException;
import dev.ipc.procfs.IpcNamespace;
import dev.ipc.procfs.KernelLimitsReader;
import dev.ipc.state.SystemVSource;
import dev.ipc.tune.TuneResult.Change;
import dev.ipc.tune.TuneResult.Changed;
import dev.ipc.tune.TuneResult.GuideRow;
import dev.ipc.tune.TuneResult.Guided;
import dev.ipc.tune.TuneResult.Refused;
import dev.ipc.tune.TuneResult.Saved;
import dev.ipc.tune.TuneResult.Shown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A change is done in an order that leaves nothing half done: read the limits and what is in use; refuse lowering
 * (unless --force); lock the sysctl.d file's folder and stage its new text; only then write to the kernel, read
 * back, and on any difference write the old values back; then put the file in place, and should that fail, write
 * the old values back too. Failures before the change and failures that undo it are thrown as IpcException;
 * everything else is a TuneResult.
 */
final class Tuner {
    /**
     * How a change is made.
     *
     * @param persistFile the sysctl.d file to record the values in (--persist), as given
     */
    record ChangeOptions(boolean dryRun, boolean force, Optional<Path> persistFile) {
    }

    private final LimitGroup group;
    private final Machine machine;
    private final SysctlConf conf;
    private final KernelLimitsReader reader;

    Tuner(LimitGroup group, Machine machine, SysctlConf conf) {
        this.group = group;
        this.machine = machine;
        this.conf = conf;
        this.reader = new KernelLimitsReader(machine.paths());
    }

    /** The group's limits and what the objects that exist use of them. */
    private record Current(EnumMap<Limit, Long> values, LimitUse use) {
    }

    private Current current() throws IOException {
        return new Current(group.read(reader),
                LimitUse.of(group, new SystemVSource(machine.paths()), machine.pageSize()));
    }

    /** The limits, their use, and what makes no sense in them. */
    Shown show() throws IOException {
        Current now = current();
        return new Shown(now.values(), now.use(), Checks.warnings(group, now.values(), now.values(), now.use(),
                machine.pageSize(), machine.ipcmni()));
    }

    /**
     * The guide's values, never below the current ones; with apply, also set (and recorded) when that changes
     * anything.
     *
     * @param connections PostgreSQL's max_connections, for the preset that needs it
     * @param ram         bytes the guide's formulas take; empty for MemTotal
     */
    TuneResult preset(Preset preset, long connections, OptionalLong ram, boolean apply, ChangeOptions options)
            throws IOException {
        long ramBytes = 0;
        if (preset.usesRam()) {
            ramBytes = ram.isPresent() ? ram.getAsLong() : machine.memTotal();
        }
        Preset.Inputs inputs = new Preset.Inputs(connections, ramBytes, machine.pageSize(), machine.ipcmni());
        Current now = current();

        EnumMap<Limit, Long> settings = new EnumMap<>(Limit.class);
        List<GuideRow> rows = new ArrayList<>();
        for (Map.Entry<Limit, Long> entry : preset.guide(group, inputs).entrySet()) {
            Limit limit = entry.getKey();
            long value = now.values().get(limit);
            long setting = limit.compare(entry.getValue(), value) > 0 ? entry.getValue() : value;
            rows.add(new GuideRow(limit, value, entry.getValue(), setting));
            settings.put(limit, setting);
        }
        Guided guide = new Guided(preset, preset.describe(inputs), rows, Optional.empty());

        boolean guideAsksSomething = !settings.isEmpty();
        boolean recordsForBoot = options.persistFile().isPresent();
        boolean setsAnything = apply && guideAsksSomething && (guide.raisesALimit() || recordsForBoot);
        if (!setsAnything) {
            return guide;
        }
        TuneResult outcome = change(settings, now, options);
        if (outcome instanceof Changed changed) {
            return new Guided(preset, guide.description(), rows, Optional.of(changed));
        }
        return outcome; // a preset never lowers a limit, so it is never refused
    }

    /**
     * Checks the values against the current ones and their use, then writes the kernel's files and the sysctl.d
     * file.
     *
     * @param requested the values given; none for --persist alone, which records the current ones
     */
    TuneResult change(EnumMap<Limit, Long> requested, ChangeOptions options) throws IOException {
        Current now = current();
        return change(requested.isEmpty() ? new EnumMap<>(now.values()) : requested, now, options);
    }

    private TuneResult change(EnumMap<Limit, Long> requested, Current now, ChangeOptions options) {
        EnumMap<Limit, Long> old = now.values();
        EnumMap<Limit, Long> target = new EnumMap<>(old);
        target.putAll(requested);
        List<String> warnings = new ArrayList<>(Checks.warnings(group, target, old, now.use(), machine.pageSize(),
                machine.ipcmni()));
        List<String> refusals = Checks.refusals(requested, old, now.use());
        if (!refusals.isEmpty() && !options.force()) {
            return new Refused(warnings, refusals);
        }
        for (String forced : refusals) {
            warnings.add(forced + " (--force)");
        }
        Optional<Persisting> persisting = options.persistFile().map(file ->
                preparePersist(file, group.settings(requested.keySet(), target), options.dryRun(), warnings));
        try {
            List<Limit> changed = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            for (Limit limit : requested.keySet()) {
                changes.add(new Change(limit, old.get(limit), target.get(limit)));
                if (!old.get(limit).equals(target.get(limit))) {
                    changed.add(limit);
                }
            }
            List<KernelWriter.Write> writes = writes(changed, old, target);
            if (options.dryRun()) {
                for (KernelWriter.Write write : writes) {
                    if (!Files.isWritable(write.file())) {
                        warnings.add("no permission to write " + write.file() + ": without --dry-run the change "
                                + "would fail");
                    }
                }
            } else {
                KernelWriter.apply(writes);
                verify(target, writes);
            }

            Optional<Saved> saved = Optional.empty();
            Optional<String> failure = Optional.empty();
            if (persisting.isPresent()) {
                Persisting persist = persisting.get();
                if (persist.staged().isPresent()) {
                    failure = save(persist.staged().get(), writes);
                }
                if (failure.isEmpty()) {
                    saved = Optional.of(new Saved(persist.target(), persist.settings(), !options.dryRun()));
                }
            }
            return new Changed(changes, options.dryRun(), saved, warnings, failure);
        } finally {
            persisting.ifPresent(Persisting::close);
        }
    }

    /**
     * Puts the staged file in place. Should that fail, the kernel gets its old values back: limits that are live
     * but would be gone at the next boot are a trap. A folder that could not be synced after the rename is the
     * run's failure, reported after the changes.
     */
    private static Optional<String> save(SysctlSave save, List<KernelWriter.Write> writes) {
        try {
            save.commit();
        } catch (IOException e) {
            throw IpcException.failure("cannot persist in " + save.target() + ": " + KernelWriter.reason(e) + "; "
                    + (writes.isEmpty() ? "nothing changed" : KernelWriter.restore(writes)));
        }
        try {
            save.syncFolder();
        } catch (IOException e) {
            return Optional.of("the limits are changed and saved in " + save.target() + ", but "
                    + save.target().getParent() + " could not be synced: " + KernelWriter.reason(e));
        }
        return Optional.empty();
    }

    /**
     * The file to write and the settings it gets; except in a dry run, its new text is staged (under a lock that
     * keeps other runs out until this one is done) before the kernel is touched.
     */
    private record Persisting(Path target, Map<String, String> settings, Optional<SysctlSave> staged) {
        void close() {
            staged.ifPresent(SysctlSave::close);
        }
    }

    private Persisting preparePersist(Path file, Map<String, String> settings, boolean dryRun,
                                      List<String> warnings) {
        Path target;
        try {
            target = SysctlConf.target(file);
        } catch (IOException e) {
            throw cannotPersist(file, e);
        }
        if (!dryRun && !Files.isWritable(target.getParent())) {
            throw IpcException.failure("cannot persist in " + target + ": no permission to write in "
                    + target.getParent() + "; nothing changed");
        }
        try {
            warnings.addAll(conf.conflicts(target, settings.keySet()));
        } catch (IOException e) {
            warnings.add("could not look for other sysctl files that set the same keys: " + KernelWriter.reason(e));
        }
        IpcNamespace namespace = machine.namespace();
        if (namespace.separate()) {
            warnings.add(target + " is applied at boot to the initial IPC namespace, not to this one ("
                    + namespace.id() + ")");
        }
        if (dryRun) {
            try {
                SysctlConf.read(target); // a file that could not be read stops the dry run as it would the save
            } catch (IOException e) {
                throw cannotPersist(file, e);
            }
            return new Persisting(target, settings, Optional.empty());
        }
        SysctlSave save = null;
        try {
            save = SysctlSave.lock(target);
            save.stage(SysctlConf.edit(save.read(), settings));
            return new Persisting(target, settings, Optional.of(save));
        } catch (IOException e) {
            if (save != null) {
                save.close();
            }
            throw cannotPersist(file, e);
        }
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
            Path file = machine.paths().kernelSysctl().resolve(Limit.file(key));
            writes.add(new KernelWriter.Write(key, file, before.get(key), setting.getValue()));
        }
        return writes;
    }

    /**
     * Reads back every limit of the files written; if one differs from what was written, writes the old values
     * back. A file not written is not judged: another run may change it meanwhile.
     */
    private void verify(Map<Limit, Long> target, List<KernelWriter.Write> writes) {
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
}
