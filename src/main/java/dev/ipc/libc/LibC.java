// The slice of libc that ipc calls, bound once for every command: each function on its first call.
package dev.ipc.libc;

import com.kenai.jffi.Type;

import java.nio.charset.StandardCharsets;

import static dev.ipc.libc.NativeFunction.checked;
import static dev.ipc.libc.NativeFunction.plain;
import static dev.ipc.libc.NativeFunction.variadic;

/**
 * jffi directly, not jnr-ffi: no stub classes generated, no proxies, no search for libc (see the README). The
 * methods mirror the C calls, -1 and all; calls that can fail save errno, read it with {@link Native#errno()}
 * right after a failure, and the checked wrappers around them throw {@link NativeCallException}.
 */
public final class LibC {
    static final LibC INSTANCE = new LibC();

    private static final Type INT = Type.SINT;
    private static final Type LONG = Type.SLONG;
    private static final Type SIZE = Type.ULONG;
    private static final Type MODE = Type.UINT;
    private static final Type SHORT = Type.SSHORT;
    private static final Type POINTER = Type.POINTER;

    // System V IPC
    private static final NativeFunction MSGGET = checked("msgget", INT, INT, INT);
    private static final NativeFunction MSGCTL = checked("msgctl", INT, INT, INT, POINTER);
    private static final NativeFunction MSGSND = checked("msgsnd", INT, INT, POINTER, SIZE, INT);
    private static final NativeFunction MSGRCV = checked("msgrcv", LONG, INT, POINTER, SIZE, LONG, INT);
    private static final NativeFunction SHMGET = checked("shmget", INT, INT, SIZE, INT);
    private static final NativeFunction SHMCTL = checked("shmctl", INT, INT, INT, POINTER);
    private static final NativeFunction SHMAT = checked("shmat", POINTER, INT, POINTER, INT);
    private static final NativeFunction SHMDT = checked("shmdt", INT, POINTER);
    private static final NativeFunction SEMGET = checked("semget", INT, INT, INT, INT);
    /** semctl is variadic; its fourth argument is union semun, passed as a value or an address. */
    private static final NativeFunction SEMCTL = variadic("semctl", 3, INT, INT, INT, INT, LONG);
    private static final NativeFunction SEMOP = checked("semop", INT, INT, POINTER, SIZE);
    private static final NativeFunction SEMTIMEDOP = checked("semtimedop", INT, INT, POINTER, SIZE, POINTER);
    private static final NativeFunction FTOK = checked("ftok", INT, POINTER, INT);

    // POSIX IPC
    private static final NativeFunction SHM_OPEN = checked("shm_open", INT, POINTER, INT, MODE);
    private static final NativeFunction SHM_UNLINK = checked("shm_unlink", INT, POINTER);
    private static final NativeFunction FTRUNCATE = checked("ftruncate", INT, INT, LONG);
    /** mq_open is variadic: mode and attributes follow when O_CREAT is given. mqd_t is an int on Linux. */
    private static final NativeFunction MQ_OPEN = variadic("mq_open", 2, INT, POINTER, INT);
    private static final NativeFunction MQ_OPEN_CREATE = variadic("mq_open", 2, INT, POINTER, INT, MODE, POINTER);
    private static final NativeFunction MQ_GETATTR = checked("mq_getattr", INT, INT, POINTER);
    private static final NativeFunction MQ_CLOSE = checked("mq_close", INT, INT);
    private static final NativeFunction MQ_UNLINK = checked("mq_unlink", INT, POINTER);
    /** sem_open is variadic: mode and value follow when O_CREAT is given. Returns SEM_FAILED (NULL) on failure. */
    private static final NativeFunction SEM_OPEN = variadic("sem_open", 2, POINTER, POINTER, INT, MODE, Type.UINT);
    private static final NativeFunction SEM_CLOSE = checked("sem_close", INT, POINTER);
    private static final NativeFunction SEM_UNLINK = checked("sem_unlink", INT, POINTER);
    private static final NativeFunction UMASK = plain("umask", MODE, MODE);

