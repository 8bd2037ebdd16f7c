// The entry point of every demo's child processes: the record of its parameters, made again, runs.
package dev.ipc;

import dev.ipc.cli.IpcException;
import dev.ipc.demo.ChildArguments;
import dev.ipc.demo.DemoFailure;
import dev.ipc.libc.NativeCallException;
import dev.ipc.render.Utf8Output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;

/**
 * Started by DemoRun.start with a DemoChild's {@link ChildArguments}; not a command anyone types. The one place a
 * child reads its environment, which its parent built explicitly. A failure is one line on stderr, which the parent's transcript shows under the child's name, and exit status 1.
 */
public final class DemoChildMain {
    private DemoChildMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = Utf8Output.printWriter(new FileOutputStream(FileDescriptor.out), false);
        PrintWriter err = Utf8Output.printWriter(new FileOutputStream(FileDescriptor.err), true);
        int code;
        try {
            code = ChildArguments.parse(args).run(out, System.getenv());
        } catch (DemoFailure | IpcException | NativeCallException e) {
            err.println("ipc: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            err.println("ipc: " + e);
            code = 1;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
