// What bounds a pipe's size: /proc/sys/fs/pipe-max-size, and whether this process may go beyond it.
package dev.ipc.pipe;

import dev.ipc.proc.ProcFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

record PipeLimits(OptionalLong maxSize, boolean canExceed) {
    private static final int CAP_SYS_RESOURCE = 24;

    static PipeLimits read() {
        OptionalLong max;
        try {
            max = OptionalLong.of(Long.parseLong(ProcFile.readLine(Path.of("/proc/sys/fs/pipe-max-size")).trim()));
        } catch (IOException | NumberFormatException e) {
            max = OptionalLong.empty();
        }
        return new PipeLimits(max, hasCapability(CAP_SYS_RESOURCE));
    }

    /** From CapEff in /proc/self/status: root in a container often lacks CAP_SYS_RESOURCE. */
    static boolean hasCapability(int capability) {
        return statusMaskHas("CapEff:", capability);
    }

    /** Whether a signal is caught (SigCgt) or ignored (SigIgn) by this process, from /proc/self/status. */
    static boolean signalIn(String field, int signal) {
        return statusMaskHas(field, signal - 1);
    }

    private static boolean statusMaskHas(String field, int bit) {
        try {
            for (String line : ProcFile.readLine(Path.of("/proc/self/status")).split("\n")) {
                if (line.startsWith(field)) {
                    long mask = Long.parseUnsignedLong(line.substring(field.length()).trim(), 16);
                    return ((mask >>> bit) & 1) == 1;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /** The sentence the demo says about the limit. */
    String describe() {
        String limit = maxSize.isPresent()
                ? "/proc/sys/fs/pipe-max-size is " + maxSize.getAsLong() + " bytes"
                : "/proc/sys/fs/pipe-max-size cannot be read";
        return limit + ": F_SETPIPE_SZ above it needs CAP_SYS_RESOURCE, which this process "
                + (canExceed ? "has" : "does not have, so that is its limit");
    }
}
