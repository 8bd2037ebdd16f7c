// How a child ended, as waitpid reports it: the raw status word and its WIFEXITED / WIFSIGNALED reading.
package dev.ipc.model;

public record WaitStatus(int raw) {
    public boolean exited() {
        return (raw & 0x7f) == 0;
    }

    /** WEXITSTATUS: meaningful when {@link #exited()}. */
    public int exitCode() {
        return (raw >> 8) & 0xff;
    }

    public boolean signaled() {
        return (raw & 0x7f) != 0 && (raw & 0x7f) != 0x7f;
    }

    /** WTERMSIG: meaningful when {@link #signaled()}. */
    public int signal() {
        return raw & 0x7f;
    }

    public boolean coreDumped() {
        return signaled() && (raw & 0x80) != 0;
    }

    public boolean success() {
        return exited() && exitCode() == 0;
    }
}
