// ipc msg tune: shows or changes MSGMAX, MSGMNB and MSGMNI (kernel.msgmax, kernel.msgmnb, kernel.msgmni).
package dev.ipc.tune;

import dev.ipc.cli.IpcException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;

@Command(name = "tune",
        description = {"Show or change the kernel's message queue limits: /proc/sys/kernel/msgmax, msgmnb and "
                + "msgmni.", TuneHelp.DESCRIPTION},
        footer = {"",
                "MSGMAX and MSGMNB take 0..2147483647; MSGMNI takes 0..32768 (16777216 when the",
                "kernel is booted with ipcmni_extend). auto_msgmni is refused: it has had no",
                "effect since Linux 3.19.",
                "",
                "Examples:",
                "  ipc msg tune                                the limits, their meaning and use",
                "  ipc msg tune --msgmax 65536 --msgmnb 65536  bigger messages and queues",
                "  ipc msg tune --preset db2 --ram 64G         what Db2 asks for with 64 GiB",
                "",
                TuneHelp.PRESETS,
                "  db2         MSGMNI = 1024 x GB of RAM (at most 32768), MSGMAX 65536,",
                "              MSGMNB 65536. IBM Db2 11.5 documentation, Kernel parameter",
                "              requirements (Linux).",
                "  postgresql and oracle ask nothing of these limits.",
                TuneHelp.COMMON})
public final class MsgTuneCommand extends TuneCommand {
    @Option(names = "--msgmax", paramLabel = "SIZE", order = 1,
            description = "Bytes in one message: 8192, 64K, 1.5M.")
    String msgmax;

    @Option(names = "--msgmnb", paramLabel = "SIZE", order = 2,
            description = "Bytes a new queue may hold (its msg_qbytes): 16384, 64K, 1.5M.")
    String msgmnb;

    @Option(names = "--msgmni", paramLabel = "N", order = 3, description = "Message queues.")
    String msgmni;

    /** Accepted only to say why it is refused. */
    @Option(names = {"--auto-msgmni", "--auto_msgmni"}, arity = "0..1", hidden = true)
    String autoMsgmni;

    public MsgTuneCommand() {
        super(LimitGroup.MSG);
    }

    @Override
    String[] named() {
        return new String[] {msgmax, msgmnb, msgmni};
    }

    @Override
    public Integer call() throws IOException {
        if (autoMsgmni != null) {
            throw IpcException.usage("auto_msgmni has had no effect since Linux 3.19, where MSGMNI stopped "
                    + "following the memory size; set --msgmni instead");
        }
        return super.call();
    }
}
