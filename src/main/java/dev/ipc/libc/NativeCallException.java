// A libc call that returned failure, with the call's name and errno.
package dev.ipc.libc;

public final class NativeCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public NativeCallException(String call, int errno, String description) {
        super(call + " failed: " + description);
        this.call = call;
        this.errno = errno;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    /** strerror's text for errno, as C tools print it after a colon. */
    public String description() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
