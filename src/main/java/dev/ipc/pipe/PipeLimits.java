// What bounds a pipe's size: /proc/sys/fs/pipe-max-size, and whether this process may go beyond it.
package dev.ipc.pipe;

import dev.ipc.procfs.ProcFile;
import dev.ipc.procfs.ProcessStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

record PipeLimits(OptionalLong maxSize, boolean canExceed) {
    static PipeLimits read() {
        OptionalLong max;
        try {
            max = OptionalLong.of(Long.parseLong(ProcFile.readText(Path.of("/proc/sys/fs/pipe-max-size")).trim()));
        } catch (IOException | NumberFormatException e) {
            max = OptionalLong.empty();
        }
        return new PipeLimits(max, ProcessStatus.hasCapability(ProcessStatus.CAP_SYS_RESOURCE));
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