    // files, FIFOs and pipes
    /** open and openat take their mode as a variadic argument, needed only with O_CREAT. */
    private static final NativeFunction OPEN = variadic("open", 2, INT, POINTER, INT);
    private static final NativeFunction OPEN_MODE = variadic("open", 2, INT, POINTER, INT, MODE);
    private static final NativeFunction OPENAT = variadic("openat", 3, INT, INT, POINTER, INT, MODE);
    private static final NativeFunction CLOSE = checked("close", INT, INT);
    private static final NativeFunction READ = checked("read", LONG, INT, POINTER, SIZE);
    private static final NativeFunction WRITE = checked("write", LONG, INT, POINTER, SIZE);
    private static final NativeFunction FSTAT = checked("fstat", INT, INT, POINTER);
    private static final NativeFunction FSTATAT = checked("fstatat", INT, INT, POINTER, POINTER, INT);
    private static final NativeFunction MKDIR = checked("mkdir", INT, POINTER, MODE);
    private static final NativeFunction MKFIFOAT = checked("mkfifoat", INT, INT, POINTER, MODE);
    private static final NativeFunction UNLINKAT = checked("unlinkat", INT, INT, POINTER, INT);
    private static final NativeFunction FCHMOD = checked("fchmod", INT, INT, MODE);
    private static final NativeFunction FLOCK = checked("flock", INT, INT, INT);
    private static final NativeFunction FCNTL = variadic("fcntl", 2, INT, INT, INT, INT);
    /** struct pollfd is {int fd; short events; short revents;}: 8 bytes. */
    private static final NativeFunction POLL = checked("poll", INT, POINTER, SIZE, INT);
    private static final NativeFunction PIPE2 = checked("pipe2", INT, POINTER, INT);

    // terminals
    /** ioctl is variadic; the requests used here take a pointer. */
    private static final NativeFunction IOCTL = variadic("ioctl", 2, INT, INT, Type.ULONG, POINTER);
    private static final NativeFunction TCGETATTR = checked("tcgetattr", INT, INT, POINTER);
    private static final NativeFunction TCSETATTR = checked("tcsetattr", INT, INT, INT, POINTER);

    // processes
    private static final NativeFunction WAITPID = checked("waitpid", INT, INT, POINTER, INT);
    private static final NativeFunction KILL = checked("kill", INT, INT, INT);
    private static final NativeFunction TGKILL = checked("tgkill", INT, INT, INT, INT);
    /** For pidfd_open, which glibc wraps only from 2.36. */
    private static final NativeFunction SYSCALL = variadic("syscall", 1, LONG, LONG, LONG, LONG);
    private static final NativeFunction GETPID = plain("getpid", INT);
    private static final NativeFunction GETTID = plain("gettid", INT);
    private static final NativeFunction GETEUID = plain("geteuid", INT);
    private static final NativeFunction GETEGID = plain("getegid", INT);
    // posix_spawn and its helpers return an error number; they do not set errno.
    private static final NativeFunction POSIX_SPAWN =
            plain("posix_spawn", INT, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER);
    private static final NativeFunction FILE_ACTIONS_INIT = plain("posix_spawn_file_actions_init", INT, POINTER);
    private static final NativeFunction FILE_ACTIONS_DESTROY =
            plain("posix_spawn_file_actions_destroy", INT, POINTER);
    private static final NativeFunction FILE_ACTIONS_ADDDUP2 =
            plain("posix_spawn_file_actions_adddup2", INT, POINTER, INT, INT);
    private static final NativeFunction FILE_ACTIONS_ADDCLOSE =
            plain("posix_spawn_file_actions_addclose", INT, POINTER, INT);
    /** glibc 2.34 and later: close_range(fd, ~0U, 0) in the child. */
    private static final NativeFunction FILE_ACTIONS_ADDCLOSEFROM =
            plain("posix_spawn_file_actions_addclosefrom_np", INT, POINTER, INT);
    private static final NativeFunction SPAWNATTR_INIT = plain("posix_spawnattr_init", INT, POINTER);
    private static final NativeFunction SPAWNATTR_DESTROY = plain("posix_spawnattr_destroy", INT, POINTER);
    private static final NativeFunction SPAWNATTR_SETFLAGS = plain("posix_spawnattr_setflags", INT, POINTER, SHORT);
    private static final NativeFunction SPAWNATTR_SETSIGMASK =
            plain("posix_spawnattr_setsigmask", INT, POINTER, POINTER);
    private static final NativeFunction SPAWNATTR_SETSIGDEFAULT =
            plain("posix_spawnattr_setsigdefault", INT, POINTER, POINTER);
    private static final NativeFunction SIGEMPTYSET = plain("sigemptyset", INT, POINTER);
    private static final NativeFunction SIGADDSET = plain("sigaddset", INT, POINTER, INT);
    private static final NativeFunction SIGISMEMBER = plain("sigismember", INT, POINTER, INT);
    private static final NativeFunction SPAWNATTR_SETPGROUP = plain("posix_spawnattr_setpgroup", INT, POINTER, INT);

