/* ipc's installed launcher, without a shell: scripts/install.sh compiles it with the command lines that the bash
 * launcher (ipc-installed) runs for the java found at install time, so that a command starts without bash, jvm.sh
 * and their processes in the way (see the README). Whenever the bash launcher could decide otherwise (IPC_JAVA,
 * JAVA_HOME or PATH now name another java, an archive is gone or was made by another java), it runs the bash
 * launcher, which decides as it always has.
 * Build (install.sh does it): cc -O2 -I DIR -o ipc ipc-launcher.c, DIR holding the ipc-launcher.h it writes. */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Written by install.sh: LS_ARCHIVE and ALL_ARCHIVE, the class-data archives (each beside a link named .java to
 * the java that made it); LS_COMMAND and ALL_COMMAND, NULL-terminated, what the bash launcher runs with each, java
 * first, before the command's arguments; BASH_LAUNCHER, the bash launcher; BASH, the bash that runs it. */
#include "ipc-launcher.h"

/* The java the bash launcher picks (jvm.sh): $IPC_JAVA, else $JAVA_HOME/bin/java, else java; a name without a slash
 * is looked for on the PATH as bash does, the first executable file in the PATH's order. NULL when there is none. */
static const char *chosen_java(char *buffer, size_t size) {
    const char *java = getenv("IPC_JAVA");
    if (java == NULL || *java == '\0') {
        const char *home = getenv("JAVA_HOME");
        if (home != NULL && *home != '\0') {
            return snprintf(buffer, size, "%s/bin/java", home) < (int) size ? buffer : NULL;
        }
        java = "java";
    }
    if (strchr(java, '/') != NULL) {
        return java;
    }
    const char *path = getenv("PATH");
    if (path == NULL) {
        return NULL; /* bash has a default PATH of its own: the bash launcher looks */
    }
    for (const char *dir = path;;) {
        const char *end = strchrnul(dir, ':');
        int length = (int) (end - dir);
        /* an empty entry is the current folder */
        int n = length == 0 ? snprintf(buffer, size, "%s", java)
                            : snprintf(buffer, size, "%.*s/%s", length, dir, java);
        struct stat file;
        if (n < (int) size && stat(buffer, &file) == 0 && S_ISREG(file.st_mode) && access(buffer, X_OK) == 0) {
            return buffer;
        }
        if (*end == '\0') {
            return NULL;
        }
        dir = end + 1;
    }
}

/* Whether java is the file the archive's .java link leads to, and the archive is there (jvm.sh's
 * ipc_find_archive). */
static int archive_fits(const char *java, const char *archive) {
    struct stat runs, made, held;
    char link[PATH_MAX];
    if (snprintf(link, sizeof link, "%s.java", archive) >= (int) sizeof link) {
        return 0;
    }
    return stat(java, &runs) == 0 && S_ISREG(runs.st_mode) && access(java, X_OK) == 0
           && stat(link, &made) == 0 && runs.st_dev == made.st_dev && runs.st_ino == made.st_ino
           && stat(archive, &held) == 0 && S_ISREG(held.st_mode);
}

/* The bash launcher: where the install put it, else (the installation was moved) in lib/ipc beside the folder this
 * launcher is in, as the bash launcher finds its own files. */
static const char *bash_launcher(char *buffer, size_t size) {
    if (access(BASH_LAUNCHER, R_OK) == 0) {
        return BASH_LAUNCHER;
    }
    ssize_t length = readlink("/proc/self/exe", buffer, size - 1);
    if (length <= 0) {
        return BASH_LAUNCHER;
    }
    buffer[length] = '\0';
    char *name = strrchr(buffer, '/');
    if (name == NULL || (size_t) (name - buffer) + sizeof "/../lib/ipc/ipc-launcher.bash" > size) {
        return BASH_LAUNCHER;
    }
    strcpy(name, "/../lib/ipc/ipc-launcher.bash");
    return buffer;
}

int main(int argc, char **argv) {
    char buffer[PATH_MAX];
    const char *java = chosen_java(buffer, sizeof buffer);
    int ls = argc > 1 && strcmp(argv[1], "ls") == 0; /* ls has an archive of its own */
    const char *const *command = ls ? LS_COMMAND : ALL_COMMAND;
    if (java != NULL && archive_fits(java, ls ? LS_ARCHIVE : ALL_ARCHIVE)) {
        size_t fixed = 0;
        while (command[fixed] != NULL) {
            fixed++;
        }
        char **line = malloc((fixed + (size_t) argc) * sizeof *line);
        if (line != NULL) {
            line[0] = (char *) java;
            for (size_t i = 1; i < fixed; i++) {
                line[i] = (char *) command[i];
            }
            for (int i = 1; i <= argc; i++) { /* argv[argc] is NULL */
                line[fixed + (size_t) i - 1] = argv[i];
            }
            execv(java, line);
            free(line); /* the bash launcher then says what is wrong */
        }
    }
    char **line = malloc(((size_t) argc + 2) * sizeof *line);
    if (line == NULL) {
        perror("ipc");
        return 126;
    }
    line[0] = "bash";
    line[1] = (char *) bash_launcher(buffer, sizeof buffer);
    for (int i = 1; i <= argc; i++) {
        line[i + 1] = argv[i];
    }
    execv(BASH, line);
    fprintf(stderr, "ipc: cannot run %s with %s: ", line[1], BASH);
    perror(NULL);
    return 126;
}
