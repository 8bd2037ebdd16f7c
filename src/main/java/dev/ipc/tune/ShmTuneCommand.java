// ipc shm tune: shows or changes SHMMAX, SHMALL and SHMMNI (kernel.shmmax, kernel.shmall, kernel.shmmni).
package dev.ipc.tune;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tune",
        description = {"Show or change the kernel's shared memory limits: /proc/sys/kernel/shmmax, shmall and "
                + "shmmni.", TuneHelp.DESCRIPTION},
        footer = {"",
                "SHMMAX is in bytes and SHMALL in pages; both take 0..18446744073709551615.",
                "Sizes may carry a suffix as util-linux reads them: K, M, G, T, P, E or KiB,",
                "MiB... are powers of 1024, KB, MB... powers of 1000. SHMALL with a suffix",
                "(32G, 4096B) is bytes, turned into pages of this machine's page size; without",
                "one it is pages. SHMMNI takes 0..32768 (16777216 when the kernel is booted",
                "with ipcmni_extend).",
                "",
                "Examples:",
                "  ipc shm tune                             the limits, their meaning and use",
                "  ipc shm tune --shmmni 8192 --persist     more segments, now and at boot",
                "  ipc shm tune --shmmax 16G --dry-run      what capping segments at 16 GiB does",
                "  ipc shm tune --preset oracle             what Oracle asks for on this machine",
                "",
                TuneHelp.PRESETS,
                "  oracle      SHMMAX = RAM / 2, SHMALL = SHMMAX in pages, SHMMNI 4096. Oracle",
                "              Database 23ai Installation Guide for Linux, Minimum Parameter",
                "              Settings for Installation.",
                "  db2         SHMMAX = RAM, SHMALL = 2 x RAM in pages, SHMMNI = 256 x GB of",
                "              RAM (at most 32768). IBM Db2 11.5 documentation, Kernel",
                "              parameter requirements (Linux).",
                "  postgresql  asks nothing above the kernel's defaults (it needs one small",
                "              segment).",
                TuneHelp.COMMON})
public final class ShmTuneCommand extends TuneCommand {
    @Option(names = "--shmmax", paramLabel = "SIZE", order = 1, description = "Bytes in one segment (16G).")
    String shmmax;

    @Option(names = "--shmall", paramLabel = "PAGES|SIZE", order = 2,
            description = "All segments together: pages, or bytes with a suffix (32G).")
    String shmall;

    @Option(names = "--shmmni", paramLabel = "N", order = 3, description = "Shared memory segments.")
    String shmmni;

    public ShmTuneCommand() {
        super(LimitGroup.SHM);
    }

    @Override
    String[] named() {
        return new String[] {shmmax, shmall, shmmni};
    }
}