    // signals
    /** union sigval is 8 bytes of class INTEGER on x86_64 and aarch64: passed by value as a long. */
    private static final NativeFunction SIGQUEUE = checked("sigqueue", INT, INT, INT, LONG);
    private static final NativeFunction SIGNALFD = checked("signalfd", INT, INT, POINTER, INT);
    /** Returns an error number; does not set errno. */
    private static final NativeFunction PTHREAD_SIGMASK = plain("pthread_sigmask", INT, INT, POINTER, POINTER);
    private static final NativeFunction GETUID = plain("getuid", INT);
    private static final NativeFunction GETPGID = checked("getpgid", INT, INT);

    // users, groups, messages, the machine
    private static final NativeFunction GETPWUID = plain("getpwuid", POINTER, Type.UINT);
    private static final NativeFunction GETPWNAM = plain("getpwnam", POINTER, POINTER);
    private static final NativeFunction GETGRGID = plain("getgrgid", POINTER, Type.UINT);
    private static final NativeFunction GETGRNAM = plain("getgrnam", POINTER, POINTER);
    private static final NativeFunction STRERROR = plain("strerror", POINTER, INT);
    /** glibc 2.32 and later: "EAGAIN" for 11, NULL for a number it does not know. */
    private static final NativeFunction STRERRORNAME_NP = plain("strerrorname_np", POINTER, INT);
    /** glibc 2.32 and later: "PIPE" for 13. */
    private static final NativeFunction SIGABBREV_NP = plain("sigabbrev_np", POINTER, INT);
    private static final NativeFunction GETPAGESIZE = plain("getpagesize", INT);

    // namespaces
    private static final NativeFunction SETNS = checked("setns", INT, INT, INT);
    // the new mount API, glibc 2.36 and later: a file system mounted nowhere, reached through its descriptor
    private static final NativeFunction FSOPEN = checked("fsopen", INT, POINTER, Type.UINT);
    private static final NativeFunction FSCONFIG = checked("fsconfig", INT, INT, Type.UINT, POINTER, POINTER, INT);
    private static final NativeFunction FSMOUNT = checked("fsmount", INT, INT, Type.UINT, Type.UINT);

    private LibC() {
    }

    // ---- System V IPC ----

    public int msgget(int key, int flags) {
        return (int) MSGGET.call(key, flags);
    }

    public int msgctl(int id, int command, Pointer buffer) {
        return (int) MSGCTL.call(id, command, address(buffer));
    }

    public int msgsnd(int id, Pointer message, long size, int flags) {
        return (int) MSGSND.call(id, message.address(), size, flags);
    }

    public long msgrcv(int id, Pointer message, long size, long type, int flags) {
        return MSGRCV.call(id, message.address(), size, type, flags);
    }

    /** Binds msgsnd and msgrcv now (see {@link MessageBuffer#bindCalls}). */
    void bindMessageCalls() {
        MSGSND.bind();
        MSGRCV.bind();
    }

    public int shmget(int key, long size, int flags) {
        return (int) SHMGET.call(key, size, flags);
    }

    public int shmctl(int id, int command, Pointer buffer) {
        return (int) SHMCTL.call(id, command, address(buffer));
    }

    /** Returns (void *) -1 on failure. */
    public long shmat(int id, Pointer address, int flags) {
        return SHMAT.call(id, address(address), flags);
    }

    public int shmdt(long address) {
        return (int) SHMDT.call(address);
    }

    public int semget(int key, int count, int flags) {
        return (int) SEMGET.call(key, count, flags);
    }

    public int semctl(int id, int number, int command, long argument) {
        return (int) SEMCTL.call(id, number, command, argument);
    }

    public int semop(int id, Pointer operations, long count) {
        return (int) SEMOP.call(id, operations.address(), count);
    }

