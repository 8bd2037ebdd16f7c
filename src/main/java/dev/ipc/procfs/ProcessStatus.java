// This process's capabilities and signal dispositions, from the bit masks in /proc/self/status.
package dev.ipc.procfs;

import java.io.IOException;
import java.nio.file.Path;

public final class ProcessStatus {
    public static final int CAP_SYS_RESOURCE = 24;

    private ProcessStatus() {
    }

    /** From CapEff: root in a container often lacks CAP_SYS_RESOURCE, for one. */
    public static boolean hasCapability(int capability) {
        return maskHas("CapEff:", capability);
    }

    /** SigCgt: a handler is installed for the signal. */
    public static boolean catches(int signal) {
        return maskHas("SigCgt:", signal - 1);
    }

    /** SigIgn: the signal is ignored (SIG_IGN), which execve keeps. */
    public static boolean ignores(int signal) {
        return maskHas("SigIgn:", signal - 1);
    }

    private static boolean maskHas(String field, int bit) {
        try {
            for (String line : ProcFile.readText(Path.of("/proc/self/status")).split("\n")) {
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
}
