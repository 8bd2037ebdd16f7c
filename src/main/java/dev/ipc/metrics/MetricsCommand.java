// ipc metrics: the IPC objects, limits and their use in Prometheus's text format, for a scrape or a textfile.
package dev.ipc.metrics;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.Input;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.NamespaceTarget;
import dev.ipc.cli.OptionValues;
import dev.ipc.cli.RunContext;
import dev.ipc.procfs.IpcNamespaces;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.state.IpcSnapshot;
import dev.ipc.state.Orphans;
import dev.ipc.state.UserDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

public final class MetricsCommand implements Callable<Integer> {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Print the IPC objects, the kernel's limits and their use in Prometheus's "
            + "text exposition format.";

    private final CommandSpec spec = CommandSpecs.leaf(this, "metrics");
    private int maxObjects;
    private boolean allNamespaces;

    private MetricsCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        CommandSpec spec = new MetricsCommand().spec;
        spec.usageMessage()
                .description(SUMMARY,
                        "Families: ipc_objects{kind}, ipc_limit{resource} and ipc_limit_used{resource} (lsipc's "
                                + "resource names), ipc_orphans{kind}, and per object (labels id, key, owner) "
                                + "ipc_queue_messages, ipc_queue_bytes, ipc_queue_capacity_bytes, "
                                + "ipc_segment_size_bytes, ipc_segment_attachments, ipc_segment_rss_bytes, "
                                + "ipc_semaphore_set_size and ipc_semaphore_waiters; ipc_objects_omitted{kind} "
                                + "counts the objects left out by --max-objects. Values are exact up to 2^64.")
                .footer("", "Exit status: 0 written; 2 bad usage; 1 other failures.", "",
                        "Examples:",
                        "  ipc metrics                                   print the exposition",
                        "  ipc metrics --textfile /var/lib/prometheus/node-exporter",
                        "                                                for node_exporter's textfile collector");
        spec.addOption(OptionSpec.builder("--max-objects").arity("1").type(String.class).paramLabel("N")
                .defaultValue("1000").description("Per-object series for at most N objects of each System V kind "
                        + "(default: ${DEFAULT-VALUE}); the rest are counted in ipc_objects_omitted.").build());
        spec.addOption(CommandSpecs.flag("Every IPC namespace of the machine that has a process in it, in one "
                + "exposition, each sample labelled namespace=\"ipc:[INODE]\" (as --ns labels its own). Needs root "
                + "(CAP_SYS_ADMIN over each namespace); one that cannot be entered is named on stderr and left out.",
                "--all-namespaces"));
        spec.addOption(CommandSpecs.value("DIR", "Write DIR/ipc.prom for node_exporter's textfile collector (to a "
                + "temporary name in DIR, then renamed) instead of printing.", "--textfile"));
        return spec;
    }

    @Override
    public Integer call() {
        String max = CommandSpecs.text(spec, "--max-objects");
        long maxValue = OptionValues.integer(max, "--max-objects");
        if (maxValue < 0) {
            throw new ParameterException(spec.commandLine(), "--max-objects must be 0 or more: '" + max + "'");
        }
        maxObjects = (int) Math.min(Integer.MAX_VALUE, maxValue);
        allNamespaces = CommandSpecs.given(spec, "--all-namespaces");
        String textfile = CommandSpecs.text(spec, "--textfile");
        if (textfile != null && textfile.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--textfile: '' names no folder");
        }
        RunContext context = RunContext.of(spec);
        if (allNamespaces && context.namespace() != null) {
            throw new ParameterException(spec.commandLine(), "--all-namespaces and --ns exclude each other");
        }
        Exposition exposition = new Exposition();
        if (allNamespaces) {
            allNamespaces(context, exposition);
        } else {
            if (context.namespace() != null) {
                exposition.labels("namespace", context.namespace().id());
            }
            write(context, context.paths(), exposition, "");
        }
        String text = exposition.text();
        if (textfile != null) {
            TextFile.write(Input.path(textfile), text);
        } else {
            context.out().print(text);
        }
        return ExitCodes.OK;
    }

    /**
     * One namespace's families, read by this thread, which is in that namespace; what could not be read is said
     * on stderr after prefix ("" or the namespace's id).
     */
    private void write(RunContext context, SystemPaths paths, Exposition exposition, String prefix) {
        IpcSnapshot snapshot = IpcSnapshot.read(paths);
        Orphans orphans = new Orphans(paths);
        new IpcMetrics(snapshot, maxObjects, new UserDirectory(paths.passwd(), paths.group()), orphans, exposition)
                .write();
        snapshot.unreadable().forEach(line -> context.warning(prefix + line));
        orphans.doubts().ifPresent(line -> context.warning(prefix + line));
    }

    /**
     * Each namespace is read on a thread of its own that entered it, as --ns does; its POSIX shared memory and
     * semaphores through its first process's root. A namespace whose processes all ended meanwhile is skipped.
     */
    private void allNamespaces(RunContext context, Exposition exposition) {
        SystemPaths own = context.paths();
        int read = 0;
        List<IpcNamespaces.Namespace> members;
        try {
            members = IpcNamespaces.scan(Path.of("/proc")).namespaces();
        } catch (IOException unreadable) {
            members = List.of(); // refused below: no namespace could be read
        }
        for (IpcNamespaces.Namespace member : members) {
            Path file = member.file(Path.of("/proc"));
            try (NamespaceTarget namespace = NamespaceTarget.open(file, member.firstPid())) {
                namespace.call(() -> {
                    exposition.labels("namespace", namespace.id());
                    write(context, namespace.paths(own), exposition, namespace.id() + ": ");
                    return null;
                });
                read++;
            } catch (IpcException e) {
                // quiet when the process has ended (or is a zombie, which has no namespace left) or was unmounted
                if (!member.vanished(Path.of("/proc"))) {
                    context.warning(member.id() + " (" + (member.pids().isEmpty() ? member.heldBy()
                            : "process " + member.pids().get(0)) + ") left out: " + e.getMessage());
                }
            }
        }
        if (read == 0) {
            throw IpcException.failure("--all-namespaces: no IPC namespace could be read");
        }
    }
}