    /** Binds semop now (see {@link SemaphoreOperations#bindCalls}). */
    void bindSemop() {
        SEMOP.bind();
    }

    public int semtimedop(int id, Pointer operations, long count, Pointer timeout) {
        return (int) SEMTIMEDOP.call(id, operations.address(), count, address(timeout));
    }

    public int ftok(String path, int projectId) {
        try (NativeString string = new NativeString(path)) {
            return (int) FTOK.call(string.address, projectId);
        }
    }

    // ---- POSIX IPC ----

    public int shm_open(String name, int flags, int mode) {
        try (NativeString string = new NativeString(name)) {
            return (int) SHM_OPEN.call(string.address, flags, mode);
        }
    }

    public int shm_unlink(String name) {
        return withString(SHM_UNLINK, name);
    }

    public int ftruncate(int fd, long length) {
        return (int) FTRUNCATE.call(fd, length);
    }

    public int mq_open(String name, int flags) {
        try (NativeString string = new NativeString(name)) {
            return (int) MQ_OPEN.call(string.address, flags);
        }
    }

    /** attributes null: the kernel's defaults for a new queue. */
    public int mq_open(String name, int flags, int mode, Pointer attributes) {
        try (NativeString string = new NativeString(name)) {
            return (int) MQ_OPEN_CREATE.call(string.address, flags, mode, address(attributes));
        }
    }

    public int mq_getattr(int queue, Pointer attributes) {
        return (int) MQ_GETATTR.call(queue, attributes.address());
    }

    public int mq_close(int queue) {
        return (int) MQ_CLOSE.call(queue);
    }

    public int mq_unlink(String name) {
        return withString(MQ_UNLINK, name);
    }

    /** null for SEM_FAILED. */
    public Pointer sem_open(String name, int flags, int mode, int value) {
        try (NativeString string = new NativeString(name)) {
            return Pointer.orNull(SEM_OPEN.call(string.address, flags, mode, value));
        }
    }

    public int sem_close(Pointer semaphore) {
        return (int) SEM_CLOSE.call(semaphore.address());
    }

    public int sem_unlink(String name) {
        return withString(SEM_UNLINK, name);
    }

    /** Sets the mask and returns the previous one. */
    public int umask(int mask) {
        return (int) UMASK.call(mask);
    }

    // ---- files, FIFOs and pipes ----

    /** open(2) without O_CREAT, so without its variadic mode argument. */
    public int open(String path, int flags) {
        try (NativeString string = new NativeString(path)) {
            return (int) OPEN.call(string.address, flags);
        }
    }

    public int open(String path, int flags, int mode) {
        try (NativeString string = new NativeString(path)) {
            return (int) OPEN_MODE.call(string.address, flags, mode);
        }
    }

    public int openat(int directory, String path, int flags, int mode) {
        try (NativeString string = new NativeString(path)) {
            return (int) OPENAT.call(directory, string.address, flags, mode);
        }
    }

    /** Moves the calling thread alone into the namespace fd names (CLONE_NEWIPC has no single-thread rule). */
    public int setns(int fd, int type) {
        return (int) SETNS.call(fd, type);
    }

    public int fsopen(String fileSystem, int flags) {
        try (NativeString string = new NativeString(fileSystem)) {
            return (int) FSOPEN.call(string.address, flags);
        }
    }

    /** A command with no key and no value (FSCONFIG_CMD_CREATE). */
    public int fsconfig(int context, int command) {
        return (int) FSCONFIG.call(context, command, 0, 0, 0);
    }

    public int fsmount(int context, int flags, int attributes) {
        return (int) FSMOUNT.call(context, flags, attributes);
    }

    /** An ioctl that takes no argument (NS_GET_NSTYPE): a null pointer is passed. */
    public int ioctl(int fd, long request) {
        return (int) IOCTL.call(fd, request, 0);
    }

    public int close(int fd) {
        return (int) CLOSE.call(fd);
    }

    public long read(int fd, Pointer buffer, long count) {
        return READ.call(fd, buffer.address(), count);
    }

    public long write(int fd, Pointer buffer, long count) {
        return WRITE.call(fd, buffer.address(), count);
    }

    public int fstat(int fd, Pointer stat) {
        return (int) FSTAT.call(fd, stat.address());
    }

