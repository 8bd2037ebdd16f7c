// What one in-process run of ipc produced.
package dev.ipc.support;

public record CommandResult(int exitCode, String out, String err) {
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
