// What tune needs to know of the running system besides the limits: page size, IPCMNI, IPC namespace, memory.
package dev.ipc.tune;

import dev.ipc.procfs.IpcNamespace;
import dev.ipc.procfs.ProcFile;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.libc.PageSize;

import java.io.IOException;

/**
 * Everything here is read through SystemPaths, so that a test can point it at a copy.
 *
 * @param ipcmni IPCMNI of the running kernel: Limit.IPCMNI_EXTENDED when it was booted with ipcmni_extend
 */
record Machine(SystemPaths paths, long pageSize, long ipcmni, IpcNamespace namespace) {
    static Machine read(SystemPaths paths) {
        return new Machine(paths, PageSize.get(), ipcmni(paths), IpcNamespace.read(paths.ipcNamespace()));
    }

    /** MemTotal of /proc/meminfo, in bytes: read only for the presets that size limits from memory. */
    long memTotal() throws IOException {
        for (String line : ProcFile.readText(paths.meminfo()).split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] fields = line.substring("MemTotal:".length()).trim().split("\\s+");
                return Long.parseLong(fields[0]) * 1024;
            }
        }
        throw new IOException(paths.meminfo() + ": no MemTotal line; give --ram SIZE");
    }

    private static long ipcmni(SystemPaths paths) {
        try {
            for (String word : ProcFile.readText(paths.cmdline()).split(" ")) {
                if (word.equals("ipcmni_extend")) {
                    return Limit.IPCMNI_EXTENDED;
                }
            }
        } catch (IOException e) {
            // no /proc/cmdline: the default
        }
        return Limit.IPCMNI;
    }
}