    public int fstatat(int directory, String path, Pointer stat, int flags) {
        try (NativeString string = new NativeString(path)) {
            return (int) FSTATAT.call(directory, string.address, stat.address(), flags);
        }
    }

    public int mkdir(String path, int mode) {
        try (NativeString string = new NativeString(path)) {
            return (int) MKDIR.call(string.address, mode);
        }
    }

    public int mkfifoat(int directory, String path, int mode) {
        try (NativeString string = new NativeString(path)) {
            return (int) MKFIFOAT.call(directory, string.address, mode);
        }
    }

    public int unlinkat(int directory, String path, int flags) {
        try (NativeString string = new NativeString(path)) {
            return (int) UNLINKAT.call(directory, string.address, flags);
        }
    }

    public int fchmod(int fd, int mode) {
        return (int) FCHMOD.call(fd, mode);
    }

    public int flock(int fd, int operation) {
        return (int) FLOCK.call(fd, operation);
    }

    public int fcntl(int fd, int command, int argument) {
        return (int) FCNTL.call(fd, command, argument);
    }

    public int poll(Pointer fds, long count, int timeoutMillis) {
        return (int) POLL.call(fds.address(), count, timeoutMillis);
    }

    public int ioctl(int fd, long request, Pointer argument) {
        return (int) IOCTL.call(fd, request, argument.address());
    }

    public int tcgetattr(int fd, Pointer termios) {
        return (int) TCGETATTR.call(fd, termios.address());
    }

    public int tcsetattr(int fd, int when, Pointer termios) {
        return (int) TCSETATTR.call(fd, when, termios.address());
    }

    /** fds[0] gets the read end, fds[1] the write end. */
    public int pipe2(int[] fds, int flags) {
        long pair = NativeMemory.allocate(8, true);
        try {
            int result = (int) PIPE2.call(pair, flags);
            fds[0] = NativeMemory.getInt(pair);
            fds[1] = NativeMemory.getInt(pair + 4);
            return result;
        } finally {
            NativeMemory.free(pair);
        }
    }

    // ---- processes ----

    public int waitpid(int pid, int[] status, int options) {
        long word = NativeMemory.allocate(4, true);
        try {
            int result = (int) WAITPID.call(pid, word, options);
            status[0] = NativeMemory.getInt(word);
            return result;
        } finally {
            NativeMemory.free(word);
        }
    }

    public int kill(int pid, int signal) {
        return (int) KILL.call(pid, signal);
    }

    /** Interrupts a blocking System V call in one thread: the kernel never restarts those (signal(7)). */
    public int tgkill(int tgid, int tid, int signal) {
        return (int) TGKILL.call(tgid, tid, signal);
    }

    public long syscall(long number, long first, long second) {
        return SYSCALL.call(number, first, second);
    }

    public int getpid() {
        return (int) GETPID.call();
    }

    /** The calling thread's kernel id, the target of {@link #tgkill}. */
    public int gettid() {
        return (int) GETTID.call();
    }

    public int geteuid() {
        return (int) GETEUID.call();
    }

    public int getegid() {
        return (int) GETEGID.call();
    }

    public int posix_spawn(int[] pid, String path, Pointer fileActions, Pointer attributes, Pointer argv,
                           Pointer envp) {
        long word = NativeMemory.allocate(4, true);
        try (NativeString string = new NativeString(path)) {
            int result = (int) POSIX_SPAWN.call(word, string.address, address(fileActions), address(attributes),
                    argv.address(), envp.address());
            pid[0] = NativeMemory.getInt(word);
            return result;
        } finally {
            NativeMemory.free(word);
        }
    }

    public int posix_spawn_file_actions_init(Pointer actions) {
        return (int) FILE_ACTIONS_INIT.call(actions.address());
    }

    public int posix_spawn_file_actions_destroy(Pointer actions) {
        return (int) FILE_ACTIONS_DESTROY.call(actions.address());
    }

