// ipc metrics: the IPC objects, limits and their use in Prometheus's text format, for a scrape or a textfile.
package dev.ipc.metrics;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.RunContext;
import dev.ipc.proc.SystemPaths;
import dev.ipc.source.IpcSnapshot;
import dev.ipc.source.Orphans;
import dev.ipc.source.UserDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "metrics",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Print the IPC objects, the kernel's limits and their use in Prometheus's text exposition "
                + "format.",
                "Families: ipc_objects{kind}, ipc_limit{resource} and ipc_limit_used{resource} (lsipc's resource "
                        + "names), ipc_orphans{kind}, and per object (labels id, key, owner) ipc_queue_messages, "
                        + "ipc_queue_bytes, ipc_queue_capacity_bytes, ipc_segment_size_bytes, "
                        + "ipc_segment_attachments, ipc_segment_rss_bytes, ipc_semaphore_set_size and "
                        + "ipc_semaphore_waiters; ipc_objects_omitted{kind} counts the objects left out by "
                        + "--max-objects. Values are exact up to 2^64."},
        footer = {"", "Exit status: 0 written; 2 bad usage; 1 other failures.", "",
                "Examples:",
                "  ipc metrics                                   print the exposition",
                "  ipc metrics --textfile /var/lib/prometheus/node-exporter",
                "                                                for node_exporter's textfile collector"})
public final class MetricsCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--max-objects", paramLabel = "N", defaultValue = "1000",
            description = "Per-object series for at most N objects of each System V kind (default: ${DEFAULT-VALUE});"
                    + " the rest are counted in ipc_objects_omitted.")
    int maxObjects;

    @Option(names = "--textfile", paramLabel = "DIR",
            description = "Write DIR/ipc.prom for node_exporter's textfile collector (to a temporary name in DIR, "
                    + "then renamed) instead of printing.")
    Path textfile;

    @Override
    public Integer call() {
        if (maxObjects < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--max-objects must be 0 or more: '" + maxObjects + "'");
        }
        RunContext context = RunContext.of(spec);
        SystemPaths paths = context.paths();
        IpcSnapshot snapshot = IpcSnapshot.read(paths);
        Orphans orphans = new Orphans();
        String text = new IpcMetrics(snapshot, maxObjects, new UserDirectory(paths.passwd(), paths.group()),
                orphans).exposition();
        if (textfile != null) {
            TextFile.write(textfile, text);
        } else {
            context.out().print(text);
        }
        snapshot.unreadable().forEach(context::warning);
        orphans.doubts().ifPresent(context::warning);
        return ExitCodes.OK;
    }
}
