// Byte offsets of the kernel's IPC structures as glibc declares them on x86_64 (LP64).
// LayoutsTest compiles a C program and checks every number here against the real headers.
package dev.ipc.libc;

public final class Layouts {
    private Layouts() {
    }

    // struct ipc_perm: 48 bytes; mode is a 32-bit field on x86_64 glibc.
    public static final int IPC_PERM_SIZE = 48;
    public static final int PERM_KEY = 0;
    public static final int PERM_UID = 4;
    public static final int PERM_GID = 8;
    public static final int PERM_CUID = 12;
    public static final int PERM_CGID = 16;
    public static final int PERM_MODE = 20;

    // struct msqid_ds: 120 bytes.
    public static final int MSQID_DS_SIZE = 120;
    public static final int MSG_STIME = 48;
    public static final int MSG_RTIME = 56;
    public static final int MSG_CTIME = 64;
    public static final int MSG_CBYTES = 72;
    public static final int MSG_QNUM = 80;
    public static final int MSG_QBYTES = 88;
    public static final int MSG_LSPID = 96;
    public static final int MSG_LRPID = 100;

    // struct shmid_ds: 112 bytes.
    public static final int SHMID_DS_SIZE = 112;
    public static final int SHM_SEGSZ = 48;
    public static final int SHM_ATIME = 56;
    public static final int SHM_DTIME = 64;
    public static final int SHM_CTIME = 72;
    public static final int SHM_CPID = 80;
    public static final int SHM_LPID = 84;
    public static final int SHM_NATTCH = 88;

    // struct semid_ds: 104 bytes.
    public static final int SEMID_DS_SIZE = 104;
    public static final int SEM_OTIME = 48;
    public static final int SEM_CTIME = 64;
    public static final int SEM_NSEMS = 80;

    // struct msginfo (MSG_INFO, IPC_INFO): 32 bytes of ints.
    public static final int MSGINFO_SIZE = 32;
    public static final int MSGINFO_MSGPOOL = 0;
    public static final int MSGINFO_MSGMAP = 4;
    public static final int MSGINFO_MSGMAX = 8;
    public static final int MSGINFO_MSGMNB = 12;
    public static final int MSGINFO_MSGMNI = 16;
    public static final int MSGINFO_MSGTQL = 24;

    // struct shm_info (SHM_INFO): 48 bytes.
    public static final int SHM_INFO_SIZE = 48;
    public static final int SHM_INFO_USED_IDS = 0;
    public static final int SHM_INFO_SHM_TOT = 8;
    public static final int SHM_INFO_SHM_RSS = 16;
    public static final int SHM_INFO_SHM_SWP = 24;

    // struct shminfo (IPC_INFO): 72 bytes of unsigned longs.
    public static final int SHMINFO_SIZE = 72;
    public static final int SHMINFO_SHMMAX = 0;
    public static final int SHMINFO_SHMMIN = 8;
    public static final int SHMINFO_SHMMNI = 16;
    public static final int SHMINFO_SHMALL = 32;

    // struct seminfo (SEM_INFO, IPC_INFO): 10 ints.
    public static final int SEMINFO_SIZE = 40;
    public static final int SEMINFO_SEMMNI = 4;
    public static final int SEMINFO_SEMMNS = 8;
    public static final int SEMINFO_SEMMSL = 16;
    public static final int SEMINFO_SEMOPM = 20;
    public static final int SEMINFO_SEMUSZ = 28;
    public static final int SEMINFO_SEMVMX = 32;
    public static final int SEMINFO_SEMAEM = 36;

    // struct sembuf: unsigned short sem_num, short sem_op, short sem_flg.
    public static final int SEMBUF_SIZE = 6;
    public static final int SEMBUF_NUM = 0;
    public static final int SEMBUF_OP = 2;
    public static final int SEMBUF_FLG = 4;

    // struct mq_attr: long mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs, then glibc's 4 reserved longs.
    public static final int MQ_ATTR_SIZE = 64;
    public static final int MQ_MAXMSG = 8;
    public static final int MQ_MSGSIZE = 16;
    public static final int MQ_CURMSGS = 24;