    public int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd) {
        return (int) FILE_ACTIONS_ADDDUP2.call(actions.address(), fd, newFd);
    }

    public int posix_spawn_file_actions_addclose(Pointer actions, int fd) {
        return (int) FILE_ACTIONS_ADDCLOSE.call(actions.address(), fd);
    }

    /** Throws UnsatisfiedLinkError before glibc 2.34. */
    public int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int fromFd) {
        return (int) FILE_ACTIONS_ADDCLOSEFROM.call(actions.address(), fromFd);
    }

    public int posix_spawnattr_init(Pointer attributes) {
        return (int) SPAWNATTR_INIT.call(attributes.address());
    }

    public int posix_spawnattr_destroy(Pointer attributes) {
        return (int) SPAWNATTR_DESTROY.call(attributes.address());
    }

    public int posix_spawnattr_setflags(Pointer attributes, short flags) {
        return (int) SPAWNATTR_SETFLAGS.call(attributes.address(), flags);
    }

    public int posix_spawnattr_setsigmask(Pointer attributes, Pointer mask) {
        return (int) SPAWNATTR_SETSIGMASK.call(attributes.address(), mask.address());
    }

    public int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals) {
        return (int) SPAWNATTR_SETSIGDEFAULT.call(attributes.address(), signals.address());
    }

    public int sigemptyset(Pointer set) {
        return (int) SIGEMPTYSET.call(set.address());
    }

    public int sigaddset(Pointer set, int signal) {
        return (int) SIGADDSET.call(set.address(), signal);
    }

    public int sigismember(Pointer set, int signal) {
        return (int) SIGISMEMBER.call(set.address(), signal);
    }

    public int posix_spawnattr_setpgroup(Pointer attributes, int processGroup) {
        return (int) SPAWNATTR_SETPGROUP.call(attributes.address(), processGroup);
    }

    // ---- signals ----

    /** sigqueue(pid, signal, (union sigval) {.sival_int = value}). */
    public int sigqueue(int pid, int signal, int value) {
        return (int) SIGQUEUE.call(pid, signal, value & 0xffffffffL);
    }

    public int signalfd(int fd, Pointer mask, int flags) {
        return (int) SIGNALFD.call(fd, mask.address(), flags);
    }

    public int pthread_sigmask(int how, Pointer set, Pointer old) {
        return (int) PTHREAD_SIGMASK.call(how, address(set), address(old));
    }

    public int getuid() {
        return (int) GETUID.call();
    }

    public int getpgid(int pid) {
        return (int) GETPGID.call(pid);
    }

    // ---- users, groups, messages, the machine ----

    /** struct passwd, or null for no such user. */
    public Pointer getpwuid(int uid) {
        return Pointer.orNull(GETPWUID.call(uid));
    }

    public Pointer getpwnam(String name) {
        try (NativeString string = new NativeString(name)) {
            return Pointer.orNull(GETPWNAM.call(string.address));
        }
    }

    /** struct group, or null for no such group. */
    public Pointer getgrgid(int gid) {
        return Pointer.orNull(GETGRGID.call(gid));
    }

    public Pointer getgrnam(String name) {
        try (NativeString string = new NativeString(name)) {
            return Pointer.orNull(GETGRNAM.call(string.address));
        }
    }

    public String strerror(int errno) {
        return Pointer.orNull(STRERROR.call(errno)).getString(0);
    }

    /** "EAGAIN" for 11; null for a number glibc does not name. */
    public String strerrorname_np(int errno) {
        Pointer name = Pointer.orNull(STRERRORNAME_NP.call(errno));
        return name == null ? null : name.getString(0);
    }

    /** "PIPE" for SIGPIPE; null for a number glibc does not name. */
    public String sigabbrev_np(int signal) {
        Pointer name = Pointer.orNull(SIGABBREV_NP.call(signal));
        return name == null ? null : name.getString(0);
    }

    public int getpagesize() {
        return (int) GETPAGESIZE.call();
    }

    private static long address(Pointer pointer) {
        return pointer == null ? 0 : pointer.address();
    }

    private static int withString(NativeFunction function, String value) {
        try (NativeString string = new NativeString(value)) {
            return (int) function.call(string.address);
        }
    }

    /** A NUL-terminated UTF-8 copy of a Java string in memory of its own, for the length of one call. */
    private static final class NativeString implements AutoCloseable {
        final long address;

        NativeString(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            address = NativeMemory.allocate(bytes.length + 1, false);
            NativeMemory.putZeroTerminated(address, bytes);
        }

        @Override
        public void close() {
            NativeMemory.free(address);
        }
    }
}
