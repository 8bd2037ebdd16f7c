// posix_spawn with file actions: the JVM's stand-in for fork() + dup2() + close() + execve().
package dev.ipc.libc;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public final class Spawn {
    private Spawn() {
    }

    /**
     * What glibc does in the child, in order, between the clone and the execve. Callers key maps by them, so
     * equals and hashCode are written out: a record's own bootstrap method handles on first use, which costs a
     * command that starts one child more than the child itself.
     */
    public sealed interface FileAction permits Dup2, Close, CloseFrom {
    }

    public record Dup2(int fd, int newFd) implements FileAction {
        @Override
        public boolean equals(Object other) {
            return other instanceof Dup2 that && that.fd == fd && that.newFd == newFd;
        }

        @Override
        public int hashCode() {
            return 31 * fd + newFd;
        }
    }

    public record Close(int fd) implements FileAction {
        @Override
        public boolean equals(Object other) {
            return other instanceof Close that && that.fd == fd;
        }

        @Override
        public int hashCode() {
            return fd;
        }
    }

    /** Closes every descriptor from fd up: close_range(fd, ~0U, 0) in the child. */
    public record CloseFrom(int fd) implements FileAction {
        @Override
        public boolean equals(Object other) {
            return other instanceof CloseFrom that && that.fd == fd;
        }

        @Override
        public int hashCode() {
            return -1 - fd;
        }
    }

    /**
     * What else glibc sets in the child before execve: the signals it has blocked from birth (the mask every thread
     * it makes inherits), and its process group: -1 the caller's, 0 a new one led by the child, else that group.
     */
    public record Attributes(int[] blocked, int processGroup) {
        public static final Attributes PLAIN = new Attributes(new int[0], -1);
    }

    /** A started child and the file actions glibc performed in it before execve succeeded. */
    public record Started(int pid, List<FileAction> actions) {
    }

    /**
     * Starts path (absolute: no PATH search) with argv and envp. The child starts with no signal blocked and
     * SIGPIPE at its default action, whatever this JVM does with them (it blocks SIGQUIT in new threads and
     * catches SIGPIPE). glibc reports a failed file action or execve as the returned error: nothing is started.
     */
    public static Started start(String path, List<String> argv, List<String> environment, List<FileAction> actions) {
        return start(path, argv, environment, actions, Attributes.PLAIN);
    }

    /** As {@link #start(String, List, List, List)}, with these signals blocked and in this process group. */
    public static Started start(String path, List<String> argv, List<String> environment, List<FileAction> actions,
                                Attributes attributes) {
        LibC libc = Native.libc();
        Pointer fileActions = Native.allocate(Layouts.POSIX_SPAWN_FILE_ACTIONS_SIZE);
        Pointer spawnAttributes = Native.allocate(Layouts.POSIX_SPAWNATTR_SIZE);
        Pointer signals = Native.allocate(Layouts.SIGSET_SIZE);
        Pointer mask = Signals.set(attributes.blocked());
        check("posix_spawn_file_actions_init", libc.posix_spawn_file_actions_init(fileActions));
        check("posix_spawnattr_init", libc.posix_spawnattr_init(spawnAttributes));
        try {
            List<FileAction> performed = new ArrayList<>();
            for (FileAction action : actions) {
                add(libc, fileActions, action, performed);
            }
            libc.sigemptyset(signals);
            libc.sigaddset(signals, Posix.SIGPIPE);
            check("posix_spawnattr_setsigmask", libc.posix_spawnattr_setsigmask(spawnAttributes, mask));
            check("posix_spawnattr_setsigdefault", libc.posix_spawnattr_setsigdefault(spawnAttributes, signals));
            short flags = (short) (Posix.POSIX_SPAWN_SETSIGMASK | Posix.POSIX_SPAWN_SETSIGDEF);
            if (attributes.processGroup() >= 0) {
                check("posix_spawnattr_setpgroup",
                        libc.posix_spawnattr_setpgroup(spawnAttributes, attributes.processGroup()));
                flags |= Signals.POSIX_SPAWN_SETPGROUP;
            }
            check("posix_spawnattr_setflags", libc.posix_spawnattr_setflags(spawnAttributes, flags));
            StringArray args = new StringArray(argv);
            StringArray env = new StringArray(environment);
            int[] pid = new int[1];
            int error = libc.posix_spawn(pid, path, fileActions, spawnAttributes, args.array, env.array);
            Reference.reachabilityFence(args);
            Reference.reachabilityFence(env);
            if (error != 0) {
                throw Native.failure("posix_spawn " + path, error);
            }
            return new Started(pid[0], List.copyOf(performed));
        } finally {
            libc.posix_spawn_file_actions_destroy(fileActions);
            libc.posix_spawnattr_destroy(spawnAttributes);
        }
    }

    private static void add(LibC libc, Pointer fileActions, FileAction action, List<FileAction> performed) {
        if (action instanceof Dup2 dup2) {
            check("posix_spawn_file_actions_adddup2",
                    libc.posix_spawn_file_actions_adddup2(fileActions, dup2.fd(), dup2.newFd()));
        } else if (action instanceof Close close) {
            check("posix_spawn_file_actions_addclose", libc.posix_spawn_file_actions_addclose(fileActions, close.fd()));
        } else if (action instanceof CloseFrom from) {
            if (!closeFromAvailable()) {
                // glibc before 2.34: close, one by one, what this process holds now.
                for (int fd : openDescriptors()) {
                    if (fd >= from.fd()) {
                        add(libc, fileActions, new Close(fd), performed);
                    }
                }
                return;
            }
            check("posix_spawn_file_actions_addclosefrom_np",
                    libc.posix_spawn_file_actions_addclosefrom_np(fileActions, from.fd()));
        }
        performed.add(action);
    }

    private static Boolean closeFrom;

    private static synchronized boolean closeFromAvailable() {
        if (closeFrom == null) {
            Pointer probe = Native.allocate(Layouts.POSIX_SPAWN_FILE_ACTIONS_SIZE);
            LibC libc = Native.libc();
            libc.posix_spawn_file_actions_init(probe);
            try {
                closeFrom = libc.posix_spawn_file_actions_addclosefrom_np(probe, 3) == 0;
            } catch (UnsatisfiedLinkError missing) {
                closeFrom = false;
            } finally {
                libc.posix_spawn_file_actions_destroy(probe);
            }
        }
        return closeFrom;
    }

    /** The descriptors this process holds, from /proc/self/fd. */
    private static List<Integer> openDescriptors() {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.map(entry -> Integer.parseInt(entry.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(String call, int error) {
        if (error != 0) {
            throw Native.failure(call, error);
        }
    }

    /** A NULL-terminated char *[] and the strings it points to, alive as long as this object is. */
    private static final class StringArray {
        final Pointer array;
        private final Pointer data;

        StringArray(List<String> values) {
            List<byte[]> encoded = new ArrayList<>(values.size());
            long total = 1;
            for (String value : values) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                encoded.add(bytes);
                total += bytes.length + 1;
            }
            int address = Long.BYTES; // a pointer, on LP64 (x86_64, aarch64)
            data = Native.allocate(total);
            array = Native.allocate((long) (values.size() + 1) * address);
            long offset = 0;
            for (int i = 0; i < encoded.size(); i++) {
                byte[] bytes = encoded.get(i);
                data.put(offset, bytes, 0, bytes.length);
                data.putByte(offset + bytes.length, (byte) 0);
                array.putAddress((long) i * address, data.address() + offset);
                offset += bytes.length + 1;
            }
            array.putAddress((long) values.size() * address, 0L);
        }
    }
}
