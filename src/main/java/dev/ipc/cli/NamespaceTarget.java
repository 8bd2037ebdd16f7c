// The IPC namespace a command line runs in when --ns names one: checked and opened before anything is read.
package dev.ipc.cli;

import dev.ipc.libc.DetachedMount;
import dev.ipc.libc.Errno;
import dev.ipc.libc.NamespaceFile;
import dev.ipc.libc.NativeCallException;
import dev.ipc.procfs.IpcNamespaces;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.util.Decimal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * /proc/sysvipc, /proc/sys/kernel and the System V calls follow the IPC namespace of the thread that opens or
 * makes them, and a thread that calls setns(CLONE_NEWIPC) moves alone; the threads it starts afterwards are
 * cloned from it and start in the same namespace. So a command runs whole on one new thread that entered the
 * namespace first (see {@link #call}), and its own reader threads, started from that thread, read there too.
 * POSIX shared memory and semaphores are files of a mount namespace, which a JVM cannot enter: they are read
 * through a member process's root, /proc/PID/root ({@link #posixRoot()}). POSIX message queues belong to the IPC
 * namespace: they are read from a mount of the namespace's own mqueue file system ({@link #paths}), not from
 * /proc/PID/root/dev/mqueue, which for a process that shares our mount namespace is our own queues.
 *
 * @param given     the value as given on the command line
 * @param file      the namespace file opened: /proc/PID/ns/ipc, or the path given
 * @param pid       the process named, or a process found in the namespace; 0 when none is known
 */
public final class NamespaceTarget implements AutoCloseable {
    private final String given;
    private final Path file;
    private final int pid;
    private final NamespaceFile opened;
    /** The namespace's mqueue file system, mounted nowhere, when a command first needs it; else null. */
    private DetachedMount mqueue;

    private NamespaceTarget(String given, Path file, int pid, NamespaceFile opened) {
        this.given = given;
        this.file = file;
        this.pid = pid;
        this.opened = opened;
    }

    /** The value as given on the command line. */
    public String given() {
        return given;
    }

    /** The namespace file opened: /proc/PID/ns/ipc, or the path given. */
    public Path file() {
        return file;
    }

    /** The process named, or a process found in the namespace; 0 when none is known. */
    public int pid() {
        return pid;
    }

    /**
     * Checks and opens what --ns names: a pid (decimal) or a namespace file.
     *
     * @param usageCode the exit code of the command for bad input (ipcs, ipcrm and ipcmk use 1)
     */
    public static NamespaceTarget open(String value, int usageCode) {
        if (value.isEmpty()) {
            throw new IpcException("--ns: '' names no process or namespace file", usageCode);
        }
        Path file;
        int pid = 0;
        if (Decimal.isDecimal(value, Integer.MAX_VALUE, false)) {
            try {
                pid = Integer.parseInt(value);
            } catch (NumberFormatException tooLong) {
                pid = -1;
            }
            if (pid <= 0 || !Files.isDirectory(Path.of("/proc", Integer.toString(pid)))) {
                throw new IpcException("--ns: no such process: " + value, usageCode);
            }
            file = Path.of("/proc", Integer.toString(pid), "ns", "ipc");
        } else {
            try {
                file = Path.of(value);
            } catch (InvalidPathException unencodable) {
                throw new IpcException("--ns: not a file name in this locale: " + value, usageCode);
            }
        }
        return open(value, file, pid, usageCode, true);
    }

    /** Every IPC namespace of the host (ipc ns, ls -A): /proc that cannot be read is a failure, said in one line. */
    public static IpcNamespaces.Scan scanHost(Path proc) {
        try {
            return IpcNamespaces.scan(proc);
        } catch (IOException e) {
            throw IpcException.failure("cannot read " + proc + ": " + e.getMessage());
        }
    }

    /**
     * A namespace a scan found (ipc ns, ls -A, metrics --all-namespaces): its file and its first process, or 0 for
     * one only a bind mount holds, which no process is then looked for.
     */
    public static NamespaceTarget open(Path file, int pid) {
        return open(file.toString(), file, pid, ExitCodes.FAILURE, false);
    }

    private static NamespaceTarget open(String value, Path file, int pid, int usageCode, boolean findMember) {
        NamespaceFile opened;
        try {
            opened = NamespaceFile.open(file.toString());
        } catch (NativeCallException e) {
            throw switch (e.errno()) {
                case Errno.ENOENT -> new IpcException("--ns: " + (pid > 0 ? "no such process: " + value
                        : "no such file: " + value), usageCode);
                case Errno.EACCES, Errno.EPERM -> IpcException.failure("--ns: no permission to open " + file
                        + " (root, or CAP_SYS_PTRACE over the process, is needed)");
                default -> IpcException.failure("--ns: cannot open " + file + ": " + e.description());
            };
        }
        int type = opened.type();
        if (type != NamespaceFile.IPC) {
            opened.close();
            throw new IpcException("--ns: " + (type == -1 ? "not a namespace file: " : "not an IPC namespace: ")
                    + value, usageCode);
        }
        return new NamespaceTarget(value, file, pid > 0 || !findMember ? pid : memberOf(opened.inode()), opened);
    }

    /** "ipc:[4026532175]", as /proc/PID/ns/ipc links and lsns name it. */
    public String id() {
        return "ipc:[" + Long.toUnsignedString(opened.inode()) + "]";
    }

    /** Where the namespace's POSIX shared memory and semaphores are seen from: /proc/PID/root; null if no process. */
    public Path posixRoot() {
        return pid > 0 ? Path.of("/proc", Integer.toString(pid), "root") : null;
    }

    /**
     * own's paths as seen from this namespace: POSIX files through a member's root (a root that does not exist when
     * no process is known, so that those listings say they cannot be read), message queues from the namespace's
     * own mqueue file system, mounted when first asked for by a thread that entered the namespace.
     */
    public SystemPaths paths(SystemPaths own) {
        Path root = posixRoot();
        return own.inNamespace(root != null ? root : Path.of("/proc/no-process-in-" + id()), this::mqueueRoot);
    }

    private synchronized Path mqueueRoot() {
        if (mqueue == null) {
            String here;
            try {
                here = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/ipc")).toString();
            } catch (IOException e) {
                here = "?";
            }
            if (!here.equals(id())) {
                // fsopen mounts the caller's namespace: from any other thread it would be the wrong queues
                throw new IllegalStateException("the mqueue file system of " + id() + " asked for from " + here);
            }
            try {
                mqueue = DetachedMount.mqueue();
            } catch (NativeCallException e) {
                throw new UncheckedIOException(new IOException("cannot mount the mqueue file system of " + id()
                        + " to read its POSIX message queues: " + e.getMessage()));
            }
        }
        return mqueue.root();
    }

    /**
     * Runs the task on a new platform thread that entered the namespace first; returns its result. Fails, with
     * nothing run, when the kernel refuses the namespace (no CAP_SYS_ADMIN over its owner).
     */
    public <T> T call(Callable<T> task) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                try {
                    opened.enterOnThisThread();
                } catch (NativeCallException e) {
                    throw IpcException.failure("--ns: cannot enter " + id() + " of " + given + ": "
                            + e.description() + (e.errno() == Errno.EPERM ? " (CAP_SYS_ADMIN over it is needed)" : ""));
                }
                result[0] = task.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "ipc in " + id());
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure[0] instanceof Error error) {
            throw error;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** A process in the namespace with this inode, for a namespace named by a file; 0 when none is found. */
    private static int memberOf(long inode) {
        String link = "ipc:[" + Long.toUnsignedString(inode) + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readSymbolicLink(process.resolve("ns/ipc")).toString().equals(link)) {
                        return Integer.parseInt(process.getFileName().toString());
                    }
                } catch (IOException | NumberFormatException gone) {
                    // ended, or not ours to look at
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        if (mqueue != null) {
            mqueue.close();
            mqueue = null;
        }
        opened.close();
    }
}
