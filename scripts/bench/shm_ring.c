/* Reference for `ipc shm demo`: the same producer-consumer ring in C, to compare against.
 * shm_ring ITEMS SIZE SLOTS: a producer and a consumer process pass ITEMS numbered items of SIZE bytes through
 * a ring of SLOTS slots in a System V segment, guarded by semaphores EMPTY, FULL and MUTEX taken and given in pairs
 * by one semop each, as the demo does; the consumer checks every item. Prints "items=N seconds=S rate=R/s".
 * Build: gcc -O2 -Wall -o shm_ring shm_ring.c */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { EMPTY, FULL, MUTEX };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void fill(unsigned char *item, long size, int64_t n) {
    memcpy(item, &n, 8);
    unsigned char b = (unsigned char) (n * 31);
    for (long i = 8; i < size; i++) item[i] = (unsigned char) (b + i);
}

static void op(int sem, unsigned short a, unsigned short b, short v) {
    struct sembuf ops[2] = {{a, v, 0}, {b, v, 0}};
    if (semop(sem, ops, 2) == -1) { perror("semop"); exit(1); }
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: shm_ring ITEMS SIZE SLOTS\n"); return 2; }
    long items = atol(argv[1]), size = atol(argv[2]), slots = atol(argv[3]);
    int shm = shmget(IPC_PRIVATE, size * slots, IPC_CREAT | 0600);
    int sem = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    if (shm == -1 || sem == -1) { perror("get"); return 1; }
    unsigned short start[3] = {(unsigned short) slots, 0, 1};
    semctl(sem, 0, SETALL, start);
    unsigned char *ring = shmat(shm, NULL, 0);
    unsigned char *item = malloc(size), *expected = malloc(size);
    double t0 = now();
    pid_t producer = fork();
    if (producer == 0) {
        for (int64_t n = 0; n < items; n++) {
            op(sem, EMPTY, MUTEX, -1);
            fill(item, size, n);
            memcpy(ring + (n % slots) * size, item, size);
            op(sem, MUTEX, FULL, 1);
        }
        _exit(0);
    }
    long bad = 0;
    for (int64_t n = 0; n < items; n++) {
        op(sem, FULL, MUTEX, -1);
        memcpy(item, ring + (n % slots) * size, size);
        op(sem, MUTEX, EMPTY, 1);
        fill(expected, size, n);
        if (memcmp(item, expected, size) != 0) bad++;
    }
    double seconds = now() - t0;
    waitpid(producer, NULL, 0);
    shmdt(ring);
    shmctl(shm, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    printf("items=%ld seconds=%.3f rate=%.0f/s bad=%ld\n", items, seconds, items / seconds, bad);
    return bad != 0;
}
