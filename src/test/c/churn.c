/* Creates and removes System V and POSIX IPC objects as fast as it can, so that listings race with removals.
 *   churn SECONDS [leave]   (0: until SIGTERM or SIGINT); prints "churned N" (objects created) at the end
 * With "leave" its System V objects outlive it, as orphans whose pids are dead.
 * Each kind keeps a few objects alive and removes the oldest as it makes a new one, and each object is used once
 * (a message sent, a segment attached, a semaphore operated) so that its pids and times are set. Failures such as
 * a full table are skipped: the point is the churn. Everything still held is removed on exit.
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#define KEEP 6

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void) sig; stop = 1; }

static int queues[KEEP], segments[KEEP], sets[KEEP];
static char pshm[KEEP][64], psem[KEEP][64], pmq[KEEP][64];
static unsigned long made;

/* A key of its own most of the time (so keys vary), IPC_PRIVATE the rest. */
static key_t next_key(unsigned long n) {
    return n % 3 == 0 ? IPC_PRIVATE : (key_t) ((getpid() & 0xffff) << 12 | (n & 0xfff)) | 0x10000000;
}

static void drop_queue(int i) { if (queues[i] >= 0) msgctl(queues[i], IPC_RMID, NULL); queues[i] = -1; }
static void drop_segment(int i) { if (segments[i] >= 0) shmctl(segments[i], IPC_RMID, NULL); segments[i] = -1; }
static void drop_set(int i) { if (sets[i] >= 0) semctl(sets[i], 0, IPC_RMID); sets[i] = -1; }
static void drop_pshm(int i) { if (pshm[i][0]) shm_unlink(pshm[i]); pshm[i][0] = 0; }
static void drop_psem(int i) { if (psem[i][0]) sem_unlink(psem[i]); psem[i][0] = 0; }
static void drop_pmq(int i) { if (pmq[i][0]) mq_unlink(pmq[i]); pmq[i][0] = 0; }

static void round_of(unsigned long n) {
    int i = (int) (n % KEEP);
    key_t key = next_key(n);
    struct { long type; char text[16]; } message = {1 + (long) (n % 5), "churn"};

    drop_queue(i);
    queues[i] = msgget(key, IPC_CREAT | IPC_EXCL | 0600);
    if (queues[i] >= 0) {
        made++;
        msgsnd(queues[i], &message, 5, IPC_NOWAIT);
    }

    drop_segment(i);
    segments[i] = shmget(key, 4096 * (1 + n % 4), IPC_CREAT | IPC_EXCL | 0640);
    if (segments[i] >= 0) {
        made++;
        void *at = shmat(segments[i], NULL, 0);
        if (at != (void *) -1) {
            ((char *) at)[0] = 1;
            shmdt(at);
        }
    }

    drop_set(i);
    sets[i] = semget(key, 1 + (int) (n % 4), IPC_CREAT | IPC_EXCL | 0600);
    if (sets[i] >= 0) {
        made++;
        struct sembuf up = {0, 1, IPC_NOWAIT};
        semop(sets[i], &up, 1);
    }

    drop_pshm(i);
    snprintf(pshm[i], sizeof pshm[i], "/churn-%d-%lu", (int) getpid(), n);
    int fd = shm_open(pshm[i], O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd >= 0) {
        made++;
        if (ftruncate(fd, 4096)) { /* a size of 0 is a listing too */ }
        close(fd);
    } else {
        pshm[i][0] = 0;
    }

    drop_psem(i);
    snprintf(psem[i], sizeof psem[i], "/churn-%d-%lu", (int) getpid(), n);
    sem_t *s = sem_open(psem[i], O_CREAT | O_EXCL, 0640, (unsigned) (n % 7));
    if (s != SEM_FAILED) {
        made++;
        sem_close(s);
    } else {
        psem[i][0] = 0;
    }

    drop_pmq(i);
    snprintf(pmq[i], sizeof pmq[i], "/churn-%d-%lu", (int) getpid(), n);
    struct mq_attr attr = {0};
    attr.mq_maxmsg = 4;
    attr.mq_msgsize = 64;
    mqd_t q = mq_open(pmq[i], O_CREAT | O_EXCL | O_WRONLY | O_NONBLOCK, 0600, &attr);
    if (q != (mqd_t) -1) {
        made++;
        mq_send(q, "churn", 5, 0);
        mq_close(q);
    } else {
        pmq[i][0] = 0;
    }
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "leave"))) {
        fprintf(stderr, "usage: churn SECONDS [leave]\n");
        return 2;
    }
    double seconds = atof(argv[1]);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    for (int i = 0; i < KEEP; i++) {
        queues[i] = segments[i] = sets[i] = -1;
    }
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (unsigned long n = 0; !stop; n++) {
        round_of(n);
        if (seconds > 0 && n % 16 == 0) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (now.tv_sec - start.tv_sec + (now.tv_nsec - start.tv_nsec) / 1e9 >= seconds) {
                break;
            }
        }
    }
    for (int i = 0; i < KEEP; i++) {
        if (argc == 2) {
            drop_queue(i);
            drop_segment(i);
            drop_set(i);
        }
        drop_pshm(i);
        drop_psem(i);
        drop_pmq(i);
    }
    printf("churned %lu\n", made);
    return 0;
}
