// ipc ns: every IPC namespace on the host, with its processes, what runs there, its objects and its own limits.
package dev.ipc.ns;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.Json;
import dev.ipc.cli.NamespaceTarget;
import dev.ipc.cli.RunContext;
import dev.ipc.procfs.IpcNamespace;
import dev.ipc.procfs.IpcNamespaces;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.render.JsonFields;
import dev.ipc.render.Table;
import dev.ipc.render.TableRenderer;
import dev.ipc.render.TextBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "ns",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {NsCommand.SUMMARY,
                "Each namespace is read from inside, by a thread that entered it (setns); that needs root. The "
                        + "host's limits are those of the initial namespace, or of ipc's own when no process of "
                        + "the initial one can be read. A namespace no process is in, held by a bind mount of "
                        + "its file (unshare --ipc=FILE), is found in the processes' mount tables and shown as "
                        + "held by that mount."},
        footer = {"", "Exit status: 0 listed; 1 a namespace could not be read (the others are listed); 2 bad usage.",
                "",
                "Examples:",
                "  ipc ns                   one line per namespace",
                "  ipc ns --json            every process and every differing limit, for scripts",
                "  ipc ls --ns PID          the objects of one namespace, as ipcs would show them there",
                "  ipc ls -A                the objects of every namespace"})
public final class NsCommand implements Callable<Integer> {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "List every IPC namespace of the host (from /proc/*/ns/ipc): its processes, "
            + "the container or systemd unit their cgroup names, its message queues, segments and semaphore sets, "
            + "the memory its segments hold, and the limits it sets otherwise than the host.";

    /** Pids shown in the text table; --json gives them all. */
    private static final int PIDS_SHOWN = 4;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the namespaces as JSON, with every process and limit.")
    boolean json;

    @Override
    public Integer call() {
        RunContext context = RunContext.of(spec);
        Path proc = Path.of("/proc");
        IpcNamespaces.Scan scan = NamespaceTarget.scanHost(proc);
        SystemPaths paths = context.paths();
        List<NamespaceReport> reports = new ArrayList<>();
        NamespaceReport host = null;
        for (IpcNamespaces.Namespace namespace : scan.namespaces()) {
            NamespaceReport report = NamespaceReport.read(namespace, proc, paths);
            if (report.error() != null && namespace.vanished(proc)) {
                continue; // ended since the scan
            }
            reports.add(report);
            if (namespace.initial() && report.error() == null) {
                host = report;
            }
        }
        Map<String, String> reference = host != null ? host.limits() : ownLimits(reports, paths);
        PrintWriter out = context.out();
        if (json) {
            writeJson(out, reports, reference, scan.unreadable());
        } else {
            TextBuffer text = new TextBuffer(4096);
            new TableRenderer(TableRenderer.Mode.TABLE, true).render(text, List.of(table(reports, reference)));
            out.write(text.toString());
        }
        out.flush();
        int code = ExitCodes.OK;
        for (NamespaceReport report : reports) {
            if (report.error() != null) {
                context.error(report.namespace().id() + ": " + report.error());
                code = ExitCodes.FAILURE;
            }
        }
        if (scan.unreadable() > 0) {
            context.warning(scan.unreadable() + " processes left out: their /proc/PID/ns/ipc cannot be read (not root, or "
                    + "protected from ptrace)");
        }
        return code;
    }

    /** The limits of the namespace ipc runs in, when the initial namespace could not be read. */
    private static Map<String, String> ownLimits(List<NamespaceReport> reports, SystemPaths paths) {
        String own = IpcNamespace.read(paths.ipcNamespace()).id();
        for (NamespaceReport report : reports) {
            if (report.namespace().id().equals(own) && report.error() == null) {
                return report.limits();
            }
        }
        return Map.of();
    }

    private static Table table(List<NamespaceReport> reports, Map<String, String> reference) {
        Table table = new Table("namespaces", List.of(
                new Table.Column("NAMESPACE", "NAMESPACE", false),
                new Table.Column("PROCS", "PROCS", true),
                new Table.Column("QUEUES", "QUEUES", true),
                new Table.Column("SEGMENTS", "SEGMENTS", true),
                new Table.Column("SETS", "SETS", true),
                new Table.Column("SEGMENT-BYTES", "SEGMENT_BYTES", true),
                new Table.Column("PIDS", "PIDS", false),
                new Table.Column("WORKLOAD", "WORKLOAD", false),
                new Table.Column("LIMITS-NOT-AS-HOST", "LIMITS", false)));
        for (NamespaceReport report : reports) {
            IpcNamespaces.Namespace namespace = report.namespace();
            boolean read = report.error() == null;
            table.add(new Object[]{namespace.id(), Integer.toString(namespace.pids().size()),
                    read ? Integer.toString(report.queues()) : "-",
                    read ? Integer.toString(report.segments()) : "-",
                    read ? Integer.toString(report.semaphoreSets()) : "-",
                    read ? Long.toUnsignedString(report.segmentBytes()) : "-",
                    namespace.somePids(PIDS_SHOWN),
                    namespace.workload() != null ? namespace.workload()
                            : namespace.heldBy() != null ? namespace.heldBy() : "-",
                    differences(report, reference)});
        }
        return table;
    }

    /** "kernel.msgmni=123,kernel.shmmni=10", or "-". */
    private static String differences(NamespaceReport report, Map<String, String> reference) {
        List<String> names = new ArrayList<>();
        for (NamespaceReport.Difference difference : report.differences(reference)) {
            names.add(difference.sysctl() + "=" + difference.value().replace(' ', '/'));
        }
        return names.isEmpty() ? "-" : String.join(",", names);
    }

    private static void writeJson(PrintWriter out, List<NamespaceReport> reports, Map<String, String> reference,
                                  int unreadable) {
        Json.write(out, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("namespaces");
            for (NamespaceReport report : reports) {
                writeNamespace(g, report, reference);
            }
            g.writeEndArray();
            g.writeNumberField("unreadable_processes", unreadable);
            g.writeEndObject();
        });
    }

    private static void writeNamespace(JsonGenerator g, NamespaceReport report, Map<String, String> reference)
            throws IOException {
        IpcNamespaces.Namespace namespace = report.namespace();
        boolean read = report.error() == null;
        g.writeStartObject();
        g.writeStringField("namespace", namespace.id());
        g.writeNumberField("inode", namespace.inode());
        g.writeBooleanField("initial", namespace.initial());
        Json.numbers(g, "pids", namespace.pids());
        g.writeStringField("workload", namespace.workload());
        Json.strings(g, "mounts", namespace.mountPaths());
        if (read) {
            g.writeNumberField("queues", report.queues());
            g.writeNumberField("segments", report.segments());
            g.writeNumberField("semaphore_sets", report.semaphoreSets());
            JsonFields.size(g, "segment_bytes", report.segmentBytes());
            JsonFields.size(g, "segment_resident_bytes", report.segmentResidentBytes());
            g.writeArrayFieldStart("limits_not_as_host");
            for (NamespaceReport.Difference difference : report.differences(reference)) {
                g.writeStartObject();
                g.writeStringField("sysctl", difference.sysctl());
                g.writeStringField("value", difference.value());
                g.writeStringField("host", difference.reference());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("error", report.error());
        g.writeEndObject();
    }
}
