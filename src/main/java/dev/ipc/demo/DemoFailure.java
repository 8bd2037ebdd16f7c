// The demo could not show what it set out to: a process failed, hung, or the kernel did something unexpected.
package dev.ipc.demo;

public final class DemoFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemoFailure(String message) {
        super(message);
    }
}
