// Every listing stays whole while other processes create and remove IPC objects of every kind at full speed.
package dev.ipc.safety;

import dev.ipc.support.CPrograms;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChurnTest {
    private static final int CHURNERS = 3;
    private static final long CHURN_SECONDS = 8;

    /** Each listing the test runs, with what makes its output whole. */
    private static final Map<String, ListingCheck> LISTINGS = new LinkedHashMap<>();

    static {
        for (String line : List.of("ls", "ls -a", "ls -q", "ls -m", "ls -s", "ls -t", "ls -p", "ls -c", "ls -b",
                "ls --human", "ls -m -t", "ls -s -c", "ls --orphans", "ls -m -p --orphans")) {
            LISTINGS.put(line, ListingCheck::ipcsTables);
        }
        LISTINGS.put("ls -l", ListingCheck::numbersNotNegative);
        LISTINGS.put("ls -u", ListingCheck::numbersNotNegative);
        for (String line : List.of("ls --json", "ls -g --json", "ls --posix --json", "ls --orphans --json",
                "ls -m -t -c -p --json", "ls -Q --json", "ls -S -t --json")) {
            LISTINGS.put(line, ListingCheck::json);
        }
        for (String line : List.of("ls --raw", "ls -g --raw", "ls --posix --raw", "ls -s -c --raw",
                "ls -m -o +CUSER,COMMAND --raw", "ls --raw --orphans")) {
            LISTINGS.put(line, ListingCheck::raw);
        }
        for (String line : List.of("ls --export", "ls --posix --export", "ls -g --export")) {
            LISTINGS.put(line, ListingCheck::export);
        }
        for (String line : List.of("ls -g", "ls --posix", "ls -M -t", "ls -Q", "ls -S",
                "ls -q -u -g")) {
            LISTINGS.put(line, ListingCheck::table);
        }
        LISTINGS.put("rm --all --orphans --dry-run", ListingCheck::anything); // may note what went meanwhile
    }

    private static int failed;

    @Test
    void every_listing_exits_0_with_whole_output_while_three_processes_churn_objects() throws Exception {
        Isolation.requirePrivateIpcNamespace();
        Path churn = CPrograms.build("churn");
        List<Process> churners = new ArrayList<>();
        List<String> said = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>(); // what failed, and the first run that showed it
        int runs = 0;
        try {
            for (int i = 0; i < CHURNERS - 1; i++) {
                churners.add(start(churn, "0"));
            }
            // The third lives a moment and leaves its System V objects behind: orphans whose pids are dead.
            Process shortLived = start(churn, "0.2", "leave");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHURN_SECONDS);
            for (int round = 0; System.nanoTime() < deadline; round++) {
                if (!shortLived.isAlive()) {
                    said.add(output(shortLived));
                    shortLived = start(churn, "0.2", "leave");
                }
                // Every other round without /proc/sysvipc: the kernel's own calls, by index, as the fallback.
                String source = round % 2 == 0 ? "" : " (native)";
                if (round % 2 == 1) {
                    System.setProperty("ipc.proc.sysvipc", "/nonexistent/sysvipc");
                }
                try {
                    for (Map.Entry<String, ListingCheck> listing : LISTINGS.entrySet()) {
                        runs++;
                        check(listing.getKey(), source, listing.getValue(), failures);
                    }
                    for (String details : detailLines()) {
                        runs++;
                        check(details, source, details.endsWith("--json") ? ListingCheck::json
                                : ListingCheck::anything, failures);
                    }
                } finally {
                    System.clearProperty("ipc.proc.sysvipc");
                }
            }
            churners.add(shortLived);
        } finally {
            for (Process churner : churners) {
                churner.toHandle().destroy(); // SIGTERM, which leaves its output to read; it removes what it holds
            }
        }
        for (Process churner : churners) {
            assertTrue(churner.waitFor(30, TimeUnit.SECONDS), "a churner did not stop");
            said.add(output(churner));
        }
        Kernel.removeAll(); // what the short-lived ones left
        for (String each : said) {
            assertTrue(each.matches("churned [1-9][0-9]*"), "a churner made too little to race with: " + each);
        }
        String summary = failed + " of " + runs;
        assertEquals(List.of(), List.copyOf(failures.keySet()), () -> summary
                + " listings failed; each kind first showed as:\n" + String.join("\n\n", failures.values()));
    }

    private static Process start(Path churn, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(churn.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process churner) throws IOException {
        return new String(churner.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static void check(String line, String source, ListingCheck check, Map<String, String> failures) {
        CommandResult result = Ipc.run(line.split(" "));
        String problem = ListingCheck.problem(line, result, check);
        if (problem != null) {
            failed++;
            failures.putIfAbsent(line.replaceAll("-i [0-9]+", "-i ID") + source + ": " + problem.split(":")[0],
                    problem + "\n" + result);
        }
    }

    /** -i of an object that exists now and may be gone by the time ls reads it. */
    private static List<String> detailLines() throws IOException {
        List<String> lines = new ArrayList<>();
        Path sysvipc = Path.of("/proc/sysvipc");
        for (String[] kind : new String[][] {{"msg", "-q"}, {"shm", "-m"}, {"sem", "-s"}}) {
            lines.add("ls " + kind[1] + " -i " + lastId(sysvipc.resolve(kind[0])));
        }
        lines.add("ls -s -i " + lastId(sysvipc.resolve("sem")) + " --json");
        return lines;
    }

    /** The id on the table's last line in /proc/sysvipc, or 0 when it is empty. */
    private static String lastId(Path table) throws IOException {
        List<String> rows = Files.readAllLines(table);
        return rows.size() > 1 ? rows.get(rows.size() - 1).trim().split("\\s+")[1] : "0";
    }
}
