// ipc sem tune: shows or changes SEMMSL, SEMMNS, SEMOPM and SEMMNI (kernel.sem).
package dev.ipc.tune;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tune",
        description = {"Show or change the kernel's semaphore limits, the four numbers of /proc/sys/kernel/sem.",
                TuneHelp.DESCRIPTION},
        footer = {"",
                "SEMMSL, SEMMNS and SEMOPM take 1..2147483647 (the kernel takes negative values",
                "too, after which every semget fails); SEMMNI takes 0..32768 (16777216 when the",
                "kernel is booted with ipcmni_extend).",
                "",
                "Examples:",
                "  ipc sem tune                           the limits, their meaning and use",
                "  ipc sem tune --semmni 32768 --persist  raise SEMMNI now and for the next boot",
                "  ipc sem tune 250 32000 100 128 --dry-run  what these values would change",
                "  ipc sem tune --preset postgresql --connections 500 --apply",
                "",
                TuneHelp.PRESETS,
                "  postgresql  SEMMNI = ceil((N + 28) / 16), SEMMNS = 17 x SEMMNI, SEMMSL = 17,",
                "              for --connections N (max_connections) and PostgreSQL's defaults",
                "              autovacuum_max_workers 3, max_wal_senders 10 and",
                "              max_worker_processes 8.",
                "              PostgreSQL 16 documentation, 19.4.1 Shared Memory and Semaphores.",
                "              (Only builds with System V semaphores need them; Linux builds use",
                "              POSIX semaphores by default.)",
                "  oracle      250 32000 100 128. Oracle Database 23ai Installation Guide for",
                "              Linux, Minimum Parameter Settings for Installation.",
                "  db2         SEMMSL 250, SEMMNS = max(SEMMNI, 256000), SEMOPM 32,",
                "              SEMMNI = 256 x GB of RAM (at most 32768). IBM Db2 11.5",
                "              documentation, Kernel parameter requirements (Linux).",
                TuneHelp.COMMON})
public final class SemTuneCommand extends TuneCommand {
    @Option(names = "--semmsl", paramLabel = "N", order = 1, description = "Semaphores in one set.")
    String semmsl;

    @Option(names = "--semmns", paramLabel = "N", order = 2, description = "Semaphores in all sets together.")
    String semmns;

    @Option(names = "--semopm", paramLabel = "N", order = 3, description = "Operations in one semop call.")
    String semopm;

    @Option(names = "--semmni", paramLabel = "N", order = 4, description = "Semaphore sets.")
    String semmni;

    public SemTuneCommand() {
        super(LimitGroup.SEM);
    }

    @Override
    String[] named() {
        return new String[] {semmsl, semmns, semopm, semmni};
    }
}
