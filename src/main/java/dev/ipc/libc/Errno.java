// errno values ipc tests for (Linux, all ABIs).
package dev.ipc.libc;

public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int ENAMETOOLONG = 36;
    public static final int ERANGE = 34;
    public static final int E2BIG = 7;
    public static final int EIDRM = 43;
    public static final int ENOMSG = 42;
    public static final int ENOSYS = 38;
    // pipes and the processes at their ends
    public static final int EPIPE = 32;
    // FIFO commands
    public static final int ENXIO = 6;
    public static final int EBADF = 9;
    public static final int ENOTDIR = 20;
    public static final int ELOOP = 40;

    private Errno() {
    }
}
