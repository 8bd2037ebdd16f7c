/* Reference for the round trips of `ipc msg demo`: the same server and clients in C, to compare against.
 * msg_pingpong CLIENTS TRIPS: CLIENTS processes each send TRIPS requests "PID SEQ" of type 1 to a server process,
 * which answers each with SEQ as a message whose type is the client's pid; each client waits for its reply.
 * Prints "round_trips=N seconds=S rate=R/s".
 * Build: gcc -O2 -Wall -o msg_pingpong msg_pingpong.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct message { long type; char text[64]; };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: msg_pingpong CLIENTS TRIPS\n"); return 2; }
    int clients = atoi(argv[1]);
    long trips = atol(argv[2]);
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (q == -1) { perror("msgget"); return 1; }
    pid_t server = fork();
    if (server == 0) {
        struct message m;
        int byes = 0;
        while (byes < clients) {
            ssize_t n = msgrcv(q, &m, sizeof m.text - 1, 1, 0);
            if (n < 0) { perror("msgrcv"); _exit(1); }
            m.text[n] = 0;
            char *space = strchr(m.text, ' ');
            long client = atol(m.text);
            if (strcmp(space + 1, "bye") == 0) { byes++; continue; }
            struct message reply = {client, ""};
            size_t len = strlen(space + 1);
            memcpy(reply.text, space + 1, len);
            if (msgsnd(q, &reply, len, 0) < 0) { perror("msgsnd"); _exit(1); }
        }
        _exit(0);
    }
    double t0 = now();
    for (int c = 0; c < clients; c++) {
        if (fork() == 0) {
            long pid = getpid();
            struct message m;
            for (long seq = 1; seq <= trips; seq++) {
                m.type = 1;
                int len = snprintf(m.text, sizeof m.text, "%ld %ld", pid, seq);
                if (msgsnd(q, &m, len, 0) < 0) { perror("msgsnd"); _exit(1); }
                ssize_t n = msgrcv(q, &m, sizeof m.text - 1, pid, 0);
                if (n < 0) { perror("msgrcv"); _exit(1); }
                m.text[n] = 0;
                if (atol(m.text) != seq) { fprintf(stderr, "wrong reply\n"); _exit(1); }
            }
            m.type = 1;
            int len = snprintf(m.text, sizeof m.text, "%ld bye", pid);
            msgsnd(q, &m, len, 0);
            _exit(0);
        }
    }
    int failed = 0, status;
    for (int c = 0; c < clients; c++) { wait(&status); failed |= status != 0; }
    double seconds = now() - t0;
    waitpid(server, &status, 0);
    msgctl(q, IPC_RMID, NULL);
    printf("round_trips=%ld seconds=%.3f rate=%.0f/s\n", trips * clients, seconds, trips * clients / seconds);
    return failed;
}
