// ipc ls -A: the listing asked for, once per IPC namespace, each read by a thread that entered the namespace.
package dev.ipc.ls;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.Json;
import dev.ipc.cli.NamespaceTarget;
import dev.ipc.cli.RunContext;
import dev.ipc.procfs.IpcNamespaces;
import dev.ipc.procfs.Prefetch;
import dev.ipc.render.Table;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ipcs's text gets a heading line per namespace before its listing. lsipc's table, --raw and --export get one
 * table per kind with a NAMESPACE column first (the namespace's inode, as lsns prints it), so that a script reads
 * every namespace's rows as one table. JSON gets one document with a member per namespace (its id, pids, workload
 * and mounts, then the listing's own members), and each row has a namespace member too ("ipc:[INODE]").
 */
final class AllNamespacesListing {
    private static final int PIDS_SHOWN = 8;
    private static final JsonFactory PARSER = new JsonFactory();
    /** ipc's own column: no lsipc has it. */
    private static final Table.Column NAMESPACE = new Table.Column("NAMESPACE", "NAMESPACE", true);

    private final LsOptions options;
    private final RunContext context;

    AllNamespacesListing(LsOptions options, RunContext context) {
        this.options = options;
        this.context = context;
    }

    /** One namespace's listing as printed, with its exit code. */
    private record Listed(IpcNamespaces.Namespace namespace, String out, int code) {
    }

    int print() {
        if (context.namespace() != null) {
            throw new IpcException("--all-namespaces and --ns exclude each other", 1);
        }
        LsOptions one = options.inOneNamespace();
        boolean json = one.lsipc() && one.output() == LsOptions.Output.JSON;
        StructuredRequest structured = null;
        if (one.lsipc()) {
            structured = StructuredRequest.of(one);
            StructuredListing.check(structured); // a mistake is one line, not one per namespace
        }
        StructuredRequest tabulated = json ? null : structured;
        Path proc = Path.of("/proc");
        IpcNamespaces.Scan scan;
        try {
            scan = IpcNamespaces.scan(proc);
        } catch (IOException e) {
            throw IpcException.failure("cannot read /proc: " + e.getMessage());
        }
        if (structured != null && StructuredListing.listsPosixFiles(structured)) {
            context.warning("POSIX shared memory and semaphores follow the mount namespace, not the IPC one: each "
                    + "namespace's are the files in /proc/PID/root/dev/shm of its first process");
        }
        List<Listed> listed = new ArrayList<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        int code = 0;
        PrintWriter out = context.out();
        for (IpcNamespaces.Namespace namespace : scan.namespaces()) {
            StringWriter text = new StringWriter();
            int listingCode;
            try (NamespaceTarget target = NamespaceTarget.open(namespace.file(proc), namespace.firstPid())) {
                PrintWriter writer = new PrintWriter(text);
                RunContext inside = new RunContext(writer, context.err(), false, context.terminal(),
                        context.environment(), null, Prefetch.NONE, target);
                if (tabulated != null) {
                    StructuredRequest request = tabulated;
                    StructuredListing.Collected collected = target.call(() -> {
                        StructuredListing listing = new StructuredListing(request, inside).posixFilesNoted();
                        StructuredListing.Collected rows = listing.collect();
                        listing.warnDoubts();
                        return rows;
                    });
                    add(tables, collected.tables(), namespace);
                    listingCode = collected.exitCode();
                } else if (structured != null) {
                    StructuredRequest request = structured;
                    listingCode = target.call(() -> new StructuredListing(request, inside).posixFilesNoted().print());
                } else {
                    listingCode = target.call(() -> LsCommand.run(one, inside));
                }
                writer.flush();
            } catch (IpcException e) {
                if (!namespace.vanished(proc)) { // one that ended since the scan is passed over
                    context.error(namespace.id() + ": " + e.getMessage().replaceFirst("^--ns: ", ""));
                    code = 1;
                }
                continue;
            }
            code = Math.max(code, listingCode);
            if (json) {
                listed.add(new Listed(namespace, text.toString(), listingCode));
            } else if (tabulated == null || text.getBuffer().length() > 0) { // ipcs's text, or lsipc's -i block
                out.write(heading(namespace));
                out.write(text.toString());
                out.flush();
            }
        }
        if (tabulated != null) {
            StructuredListing.render(tabulated.look(), context, new ArrayList<>(tables.values()));
        }
        if (json) {
            Json.write(out, g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("namespaces");
                for (Listed listing : listed) {
                    member(g, listing);
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        }
        if (scan.unreadable() > 0) {
            context.warning(scan.unreadable() + " processes left out: their /proc/PID/ns/ipc cannot be read");
        }
        return code;
    }

    /** Adds each of the namespace's tables to the table of its kind, each row led by the NAMESPACE cell. */
    private static void add(Map<String, Table> into, List<Table> tables, IpcNamespaces.Namespace namespace) {
        String inode = Long.toUnsignedString(namespace.inode());
        for (Table table : tables) {
            Table all = into.computeIfAbsent(table.name(), name -> {
                List<Table.Column> columns = new ArrayList<>(table.columns().size() + 1);
                columns.add(NAMESPACE);
                columns.addAll(table.columns());
                return new Table(name, columns);
            });
            List<Object[]> rows = table.rows();
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = new Object[rows.get(r).length + 1];
                row[0] = inode;
                System.arraycopy(rows.get(r), 0, row, 1, rows.get(r).length);
                all.add(row, table.level(r));
            }
        }
    }

    /**
     * "IPC namespace ipc:[4026532175]: 2 processes 4242,4250 (docker 1a2b3c4d5e6f)", or for one only a bind mount
     * holds, "IPC namespace ipc:[4026532176]: no process, held by bind mount /run/ipcns/web".
     */
    private static String heading(IpcNamespaces.Namespace namespace) {
        int count = namespace.pids().size();
        String holders = count == 0 ? "no process, held by " + namespace.heldBy()
                : count + (count == 1 ? " process " : " processes ") + namespace.somePids(PIDS_SHOWN);
        return "===== IPC namespace " + namespace.id() + ": " + holders
                + (namespace.workload() != null ? " (" + namespace.workload() + ")" : "") + "\n";
    }

    /**
     * The namespace's member: who it is, then the members of its own listing's document, each row of their
     * arrays with the namespace's inode first.
     */
    private static void member(JsonGenerator g, Listed one) throws IOException {
        IpcNamespaces.Namespace namespace = one.namespace();
        g.writeStartObject();
        g.writeStringField("namespace", namespace.id());
        g.writeNumberField("inode", namespace.inode());
        Json.numbers(g, "pids", namespace.pids());
        g.writeStringField("workload", namespace.workload());
        Json.strings(g, "mounts", namespace.mountPaths());
        if (!one.out().isBlank()) {
            try (JsonParser parser = PARSER.createParser(one.out())) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        g.writeFieldName(parser.getCurrentName());
                        if (parser.nextToken() == JsonToken.START_ARRAY) {
                            rows(g, parser, namespace.id());
                        } else {
                            g.copyCurrentStructure(parser);
                        }
                    }
                }
            }
        }
        g.writeEndObject();
    }

    /**
     * An array of the listing: its objects get "namespace" first, as the JSON vocabulary writes a namespace
     * ("ipc:[INODE]", the text the table's NAMESPACE inode stands for); anything else is copied as it is.
     */
    private static void rows(JsonGenerator g, JsonParser parser, String namespace) throws IOException {
        g.writeStartArray();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                g.writeStartObject();
                g.writeStringField("namespace", namespace);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    g.copyCurrentStructure(parser);
                }
                g.writeEndObject();
            } else {
                g.copyCurrentStructure(parser);
            }
        }
        g.writeEndArray();
    }
}
