// fifo serve --diagram: the server's side of the exchange as a Mermaid sequence diagram, drawn as it serves and
// printed when it stops: the server, server.fifo and each client's FIFO, an arrow per request read and reply written.
package dev.ipc.fifo;

import dev.ipc.demo.Calls;
import dev.ipc.demo.Diagram;

import java.io.PrintWriter;

final class ServeDiagram {
    private final Diagram diagram = new Diagram();
    private final FifoDirectory folder;
    private final String server;
    private final String me;

    ServeDiagram(FifoDirectory folder, String serverFifo, int pid, int mode) {
        this.folder = folder;
        this.server = serverFifo;
        this.me = "server[" + pid + "]";
        diagram.participant(me, me);
        diagram.call(me, server, "mkfifoat(" + Calls.quote(server) + ", 0" + Integer.toOctalString(mode)
                + ") = 0, then openat(O_RDONLY|O_NONBLOCK) and a dummy writer");
    }

    /** A request line read from server.fifo, input[start, end) without its newline. */
    void request(byte[] input, int start, int end) {
        diagram.reply(server, me, "read request " + Calls.quote(input, start, end - start));
    }

    /** A request that is no request: read, then ignored or answered with ERR. */
    void refused(String why) {
        diagram.note(me, why);
    }

    /** The reply written (or dropped) to client pid's FIFO. */
    void reply(int pid, byte[] reply, int length, ReplyChannels.Outcome outcome) {
        String fifo = folder.describe(FifoProtocol.clientFifo(pid));
        if (outcome == ReplyChannels.Outcome.DELIVERED) {
            diagram.call(me, fifo, "write(" + Calls.quote(reply, 0, length) + ", " + length + ") = " + length);
        } else {
            diagram.note(me, "reply to client " + pid + " dropped: " + fifo + " is not safe to write (see the log)");
        }
    }

    /** Ends the diagram with why the server stopped and what it did, and prints it. */
    void print(PrintWriter out, String stopped, String stats) {
        diagram.call(me, server, "unlinkat(" + Calls.quote(server) + "), on the way out");
        diagram.noteAcross("stopped (" + stopped + "): " + stats);
        out.print(diagram.render());
        out.flush();
    }
}
