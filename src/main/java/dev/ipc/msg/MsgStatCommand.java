// ipc msg stat: a queue's msqid_ds in full, as ipcs -q -i prints it, or as JSON.
package dev.ipc.msg;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.Json;
import dev.ipc.cli.RunContext;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SystemVKind;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.render.CTime;
import dev.ipc.render.IpcsRenderer;
import dev.ipc.render.JsonFields;
import dev.ipc.render.TextBuffer;
import dev.ipc.state.SystemVSource;
import dev.ipc.state.UserDirectory;
import dev.ipc.libc.Errno;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.IdOrKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "stat",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Show a message queue's msqid_ds in full, as 'ipcs -q -i ID' does.",
                "Owners, mode, bytes used and allowed (cbytes, qbytes), messages queued, the last sender and "
                        + "receiver, and the times, byte for byte as ipcs prints them."},
        footer = {"", "Exit status: 0 shown; 2 bad usage; 3 no such queue; 1 other failures."})
public final class MsgStatCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Mixin
    IdOrKey target;

    @Option(names = "--human", description = "Sizes in a human-readable form (csize, qsize), as ipcs --human.")
    boolean human;

    @Option(names = "--json", description = "Print the fields as a JSON object (times in ISO 8601, null when not "
            + "set; schema docs/schema/msg-stat.json).")
    boolean json;

    @Override
    public Integer call() {
        target.validate();
        int id = target.resolve(SystemVKind.QUEUE);
        MessageQueue queue = read(id);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            UserDirectory names = users();
            Json.write(out, g -> {
                g.writeStartObject();
                g.writeNumberField("id", queue.id());
                JsonFields.key(g, queue.key());
                JsonFields.perms(g, queue.mode());
                JsonFields.ownership(g, queue.owner(), names);
                JsonFields.size(g, "cbytes", queue.usedBytes());
                JsonFields.size(g, "qbytes", queue.maxBytes());
                g.writeNumberField("qnum", queue.messages());
                g.writeNumberField("lspid", queue.lastSendPid());
                g.writeNumberField("lrpid", queue.lastReceivePid());
                JsonFields.time(g, "stime", queue.sendTime());
                JsonFields.time(g, "rtime", queue.receiveTime());
                JsonFields.time(g, "ctime", queue.changeTime());
                g.writeEndObject();
            });
            return ExitCodes.OK;
        }
        IpcsRenderer renderer = new IpcsRenderer(users(),
                IpcsRenderer.Format.DEFAULT, human ? IpcsRenderer.Unit.HUMAN : IpcsRenderer.Unit.DEFAULT,
                CTime.systemDefault(RunContext.of(spec).environment()));
        TextBuffer text = new TextBuffer();
        renderer.messageQueueDetails(text, queue);
        out.write(text.toString());
        return ExitCodes.OK;
    }

    private static UserDirectory users() {
        SystemPaths paths = SystemPaths.fromSystemProperties();
        return new UserDirectory(paths.passwd(), paths.group());
    }

    /**
     * IPC_STAT, which needs read permission. Without it, ipcs still shows the queue from /proc with qbytes 0;
     * so does this.
     */
    private static MessageQueue read(int id) {
        try {
            return SystemVCalls.messageQueue(id).orElseThrow(() -> Failures.notFound(SystemVKind.QUEUE, id));
        } catch (NativeCallException e) {
            if (e.errno() != Errno.EACCES) {
                throw Failures.of(e, SystemVKind.QUEUE, id, "read");
            }
            return new SystemVSource(SystemPaths.fromSystemProperties()).messageQueue(id)
                    .map(q -> q.withMaxBytes(0))
                    .orElseThrow(() -> Failures.notFound(SystemVKind.QUEUE, id));
        }
    }
}
