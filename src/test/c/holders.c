/* Processes that hold and wait on IPC objects, for the tests of ipc who and --orphans. Each prints "ready" once it
 * holds what it was asked to, then holds it (pause) or blocks in the call until killed.
 *   holders attach2 SHMID                 shmat twice (read-write, then read-only)
 *   holders semop SEMID NUM OP            semop blocks
 *   holders msgrcv MSQID TYPE             msgrcv blocks waiting for TYPE
 *   holders pshm NAME SIZE                shm_open, mmap, then shm_unlink: mapped after unlink
 *   holders mqopen NAME                   mq_open(O_CREAT), kept open
 *   holders psem NAME                     sem_open(O_CREAT, 0), then sem_wait blocks
 */
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

static int fail(const char *what) { perror(what); return 1; }
static void ready(void) { puts("ready"); fflush(stdout); }

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: see the source\n"); return 2; }
    const char *kind = argv[1];
    if (!strcmp(kind, "attach2")) {
        int id = atoi(argv[2]);
        if (shmat(id, NULL, 0) == (void *) -1) return fail("shmat");
        if (shmat(id, NULL, SHM_RDONLY) == (void *) -1) return fail("shmat");
        ready();
        for (;;) pause();
    }
    if (!strcmp(kind, "semop") && argc == 5) {
        struct sembuf op = { (unsigned short) atoi(argv[3]), (short) atoi(argv[4]), 0 };
        ready();
        if (semop(atoi(argv[2]), &op, 1)) return fail("semop");
        return 0;
    }
    if (!strcmp(kind, "msgrcv") && argc == 4) {
        struct { long type; char text[64]; } message;
        ready();
        if (msgrcv(atoi(argv[2]), &message, sizeof message.text, atol(argv[3]), 0) < 0) return fail("msgrcv");
        return 0;
    }
    if (!strcmp(kind, "pshm") && argc == 4) {
        long size = atol(argv[3]);
        int fd = shm_open(argv[2], O_CREAT | O_EXCL | O_RDWR, 0600);
        if (fd < 0) return fail("shm_open");
        if (ftruncate(fd, size)) return fail("ftruncate");
        char *at = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (at == MAP_FAILED) return fail("mmap");
        memset(at, 1, size);
        close(fd);
        if (shm_unlink(argv[2])) return fail("shm_unlink");
        ready();
        for (;;) pause();
    }
    if (!strcmp(kind, "mqopen")) {
        mqd_t q = mq_open(argv[2], O_CREAT | O_RDONLY, 0600, NULL);
        if (q == (mqd_t) -1) return fail("mq_open");
        ready();
        for (;;) pause();
    }
    if (!strcmp(kind, "psem")) {
        sem_t *s = sem_open(argv[2], O_CREAT, 0600, 0);
        if (s == SEM_FAILED) return fail("sem_open");
        ready();
        if (sem_wait(s)) return fail("sem_wait");
        return 0;
    }
    fprintf(stderr, "unknown: %s\n", kind);
    return 2;
}
