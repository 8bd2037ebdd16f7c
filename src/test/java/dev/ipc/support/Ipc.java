// Runs ipc command lines in process, the way tests drive the tool.
package dev.ipc.support;

import dev.ipc.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

public final class Ipc {
    private Ipc() {
    }

    public static CommandResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandResult(code, out.toString(), err.toString());
    }
}
