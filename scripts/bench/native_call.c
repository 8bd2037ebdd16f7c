/* Reference for scripts/bench-native-call: what one msgsnd + msgrcv pair and one semop pair (P then V) cost in C,
 * in one process that never blocks, so that only the calls are timed, not a context switch.
 * native_call CALLS: prints "msg=NS sem=NS" (nanoseconds a pair, best of 5 rounds of CALLS pairs).
 * Build: gcc -O2 -Wall -o native_call native_call.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <time.h>

struct message { long type; char text[64]; };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: native_call CALLS\n"); return 2; }
    long calls = atol(argv[1]);
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600), s = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    if (q == -1 || s == -1) { perror("get"); return 1; }
    struct message m;
    char text[64];
    struct sembuf p = {0, -1, 0}, v = {0, 1, 0};
    double msg = 1e18, sem = 1e18;
    for (int round = 0; round < 5; round++) {
        double t0 = now();
        for (long i = 0; i < calls; i++) {
            m.type = 1;
            memcpy(m.text, "12345 678", 9);
            if (msgsnd(q, &m, 9, 0) == -1) { perror("msgsnd"); return 1; }
            ssize_t n = msgrcv(q, &m, sizeof m.text, 1, 0);
            if (n == -1) { perror("msgrcv"); return 1; }
            memcpy(text, m.text, n);
        }
        double t1 = now();
        for (long i = 0; i < calls; i++) {
            if (semop(s, &v, 1) == -1 || semop(s, &p, 1) == -1) { perror("semop"); return 1; }
        }
        double t2 = now();
        if ((t1 - t0) / calls < msg) msg = (t1 - t0) / calls;
        if ((t2 - t1) / calls < sem) sem = (t2 - t1) / calls;
    }
    msgctl(q, IPC_RMID, NULL);
    semctl(s, 0, IPC_RMID);
    printf("msg=%.0f sem=%.0f\n", msg, sem);
    return 0;
}
