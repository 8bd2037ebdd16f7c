/* Creates and removes real POSIX IPC objects for the tests, with the calls programs use.
 *   posix_objects sem NAME VALUE            sem_open(O_CREAT|O_EXCL, 0640, VALUE)
 *   posix_objects shm NAME SIZE             shm_open(O_CREAT|O_EXCL, 0600) + ftruncate
 *   posix_objects mq NAME MAXMSG MSGSIZE [MESSAGE...]   mq_open(O_CREAT|O_EXCL, 0600) + mq_send each
 *   posix_objects unlink-sem|unlink-shm|unlink-mq NAME
 */
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int fail(const char *what) { perror(what); return 1; }

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: see the source\n"); return 2; }
    const char *kind = argv[1], *name = argv[2];
    if (!strcmp(kind, "sem") && argc == 4) {
        sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0640, (unsigned) atoi(argv[3]));
        if (s == SEM_FAILED) return fail("sem_open");
        return sem_close(s) ? fail("sem_close") : 0;
    }
    if (!strcmp(kind, "shm") && argc == 4) {
        int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
        if (fd < 0) return fail("shm_open");
        if (ftruncate(fd, atol(argv[3]))) return fail("ftruncate");
        return close(fd) ? fail("close") : 0;
    }
    if (!strcmp(kind, "mq") && argc >= 5) {
        struct mq_attr attr = {0};
        attr.mq_maxmsg = atol(argv[3]);
        attr.mq_msgsize = atol(argv[4]);
        mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_WRONLY, 0600, &attr);
        if (q == (mqd_t) -1) return fail("mq_open");
        for (int i = 5; i < argc; i++)
            if (mq_send(q, argv[i], strlen(argv[i]), 0)) return fail("mq_send");
        return mq_close(q) ? fail("mq_close") : 0;
    }
    if (!strcmp(kind, "unlink-sem")) return sem_unlink(name) ? fail("sem_unlink") : 0;
    if (!strcmp(kind, "unlink-shm")) return shm_unlink(name) ? fail("shm_unlink") : 0;
    if (!strcmp(kind, "unlink-mq")) return mq_unlink(name) ? fail("mq_unlink") : 0;
    fprintf(stderr, "unknown: %s\n", kind);
    return 2;
}
