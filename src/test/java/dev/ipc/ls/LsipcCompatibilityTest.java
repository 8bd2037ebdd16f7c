// ipc ls in lsipc's conventions against util-linux lsipc 2.38 on the same real objects: every option combination
// lsipc takes, byte for byte on stdout, the same stderr text and exit code; deliberate differences are skipped by name.
package dev.ipc.ls;

import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.support.Await;
import dev.ipc.support.CPrograms;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LsipcCompatibilityTest {
    /** Options only lsipc has: any of them makes ipc ls speak lsipc (-l alone is ipcs's --limits). */
    private static final Set<String> LSIPC_ONLY = Set.of("-g", "-r", "-e", "-n", "--list", "--noheadings", "-o",
            "-P", "-y", "--notruncate", "-J") ;
    private static final List<Process> holders = new ArrayList<>();
    private static int queue;
    private static int segment;
    private static int semaphores;

    /** Queues with messages and unknown owners, a segment a child attaches, one marked for destruction, sets. */
    @BeforeAll
    static void createObjects() throws IOException {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Processes.onPath("lsipc"), "util-linux lsipc is not installed");
        Kernel.removeAll();
        queue = Kernel.createQueue(0x1234, 0660);
        Kernel.send(queue, 1, "hello");
        Kernel.send(queue, 2, "0123456789");
        int foreign = Kernel.createQueue(0, 0600);
        Kernel.setQueueOwner(foreign, 4242, 4343, 0600); // no such user or group: OWNER 4242, USER empty
        Kernel.createQueue(0x80000001, 0);

        segment = Kernel.createSegment(0xabcdef01, 65536, 0666);
        holders.add(hold("attach2", Integer.toString(segment))); // NATTCH 2, LPID the child's
        int doomed = Kernel.createSegment(0x4321, 4096, 0400);
        holders.add(hold("attach2", Integer.toString(doomed)));
        Kernel.removeSegment(doomed); // still attached: dest, key 0
        // Sizes in whole pages: lsipc's SHMALL use is their sum over the page size, the kernel's (ours) in pages.
        Kernel.createSegment(0x5555, 12345679872L, 0600);
        int strangers = Kernel.createSegment(0x7777, 8192, 0640);
        Kernel.setSegmentOwner(strangers, 5000, 5001, 0640);
        holders.add(creator());

        // Sets of one size: lsipc 2.38 counts SEMMNS use as sets times the first set's size.
        semaphores = Kernel.createSemaphores(1234, 3, 0644);
        Kernel.setValue(semaphores, 1, 5);
        Kernel.semop(semaphores, 2, 2); // OTIME, and this JVM as the last pid
        Kernel.createSemaphores(0, 3, 0600);
        holders.add(hold("semop", Integer.toString(semaphores), "0", "-1")); // NCOUNT 1 on semaphore 0
        Await.until(() -> SemaphoreCalls.waitingForIncrease(semaphores, 0) == 1, "semop sleeps");
    }

    private static Process hold(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(CPrograms.build("holders").toString()));
        command.addAll(List.of(args));
        return started(command);
    }

    /** Starts the command and waits for its "ready". */
    private static Process started(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        assertEquals("ready", out.readLine(), String.join(" ", command));
        return process;
    }

    /**
     * A live creator whose command line has a blank, sh's specials and a non-ASCII letter: COMMAND as the table,
     * --raw and --export escape it (its bytes made by printf, as the test JVM's C locale could not pass them).
     */
    private static Process creator() throws IOException {
        String script = "use IPC::SysV qw(IPC_CREAT); defined(shmget(0x2222, 4096, IPC_CREAT | 0644)) or die; "
                + "$| = 1; print \"ready\\n\"; sleep 3600;";
        return started(List.of("sh", "-c", "exec perl -e \"$1\" \"$(printf 'a\"b$c`d\\\\e f')\" "
                + "\"$(printf '\\303\\274')\"", "sh", script));
    }

    /** What to list: each kind, the limits with and without one, and one object of each kind. */
    private static List<String> kinds() {
        return List.of("-q", "-m", "-s", "-g", "-g -q", "-g -m", "-g -s", "-q -i QUEUE", "-m -i SEGMENT",
                "-s -i SET");
    }

    /** lsipc's forms of output (-J is compared apart: its values are ipc's own JSON). */
    private static final List<String> FORMS = List.of("", "-r", "-e", "-n", "--list", "--noheadings",
            "-r --noheadings", "--noheadings -l", "-e -y", "-r -y");

    /** Columns: lsipc's -c, -t and -o are exclusive with each other. */
    private static List<String> columnChoices(String kind) {
        List<String> choices = new ArrayList<>(List.of("", "-c", "-t"));
        if (kind.startsWith("-g")) {
            choices.addAll(List.of("-o RESOURCE,LIMIT,USE%", "-o +USED,RESOURCE"));
        } else {
            choices.addAll(List.of("-o ID,OWNER,PERMS,KEY", "-o +CUSER,CGROUP,USER,GROUP,CTIME"));
        }
        return choices;
    }

    private static final List<String> MODIFIERS = List.of("", "-b", "-P", "--time-format=iso",
            "--time-format=full", "--time-format=short", "--notruncate", "-b -P");

    /** Every kind with every form and column choice (modifiers in turn), and every kind with every modifier. */
    static Stream<String> combinations() {
        Set<String> all = new LinkedHashSet<>();
        int turn = 0;
        for (String kind : kinds()) {
            for (String form : FORMS) {
                for (String columns : columnChoices(kind)) {
                    all.add(join(kind, form, columns, MODIFIERS.get(turn++ % MODIFIERS.size())));
                }
            }
            for (String modifier : MODIFIERS) {
                all.add(join(kind, modifier));
                all.add(join(kind, "-r", modifier));
            }
        }
        return all.stream();
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "ipc ls {0}")
    @MethodSource("combinations")
    void every_option_combination_prints_what_lsipc_prints(String combination) {
        List<String> args = arguments(combination);
        skipDeliberateDifferences(args);
        if (args.stream().noneMatch(LSIPC_ONLY::contains)) {
            args.add("--notruncate"); // only options ipcs has too: ipc would speak ipcs; this one changes nothing
        }
        CommandResult theirs = lsipc(args);
        CommandResult ours = Ipc.run(prepend("ls", args));
        String expected = theirs.out();
        assertEquals(false, expected.isEmpty(), () -> "lsipc printed nothing: " + theirs);
        String actual = withoutPosixLimits(ours.out(), args);
        assertEquals(expected, actual, () -> "ipc ls " + String.join(" ", args) + "\n--- lsipc:\n" + expected
                + "--- ipc:\n" + ours.out() + "--- ipc stderr:\n" + ours.err());
        assertEquals(theirs.err().replace("lsipc: ", "ipc: "), ours.err(), "stderr");
        assertEquals(theirs.exitCode(), ours.exitCode(), "exit code");
    }

    /** The ids of the fixture, and the combination as arguments. */
    private static List<String> arguments(String combination) {
        String line = combination.replace("QUEUE", Integer.toString(queue))
                .replace("SEGMENT", Integer.toString(segment)).replace("SET", Integer.toString(semaphores));
        return new ArrayList<>(Arrays.asList(line.split(" ")));
    }

    /** Where ipc differs from lsipc 2.38 on purpose (README, "ipc ls and lsipc 2.38"), the combination is skipped. */
    private static void skipDeliberateDifferences(List<String> args) {
        boolean limits = args.contains("-g");
        boolean kind = args.contains("-q") || args.contains("-m") || args.contains("-s");
        Assumptions.assumeFalse(limits && !kind && (args.contains("-c") || args.contains("-t")),
                "lsipc refuses -c and -t with the limits alone; ipc shows the limits");
        Assumptions.assumeFalse(args.contains("-q") && args.contains("-P") && !args.contains("-g"),
                "lsipc 2.38 leaves a queue's PERMS empty with -P (fixed in util-linux master); ipc prints them");
    }

    /** JSON: lsipc's member and key names (values are ipc's own encoding, numbers as numbers). */
    @ParameterizedTest(name = "ipc ls {0} --json")
    @MethodSource("jsonCombinations")
    void json_has_lsipc_names(String combination) throws IOException {
        List<String> args = arguments(combination);
        args.add("--json");
        CommandResult theirs = lsipc(args);
        CommandResult ours = Ipc.run(prepend("ls", args));
        assertEquals(theirs.exitCode(), ours.exitCode(), ours::toString);
        assertEquals(names(theirs.out()), names(ours.out()),
                () -> "lsipc:\n" + theirs.out() + "\nipc:\n" + ours.out());
    }

    static Stream<String> jsonCombinations() {
        List<String> all = new ArrayList<>();
        for (String kind : kinds()) {
            for (String columns : columnChoices(kind)) {
                if (!(kind.equals("-g") && (columns.equals("-c") || columns.equals("-t")))) {
                    all.add(join(kind, columns));
                }
            }
        }
        return all.stream();
    }

    /**
     * Each member's name, then each object's keys; the elements and PROCS of one object are ipc's own, and so are
     * the POSIX limits and the vocabulary's key_number and mode.
     */
    private static String names(String json) throws IOException {
        StringBuilder names = new StringBuilder();
        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        document.fieldNames().forEachRemaining(member -> {
            names.append(member).append(':');
            for (var object : document.get(member)) {
                if (object.path("resource").asText().startsWith("MQU")) {
                    continue; // lsipc 2.38 has no POSIX limits
                }
                object.fieldNames().forEachRemaining(key -> {
                    // the JSON vocabulary's twins (docs/json/README.md) extend lsipc's names
                    if (!key.equals("elements") && !key.equals("procs") && !key.equals("key_number")
                            && !key.equals("mode")) {
                        names.append(key).append(',');
                    }
                });
                if (object.has("resource")) {
                    names.append(object.get("resource").asText()).append(',');
                }
                names.append(';');
            }
        });
        return names.toString();
    }

    /** The creator's command line with a blank, ", $, `, \\ and a non-ASCII letter, in each form of output. */
    @ParameterizedTest(name = "ipc ls -m {0} -o KEY,COMMAND")
    @MethodSource("forms")
    void a_command_line_is_escaped_as_lsipc_escapes_it(String form) {
        List<String> args = new ArrayList<>(arguments(join("-m", form, "-o KEY,COMMAND")));
        CommandResult theirs = lsipc(args);
        assertEquals(true, theirs.out().contains("\\xc3\\xbc"), theirs::toString); // LC_ALL=C
        assertEquals(theirs.out(), Ipc.run(prepend("ls", args)).out());
    }

    static Stream<String> forms() {
        return FORMS.stream();
    }

    /** An id that names nothing: one line on stderr, as lsipc says it, nothing on stdout, exit 0. */
    @ParameterizedTest(name = "ipc ls {0}")
    @MethodSource("missingIds")
    void an_id_that_names_nothing_is_reported_as_lsipc_reports_it(String combination) {
        if (combination.contains("-J")) { // JSON: the same line; the document is ipc's own
            List<String> args = arguments(combination);
            assertEquals(lsipc(args).err().replace("lsipc: ", "ipc: "), Ipc.run(prepend("ls", args)).err());
            return;
        }
        List<String> args = arguments(combination);
        CommandResult theirs = lsipc(args);
        CommandResult ours = Ipc.run(prepend("ls", args));
        assertEquals(new CommandResult(theirs.exitCode(), theirs.out(), theirs.err().replace("lsipc: ", "ipc: ")),
                ours);
    }

    static Stream<String> missingIds() {
        return Stream.of("-q -i 99 -r", "-m -i 99 --list", "-s -i 99 -e", "-q -i 99 --noheadings", "-s -i 77 -n",
                "-m -i 99 -P", "-q -i 99 -J");
    }

    /**
     * lsipc 2.38 counts the semaphores in use as the number of sets times the first set's size; ipc sums the sets'
     * sizes (as lsipc 2.41 does).
     */
    @Test
    void semaphores_in_use_are_the_sum_of_the_sets_sizes() {
        int odd = Kernel.createSemaphores(0x999, 5, 0600);
        try {
            String ours = Ipc.run("ls", "-g", "-s", "-r", "--noheadings", "-o", "RESOURCE,USED").out();
            String theirs = lsipc(List.of("-g", "-s", "-r", "--noheadings", "-o", "RESOURCE,USED")).out();
            assertEquals(true, ours.contains("SEMMNS 11\n"), ours);
            assertEquals(true, theirs.contains("SEMMNS 9\n"), theirs);
        } finally {
            Kernel.removeSemaphores(odd);
        }
    }

    /**
     * lsipc 2.38 has no POSIX queue limits (2.41 added the rows MQUMNI, MQUMAX, MQUMNB): ipc's rows are taken out
     * to compare the rest. Their descriptions are no wider than the System V ones, so no column is narrowed.
     */
    private static String withoutPosixLimits(String output, List<String> args) {
        if (!args.contains("-g") || args.contains("-q") || args.contains("-m") || args.contains("-s")) {
            return output;
        }
        List<String> lines = new ArrayList<>(output.lines().toList());
        if (args.contains("-n")) {
            String first = lines.get(0).substring(0, lines.get(0).indexOf('=') + 1);
            List<String> kept = new ArrayList<>();
            boolean posix = false;
            for (String line : lines) {
                if (line.startsWith(first)) {
                    posix = line.contains("\"MQU");
                }
                if (!posix) {
                    kept.add(line);
                }
            }
            lines = kept;
        } else {
            lines.removeIf(line -> line.matches("(.*[ \"])?MQU(MNI|MAX|MNB)([ \"].*)?"));
        }
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    private static CommandResult lsipc(List<String> args) {
        List<String> command = new ArrayList<>(List.of("lsipc"));
        command.addAll(args);
        return Processes.run(command);
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    @AfterAll
    static void removeObjects() throws InterruptedException {
        for (Process process : holders) {
            process.destroyForcibly();
            process.waitFor();
        }
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }
}
