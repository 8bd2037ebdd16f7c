// The fixed FIFO line protocol that ipc fifo serve, send and bench speak (and the C references in the docs):
// names in the server's folder, the size limit of a request, and the default folder.
package dev.ipc.fifo;

import dev.ipc.cli.IpcException;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Native;

import java.nio.file.Path;
import java.util.Map;

final class FifoProtocol {
    private FifoProtocol() {
    }

    /** The well-known request FIFO in the server's folder. */
    static final String SERVER_FIFO = "server.fifo";

    /** A request is one line of at most PIPE_BUF bytes, newline included, written with one write(). */
    static final int MAX_REQUEST = FileConstants.PIPE_BUF;

    /** A reply is one line of at most PIPE_BUF bytes, so that the server's write of it is never split. */
    static final int MAX_REPLY = FileConstants.PIPE_BUF;

    /** PID_MAX_LIMIT on 64-bit Linux: no process id is larger. */
    static final int MAX_PID = 4_194_304;

    /** Mode of a private folder: the server's user only. */
    static final int PRIVATE_DIRECTORY_MODE = 0700;

    /**
     * Mode of a --shared folder: the group may create FIFOs in it but not list it; set-group-id so that every
     * FIFO made inside belongs to the folder's group (the server can write replies into mode-0620 FIFOs);
     * sticky so that nobody can remove or rename another user's FIFO.
     */
    static final int SHARED_DIRECTORY_MODE = 03730;

    static final int PRIVATE_FIFO_MODE = 0600;

    /** Group members may write requests (server) or replies (client). */
    static final int SHARED_FIFO_MODE = 0620;

    /** The reply FIFO of the client with this process id. */
    static String clientFifo(long pid) {
        return "client." + pid + ".fifo";
    }

    /** Whether a name in the server's folder is one a server or its clients make: server.fifo, client.PID.fifo. */
    static boolean isServerFileName(String name) {
        if (name.equals(SERVER_FIFO)) {
            return true;
        }
        String prefix = "client.";
        String suffix = ".fifo";
        if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length() <= prefix.length() + suffix.length()) {
            return false;
        }
        for (int i = prefix.length(); i < name.length() - suffix.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The folder named by --dir, made absolute; without --dir the default one of this environment. */
    static Path directory(Path option, Map<String, String> environment) {
        if (option != null && option.toString().isEmpty()) {
            throw IpcException.usage("invalid --dir '': an empty folder name (leave --dir out for the default folder)");
        }
        return option != null ? option.toAbsolutePath().normalize() : defaultDirectory(environment);
    }

    /** $XDG_RUNTIME_DIR/ipc-fifo when the session has one, else /tmp/ipc-fifo-UID. */
    static Path defaultDirectory(Map<String, String> environment) {
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && runtime.startsWith("/")) {
            return Path.of(runtime, "ipc-fifo");
        }
        return Path.of("/tmp", "ipc-fifo-" + Integer.toUnsignedString(Native.libc().geteuid()));
    }
}
