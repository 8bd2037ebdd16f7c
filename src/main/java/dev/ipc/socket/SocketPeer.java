// The child process of ipc socket demo: it connects to the parent's abstract name and passes it a descriptor.
package dev.ipc.socket;

import dev.ipc.cli.ExitCodes;
import dev.ipc.demo.ChildLink;
import dev.ipc.demo.DemoChild;
import dev.ipc.demo.Narrator;
import dev.ipc.libc.Native;
import dev.ipc.libc.SocketCalls;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** connectName: the abstract name the parent listens on; timeoutMillis: the longest wait, 0 for none. */
record SocketPeer(String connectName, long timeoutMillis, boolean trace) implements DemoChild {
    /** Connects to the parent's abstract name, tells its credentials, passes a pipe's read end, and exits. */
    @Override
    public int run(PrintWriter out, Map<String, String> environment) {
        ChildLink link = ChildLink.open(out, trace, () -> { });
        Narrator me = link.narrator();
        String connection = SocketLab.connection(connectName);
        try (SocketSteps steps = new SocketSteps(me, timeoutMillis)) {
            int pid = Native.libc().getpid();
            int uid = Native.libc().geteuid();
            int gid = Native.libc().getegid();
            me.fact("credentials", pid + " " + uid + " " + gid);
            me.say("connects to @" + connectName + " as pid " + pid + ", uid " + uid + ", gid " + gid
                    + ": the kernel records them for the listener's SO_PEERCRED");
            int fd = steps.socket(connection, SocketCalls.AF_UNIX, SocketCalls.SOCK_STREAM);
            steps.connect(connection, fd, SocketCalls.Address.abstractName(connectName));
            int[] pipe = steps.pipe("pipe");
            steps.write("pipe", pipe[1], SocketDemoCommand.NOTE.getBytes(StandardCharsets.UTF_8));
            steps.close("pipe", pipe[1]);
            steps.sendDescriptor(connection, fd, "pipe".getBytes(StandardCharsets.UTF_8), pipe[0]);
            me.say("wrote a note into a pipe, sent its read end (fd " + pipe[0] + ") with SCM_RIGHTS, and closes "
                    + "its own copy");
            steps.close("pipe", pipe[0]);
            steps.close(connection, fd);
        }
        return ExitCodes.OK;
    }
}
