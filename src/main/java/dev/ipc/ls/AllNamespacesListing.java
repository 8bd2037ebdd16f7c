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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text (ipcs's and lsipc's) gets a heading line per namespace before its listing; JSON gets one document with a
 * member per namespace: its id, pids and workload, then the listing's own members.
 */
final class AllNamespacesListing {
    private static final int PIDS_SHOWN = 8;
    private static final JsonFactory PARSER = new JsonFactory();

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
        Path proc = Path.of("/proc");
        IpcNamespaces.Scan scan;
        try {
            scan = IpcNamespaces.scan(proc);
        } catch (IOException e) {
            throw IpcException.failure("cannot read /proc: " + e.getMessage());
        }
        boolean json = options.lsipc() && options.output() == LsOptions.Output.JSON;
        List<Listed> listed = new ArrayList<>();
        int code = 0;
        PrintWriter out = context.out();
        for (IpcNamespaces.Namespace namespace : scan.namespaces()) {
            StringWriter text = new StringWriter();
            int listingCode;
            try (NamespaceTarget target = NamespaceTarget.open(namespace.file(proc).toString(), 1)) {
                PrintWriter writer = new PrintWriter(text);
                RunContext inside = new RunContext(writer, context.err(), false, context.terminal(),
                        context.environment(), null, Prefetch.NONE, target);
                listingCode = target.call(() -> LsCommand.run(options.inOneNamespace(), inside));
                writer.flush();
            } catch (IpcException e) {
                context.error(namespace.id() + ": " + e.getMessage().replaceFirst("^--ns: ", ""));
                code = 1;
                continue;
            }
            code = Math.max(code, listingCode);
            if (json) {
                listed.add(new Listed(namespace, text.toString(), listingCode));
            } else {
                out.write(heading(namespace));
                out.write(text.toString());
                out.flush();
            }
        }
        if (json) {
            Json.write(out, g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("namespaces");
                for (Listed one : listed) {
                    member(g, one);
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

    /** The namespace's member: who it is, then the members of its own listing's document. */
    private static void member(JsonGenerator g, Listed one) throws IOException {
        IpcNamespaces.Namespace namespace = one.namespace();
        g.writeStartObject();
        g.writeStringField("namespace", namespace.id());
        Json.numbers(g, "pids", namespace.pids());
        g.writeStringField("workload", namespace.workload());
        Json.strings(g, "mounts", namespace.mountPaths());
        if (!one.out().isBlank()) {
            try (JsonParser parser = PARSER.createParser(one.out())) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        g.copyCurrentStructure(parser);
                    }
                }
            }
        }
        g.writeEndObject();
    }
}
