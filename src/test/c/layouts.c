/* Prints the size and member offsets of the IPC structures as this machine's headers declare them, one
 * "NAME VALUE" line each, for LayoutsTest to compare with dev.ipc.libc.Layouts. */
#define _GNU_SOURCE
#include <grp.h>
#include <mqueue.h>
#include <signal.h>
#include <spawn.h>
#include <poll.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <time.h>

#define SIZE(name, type) printf("%s %zu\n", name, sizeof(type))
#define AT(name, type, member) printf("%s %zu\n", name, offsetof(type, member))

int main(void) {
    SIZE("IPC_PERM_SIZE", struct ipc_perm);
    AT("PERM_KEY", struct ipc_perm, __key);
    AT("PERM_UID", struct ipc_perm, uid);
    AT("PERM_GID", struct ipc_perm, gid);
    AT("PERM_CUID", struct ipc_perm, cuid);
    AT("PERM_CGID", struct ipc_perm, cgid);
    AT("PERM_MODE", struct ipc_perm, mode);
    SIZE("MSQID_DS_SIZE", struct msqid_ds);
    AT("MSG_STIME", struct msqid_ds, msg_stime);
    AT("MSG_RTIME", struct msqid_ds, msg_rtime);
    AT("MSG_CTIME", struct msqid_ds, msg_ctime);
    AT("MSG_CBYTES", struct msqid_ds, __msg_cbytes);
    AT("MSG_QNUM", struct msqid_ds, msg_qnum);
    AT("MSG_QBYTES", struct msqid_ds, msg_qbytes);
    AT("MSG_LSPID", struct msqid_ds, msg_lspid);
    AT("MSG_LRPID", struct msqid_ds, msg_lrpid);
    SIZE("SHMID_DS_SIZE", struct shmid_ds);
    AT("SHM_SEGSZ", struct shmid_ds, shm_segsz);
    AT("SHM_ATIME", struct shmid_ds, shm_atime);
    AT("SHM_DTIME", struct shmid_ds, shm_dtime);
    AT("SHM_CTIME", struct shmid_ds, shm_ctime);
    AT("SHM_CPID", struct shmid_ds, shm_cpid);
    AT("SHM_LPID", struct shmid_ds, shm_lpid);
    AT("SHM_NATTCH", struct shmid_ds, shm_nattch);
    SIZE("SEMID_DS_SIZE", struct semid_ds);
    AT("SEM_OTIME", struct semid_ds, sem_otime);
    AT("SEM_CTIME", struct semid_ds, sem_ctime);
    AT("SEM_NSEMS", struct semid_ds, sem_nsems);
    SIZE("MSGINFO_SIZE", struct msginfo);
    AT("MSGINFO_MSGPOOL", struct msginfo, msgpool);
    AT("MSGINFO_MSGMAP", struct msginfo, msgmap);
    AT("MSGINFO_MSGMAX", struct msginfo, msgmax);
    AT("MSGINFO_MSGMNB", struct msginfo, msgmnb);
    AT("MSGINFO_MSGMNI", struct msginfo, msgmni);
    AT("MSGINFO_MSGTQL", struct msginfo, msgtql);
    SIZE("SHM_INFO_SIZE", struct shm_info);
    AT("SHM_INFO_USED_IDS", struct shm_info, used_ids);
    AT("SHM_INFO_SHM_TOT", struct shm_info, shm_tot);
    AT("SHM_INFO_SHM_RSS", struct shm_info, shm_rss);
    AT("SHM_INFO_SHM_SWP", struct shm_info, shm_swp);
    SIZE("SHMINFO_SIZE", struct shminfo);
    AT("SHMINFO_SHMMAX", struct shminfo, shmmax);
    AT("SHMINFO_SHMMIN", struct shminfo, shmmin);
    AT("SHMINFO_SHMMNI", struct shminfo, shmmni);
    AT("SHMINFO_SHMALL", struct shminfo, shmall);
    SIZE("SEMINFO_SIZE", struct seminfo);
    AT("SEMINFO_SEMMNI", struct seminfo, semmni);
    AT("SEMINFO_SEMMNS", struct seminfo, semmns);
    AT("SEMINFO_SEMMSL", struct seminfo, semmsl);
    AT("SEMINFO_SEMOPM", struct seminfo, semopm);
    AT("SEMINFO_SEMUSZ", struct seminfo, semusz);
    AT("SEMINFO_SEMVMX", struct seminfo, semvmx);
    AT("SEMINFO_SEMAEM", struct seminfo, semaem);
    SIZE("SEMBUF_SIZE", struct sembuf);
    AT("SEMBUF_NUM", struct sembuf, sem_num);
    AT("SEMBUF_OP", struct sembuf, sem_op);
    AT("SEMBUF_FLG", struct sembuf, sem_flg);
    SIZE("MQ_ATTR_SIZE", struct mq_attr);
    AT("MQ_MAXMSG", struct mq_attr, mq_maxmsg);
    AT("MQ_MSGSIZE", struct mq_attr, mq_msgsize);
    AT("MQ_CURMSGS", struct mq_attr, mq_curmsgs);
    SIZE("POSIX_SPAWN_FILE_ACTIONS_SIZE", posix_spawn_file_actions_t);
    SIZE("POSIX_SPAWNATTR_SIZE", posix_spawnattr_t);
    SIZE("SIGSET_SIZE", sigset_t);
    SIZE("TIMESPEC_SIZE", struct timespec);
    AT("TIMESPEC_SEC", struct timespec, tv_sec);
    AT("TIMESPEC_NSEC", struct timespec, tv_nsec);
    AT("PASSWD_UID", struct passwd, pw_uid);
    AT("GROUP_GID", struct group, gr_gid);
    SIZE("STAT_SIZE", struct stat);
    AT("STAT_DEV", struct stat, st_dev);
    AT("STAT_INO", struct stat, st_ino);
    AT("STAT_NLINK", struct stat, st_nlink);
    AT("STAT_MODE", struct stat, st_mode);
    AT("STAT_UID", struct stat, st_uid);
    AT("STAT_GID", struct stat, st_gid);
    SIZE("POLLFD_SIZE", struct pollfd);
    AT("POLLFD_FD", struct pollfd, fd);
    AT("POLLFD_EVENTS", struct pollfd, events);
    AT("POLLFD_REVENTS", struct pollfd, revents);
    SIZE("WINSIZE_SIZE", struct winsize);
    AT("WINSIZE_ROW", struct winsize, ws_row);
    AT("WINSIZE_COL", struct winsize, ws_col);
    SIZE("TERMIOS_SIZE", struct termios);
    AT("TERMIOS_IFLAG", struct termios, c_iflag);
    AT("TERMIOS_LFLAG", struct termios, c_lflag);
    AT("TERMIOS_CC", struct termios, c_cc);
    SIZE("SIGNALFD_SIGINFO_SIZE", struct signalfd_siginfo);
    AT("SSI_SIGNO", struct signalfd_siginfo, ssi_signo);
    AT("SSI_CODE", struct signalfd_siginfo, ssi_code);
    AT("SSI_PID", struct signalfd_siginfo, ssi_pid);
    AT("SSI_UID", struct signalfd_siginfo, ssi_uid);
    AT("SSI_STATUS", struct signalfd_siginfo, ssi_status);
    AT("SSI_INT", struct signalfd_siginfo, ssi_int);
    SIZE("SOCKADDR_UN_SIZE", struct sockaddr_un);
    AT("SUN_PATH", struct sockaddr_un, sun_path);
    SIZE("SOCKADDR_IN_SIZE", struct sockaddr_in);
    AT("SIN_PORT", struct sockaddr_in, sin_port);
    AT("SIN_ADDR", struct sockaddr_in, sin_addr);
    SIZE("UCRED_SIZE", struct ucred);
    AT("UCRED_PID", struct ucred, pid);
    AT("UCRED_UID", struct ucred, uid);
    AT("UCRED_GID", struct ucred, gid);
    SIZE("MSGHDR_SIZE", struct msghdr);
    AT("MSG_IOV", struct msghdr, msg_iov);
    AT("MSG_IOVLEN", struct msghdr, msg_iovlen);
    AT("MSG_CONTROL", struct msghdr, msg_control);
    AT("MSG_CONTROLLEN", struct msghdr, msg_controllen);
    AT("MSG_FLAGS", struct msghdr, msg_flags);
    SIZE("IOVEC_SIZE", struct iovec);
    AT("IOV_BASE", struct iovec, iov_base);
    AT("IOV_LEN", struct iovec, iov_len);
    AT("CMSG_LEN", struct cmsghdr, cmsg_len);
    AT("CMSG_LEVEL", struct cmsghdr, cmsg_level);
    AT("CMSG_TYPE", struct cmsghdr, cmsg_type);
    printf("CMSG_DATA %zu\n", (size_t) CMSG_LEN(0));
    printf("CMSG_LEN_INT %zu\n", (size_t) CMSG_LEN(sizeof(int)));
    printf("CMSG_SPACE_INT %zu\n", (size_t) CMSG_SPACE(sizeof(int)));
    return 0;
}
