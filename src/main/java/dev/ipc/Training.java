// Runs read-only commands in process so that a class-data-sharing archive records the classes they load.
package dev.ipc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * scripts/ipc runs this after a build to find the classes for its class-data-sharing archives
 * (-XX:DumpLoadedClassList): with "ls" for the archive of ls alone, without for
 * the other commands'. Only commands that read state are run here: training must never create, remove or
 * change anything.
 */
public final class Training {
    /** Everything but the listings below: ls through picocli and libc, and the other commands. */
    private static final String[][] READ_ONLY_COMMANDS = {
            {"ls", "-i", "0", "-q"}, {"ls", "--bogus-option"}, {"--help"},
            // the root's help through picocli, as on a terminal (RootHelp writes the plain line's)
            {"--color=never", "--help"}, {"ls", "--help"}, {"mk", "--help"},
            {"rm", "--help"},
            // refused before anything is made: loads mk's classes
            {"mk", "-Q", "-M", "1K", "-p", "not-a-mode"},
            // msgget without IPC_CREAT only looks: loads jffi and binds libc, as every mk and rm does
            {"rm", "--dry-run", "-Q", "0x7ffffffe"},
            {"sem", "tune"}, {"msg", "tune"}, {"shm", "tune"},
            // a pipe inside this process only, no child: the demos' picocli model and libc binding
            {"pipe-demo", "nonblock", "--json"},
            // a child that prints into a pipe and exits: posix_spawn and its file actions; the plain line (FastPath)
            // and through picocli ("--" is left to it)
            {"pipe-demo", "hello"}, {"pipe-demo", "hello", "--"},
            // The msg, sem and shm operations: their models, and libc bound through jffi by a stat of an id no
            // object has (IPC_STAT only reads; the answer is EINVAL).
            {"msg", "send", "--help"}, {"msg", "recv", "--help"}, {"sem", "op", "--help"}, {"shm", "read", "--help"},
            {"msg", "demo", "--help"}, {"sem", "demo", "--help"}, {"shm", "demo", "--help"},
            {"signal", "demo", "--help"},
            {"msg", "stat", "--id", "2147483647"}, {"sem", "get", "--id", "2147483647"},
            {"shm", "read", "--id", "2147483647"}, {"msg", "send", "--id", "2147483647", "training"},
            {"msg", "recv", "--id", "2147483647", "--nowait"}, {"sem", "op", "--id", "2147483647", "0:+1"},
            {"shm", "write", "--id", "2147483647", "training"},
            // Fails before it makes anything (no such folder), after loading the FIFO commands' native binding.
            {"fifo", "send", "--dir", "/nonexistent/ipc-training", "ping"}, {"fifo", "serve", "--help"},
            // reads the state and prints the exposition: loads the metrics command and the snapshot's readers
            {"metrics"},
    };

    private Training() {
    }

    /**
     * ls lines besides the listings: limits, summaries and one object's block. Not help nor mistakes: they load
     * picocli's parser. -i of a queue or set binds libc through jffi (msgctl for the queue's qbytes, semctl for
     * the set's values): the copy of /proc/sysvipc below names id 0 of each kind, and IPC_STAT and GETVAL of the
     * machine's id 0 only read (EINVAL where there is none), so that ls -i finds its native classes archived.
     */
    private static final String[][] LS_LINES = {{"ls", "-l"}, {"ls", "-u"}, {"ls", "-m", "-i", "0"},
            {"ls", "-q", "-i", "0"}, {"ls", "-s", "-i", "0"}};

    /**
     * Other commands over the copy of /proc/sysvipc, for the archive of every command: metrics reads each object
     * (msgctl and semctl of id 0 only read) and counts orphans (a scan of /proc), code it never reaches on a
     * machine without objects.
     */
    private static final String[][] OVER_THE_COPY = {{"metrics"}, {"metrics", "--max-objects", "0"}};

    /** Listings, each of whose columns should be in the archive. */
    private static final String[][] LISTINGS = {
            {"ls"}, {"ls", "-t"}, {"ls", "-p"}, {"ls", "-c"}, {"ls", "--human"}, {"ls", "-b"},
            {"ls", "--json"}, {"ls", "-e"}, {"ls", "-r"}, {"ls", "-o", "+CTIME,COMMAND"}, {"ls", "-g"},
            {"ls", "-g", "--json"}, {"ls", "--posix"}, {"ls", "--posix", "--json"}, {"ls", "-n"},
            {"ls", "-m", "-i", "0", "-P"},
    };

    /** One object of each kind, as the kernel prints them in /proc/sysvipc. */
    private static final String[][] SYSVIPC = {
            {"msg", "       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime"
                    + "      rtime      ctime\n     65536          0   600          63          3  9051     0     0     0"
                    + "     0     0 1795247672          0 1795247672\n"},
            {"shm", "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      "
                    + "atime      dtime      ctime                   rss                  swap\n    196608          0   "
                    + "600                  4096  9051     0      0     0     0     0     0          0          0 "
                    + "1795247672                     0                     0\n"},
            {"sem", "       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n    131072 "
                    + "         0   600          3     0     0     0     0          0 1795247672\n"},
    };

    /**
     * Loads, without running, every class of ipc's own and of jffi's in the jar, so that the archive holds the
     * classes a command reaches only once its object exists (semop, shmat, a reply), which read-only lines never
     * reach, and those of commands added later: a class the archive lacks is read from the jar, opened for it.
     */
    private static void loadOwnClasses() throws IOException {
        Path jar;
        try {
            jar = Path.of(Training.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return; // not run from a jar: nothing to add
        }
        if (!Files.isRegularFile(jar)) {
            return;
        }
        ClassLoader loader = Training.class.getClassLoader();
        try (JarFile classes = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = classes.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && (name.startsWith("dev/ipc/") || name.startsWith("com/kenai/jffi/"))
                        && !name.endsWith("package-info.class")) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class that cannot be loaded here is not one a command loads either
                    }
                }
            }
        }
    }

    /** With "ls", only what ipc ls runs, for the launcher's archive of ls alone; else every command. */
    public static void main(String[] args) throws IOException {
        boolean lsAlone = args.length > 0 && args[0].equals("ls");
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        if (!lsAlone) {
            for (String[] command : READ_ONLY_COMMANDS) {
                Main.run(sink, sink, true, command); // as main() runs a line; Main itself must be in the archive
            }
            loadOwnClasses();
        }
        // The listings over a copy of /proc/sysvipc with one object of each kind, so that the code of their rows
        // is in the archive even where the machine has no objects; nothing real is touched.
        // Not Files.createTempDirectory: its random name would put SecureRandom's classes in the archive.
        Path sysvipc = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir"),
                "ipc-training-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
        try {
            for (String[] file : SYSVIPC) {
                Files.writeString(sysvipc.resolve(file[0]), file[1]);
            }
            System.setProperty("ipc.proc.sysvipc", sysvipc.toString());
            for (String[][] commands : new String[][][] {LS_LINES, LISTINGS}) {
                for (String[] command : commands) {
                    Main.run(sink, sink, true, command); // as main() runs a line; Main itself must be in the archive
                }
            }
            for (String[] command : lsAlone ? new String[0][] : OVER_THE_COPY) {
                Main.run(sink, sink, true, command);
            }
        } finally {
            System.clearProperty("ipc.proc.sysvipc");
            for (String[] file : SYSVIPC) {
                Files.deleteIfExists(sysvipc.resolve(file[0]));
            }
            Files.delete(sysvipc);
        }
    }
}