    // posix_spawn's opaque types and sigset_t (glibc x86_64): only their sizes, to allocate them.
    public static final int POSIX_SPAWN_FILE_ACTIONS_SIZE = 80;
    public static final int POSIX_SPAWNATTR_SIZE = 336;
    public static final int SIGSET_SIZE = 128;
    // ---- ipc msg|sem|shm operations ----

    // struct timespec (semtimedop's timeout): 16 bytes.
    public static final int TIMESPEC_SIZE = 16;
    public static final int TIMESPEC_SEC = 0;
    public static final int TIMESPEC_NSEC = 8;

    // struct passwd's pw_uid and struct group's gr_gid, after two char pointers each.
    public static final int PASSWD_UID = 16;
    public static final int GROUP_GID = 16;
    // ---- FIFO commands ----

    // struct stat: 144 bytes.
    public static final int STAT_SIZE = 144;
    public static final int STAT_DEV = 0;
    public static final int STAT_INO = 8;
    public static final int STAT_NLINK = 16;
    public static final int STAT_MODE = 24;
    public static final int STAT_UID = 28;
    public static final int STAT_GID = 32;

    // struct pollfd: int fd, short events, short revents.
    public static final int POLLFD_SIZE = 8;
    public static final int POLLFD_FD = 0;
    public static final int POLLFD_EVENTS = 4;
    public static final int POLLFD_REVENTS = 6;

    // struct winsize: unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel.
    public static final int WINSIZE_SIZE = 8;
    public static final int WINSIZE_ROW = 0;
    public static final int WINSIZE_COL = 2;

    // struct termios (glibc): four tcflag_t, c_line, c_cc[NCCS], then the speeds.
    public static final int TERMIOS_SIZE = 60;
    public static final int TERMIOS_IFLAG = 0;
    public static final int TERMIOS_LFLAG = 12;
    public static final int TERMIOS_CC = 17;

    // ---- signal demo ----

    // struct signalfd_siginfo: 128 bytes, what read() on a signalfd gives for each signal taken.
    public static final int SIGNALFD_SIGINFO_SIZE = 128;
    public static final int SSI_SIGNO = 0;
    public static final int SSI_CODE = 8;
    public static final int SSI_PID = 12;
    public static final int SSI_UID = 16;
    public static final int SSI_STATUS = 40;
    public static final int SSI_INT = 44;

    // ---- sockets (ipc socket demo) ----

    // struct sockaddr_un: sa_family_t sun_family, char sun_path[108]; struct sockaddr_in: 16 bytes.
    public static final int SOCKADDR_UN_SIZE = 110;
    public static final int SUN_PATH = 2;
    public static final int SOCKADDR_IN_SIZE = 16;
    public static final int SIN_PORT = 2;
    public static final int SIN_ADDR = 4;

    // struct ucred (SO_PEERCRED): pid, uid, gid.
    public static final int UCRED_SIZE = 12;
    public static final int UCRED_PID = 0;
    public static final int UCRED_UID = 4;
    public static final int UCRED_GID = 8;

    // struct msghdr, struct iovec and struct cmsghdr; CMSG_LEN and CMSG_SPACE of one int (a descriptor).
    public static final int MSGHDR_SIZE = 56;
    public static final int MSG_IOV = 16;
    public static final int MSG_IOVLEN = 24;
    public static final int MSG_CONTROL = 32;
    public static final int MSG_CONTROLLEN = 40;
    public static final int MSG_FLAGS = 48;
    public static final int IOVEC_SIZE = 16;
    public static final int IOV_BASE = 0;
    public static final int IOV_LEN = 8;
    public static final int CMSG_LEN = 0;
    public static final int CMSG_LEVEL = 8;
    public static final int CMSG_TYPE = 12;
    public static final int CMSG_DATA = 16;
    public static final int CMSG_LEN_INT = 20;
    public static final int CMSG_SPACE_INT = 24;
}
