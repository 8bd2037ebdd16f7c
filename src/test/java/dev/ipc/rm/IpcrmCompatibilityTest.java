// ipc rm against util-linux ipcrm 2.38 on the same objects: same output, messages, exit code and survivors.
package dev.ipc.rm;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.support.Arguments;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.TestObjects;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.support.Unprivileged;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcrmCompatibilityTest {
    private static final Pattern ID = Pattern.compile("(?<=[(`])-?\\d+(?=[)'])");
    private static final String TRY = "Try 'ipcrm --help' for more information.";

    @RegisterExtension
    final TestObjects objects = new TestObjects("ipcrm");

    /** What a tool said and left behind, with the kernel's ids (which differ between runs) as placeholders. */
    record Run(int exitCode, String out, String err, List<String> survivors) {
    }

    /**
     * Two of each kind with known keys. Ids are handed out anew by the kernel each time, so command lines name
     * objects as {q0}, {m1}, {s0} ... and outputs show them so.
     */
    static Map<String, Integer> populate(int queueMode, int segmentMode, int semaphoreMode) {
        Kernel.removeAll();
        Map<String, Integer> ids = new LinkedHashMap<>();
        ids.put("q0", Kernel.createQueue(0x1234, queueMode));
        ids.put("q1", Kernel.createQueue(0x1235, 0600));
        ids.put("m0", Kernel.createSegment(0x2234, 4096, segmentMode));
        ids.put("m1", Kernel.createSegment(0x2235, 10, 0600));
        ids.put("s0", Kernel.createSemaphores(0x3234, 2, semaphoreMode));
        ids.put("s1", Kernel.createSemaphores(0x3235, 1, 0600));
        return ids;
    }

    static Map<String, Integer> populate() {
        return populate(0644, 0644, 0644);
    }

    @ParameterizedTest(name = "ipc rm {0}")
    @ValueSource(strings = {"-q {q0}", "-m {m0}", "-s {s0}", "-Q 0x1234", "-M 0x2234", "-S 0x3234", "-Q 4660",
            "-Q 011064", "-M 8756", "--queue-id {q0}", "--shmem-id={m0}", "--semaphore-id {s1}",
            "--queue-key 0x1235", "--shmem-key=0x2235", "--semaphore-key 0x3235", "-q{q1}",
            "-q 99999", "-m 99999", "-s 99999", "-q -5", "-q +{q0}", "-Q 0x9999", "-M 0x9999", "-S 0x9999",
            "-Q -1", "-v -q {q0} -m {m0} -s {s0}", "-v -Q 0x1234 -M 0x2234 -S 0x3234",
            "-q {q0} -q {q0}", "-v -q 99999 -q {q0} -m 99998 -Q 0x1235 -S 0x9999",
            "-a", "-ashm", "-amsg", "-asem", "--all=shm", "--all=msg", "--all=sem", "-v -a", "-va", "-q {q0} -a",
            "-v --all=sem -s {s0}", "-a -a", "shm {m0} {m1}", "msg {q0}", "sem {s0} {s1}", "msg 99999",
            "msg {q0} 99999", "msg -5", "sem 4294967295",
            // refused before anything is removed, by both
            "-q abc", "-q 0x0", "-q ''", "-q 99999999999", "-q 2147483648", "-Q zz", "-Q 0x12g",
            "-Q 99999999999999999999999", "-Q 0", "-Q 0x0", "-Q 00", "-afoo", "--all=pshmx",
            "msg", "foo 1", "-v shm {m0}", "-q"})
    void same_as_ipcrm(String template) {
        Map<String, Integer> ids = populate();
        Run theirs = ipcrm(ids, template);
        ids = populate();
        Run ours = ours(ids, template);
        if (template.equals("-q")) {
            // getopt's wording differs; the exit code and the survivors do not
            assertEquals(theirs.exitCode(), ours.exitCode());
            assertEquals(theirs.survivors(), ours.survivors());
            assertEquals("ipc: Missing required parameter for option '--queue-id' (ID) (see 'ipc rm --help')\n",
                    ours.err());
            return;
        }
        if (!theirs.equals(ours) && template.matches("(.* )?(-a|--all)( .*)?") && theirs.exitCode() == ours.exitCode()
                && theirs.err().equals(ours.err()) && theirs.survivors().equals(ours.survivors())) {
            // -a removes in the kernel's index order (MSG_STAT 0..maxid, as ipcrm), and the index the kernel
            // gives the second population need not follow the first's: the same lines, each in its own index order
            assertEquals(sortedLines(theirs.out()), sortedLines(ours.out()), () -> "ipc rm " + template);
            assertEquals(byIndex(ours.out(), ids), ours.out(), () -> "ipc rm " + template + ": not in index order");
            return;
        }
        assertEquals(theirs, ours, () -> "ipc rm " + template);
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    /** The removal lines of each kind reordered by the index of their object's id (id modulo 32768). */
    private static String byIndex(String out, Map<String, Integer> ids) {
        List<String> lines = new ArrayList<>(out.lines().toList());
        Function<String, Integer> index = line -> {
            Matcher placeholder = Pattern.compile("\\{([qms][0-9]+)}").matcher(line);
            return placeholder.find() && ids.containsKey(placeholder.group(1)) ? ids.get(placeholder.group(1)) & 0x7fff
                    : -1;
        };
        List<String> sorted = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || !kindOf(lines.get(i)).equals(kindOf(lines.get(start)))) {
                List<String> block = new ArrayList<>(lines.subList(start, i));
                block.sort(java.util.Comparator.comparing(index));
                sorted.addAll(block);
                start = i;
            }
        }
        return sorted.stream().map(line -> line + "\n").reduce("", String::concat);
    }

    private static String kindOf(String line) {
        int id = line.indexOf(" id ");
        return id < 0 ? line : line.substring(0, id);
    }

    /**
     * ipcrm keeps a key's low 32 bits, so 0x1ffffffff names key 0xffffffff and 0x100000000 IPC_PRIVATE; ipc rm
     * refuses what is no key, with the same exit code.
     */
    @ParameterizedTest(name = "ipc rm {0}")
    @ValueSource(strings = {"-Q 0x1ffffffff", "-M 0x100000000", "-S 4294967297"})
    void keys_wider_than_32_bits_are_refused_where_ipcrm_cuts_them(String template) {
        Run theirs = ipcrm(populate(), template);
        Run ours = ours(populate(), template);
        assertEquals(new Run(1, "", "ipc: failed to parse argument: '" + template.substring(3) + "': a key is 32 bits "
                + "(0 to 0xffffffff, or -2147483648 to -1)\n", theirs.survivors()), ours);
        assertEquals(1, theirs.exitCode(), theirs::toString);
    }

    /** ipcrm 2.38 reads "-a shm" as "remove everything", then fails on "shm"; ipc rm reads it as --all=shm. */
    @Test
    void all_with_a_space_before_the_kind_removes_that_kind_only() {
        Run theirs = ipcrm(populate(), "-a shm");
        assertEquals(new Run(1, "", "ipc: unknown argument: shm (see 'ipc rm --help')\n", List.of()), theirs);
        Run ours = ours(populate(), "-a shm");
        assertEquals(new Run(0, "", "", List.of("msg 0x00001234", "msg 0x00001235", "sem 0x00003234",
                "sem 0x00003235")), ours);
    }

    /** ipcrm removes what comes before a bad argument; ipc rm removes nothing and says the same. */
    @ParameterizedTest(name = "ipc rm {0}")
    @ValueSource(strings = {"-q {q0} -q abc", "-m {m0} -M zz", "-q {q0} extra", "-s {s0} -Q 0", "-a foo",
            "shm {m0} abc", "-q {q0} -x"})
    void a_mistake_anywhere_removes_nothing(String template) {
        Run theirs = ipcrm(populate(), template);
        Run ours = ours(populate(), template);
        assertEquals(1, theirs.exitCode());
        assertTrue(theirs.survivors().size() < 6, () -> "ipcrm removed something first: " + theirs);
        assertEquals(1, ours.exitCode());
        assertEquals(6, ours.survivors().size(), ours::toString);
        assertEquals("", ours.out());
        assertEquals(1, ours.err().lines().count(), ours::toString);
        if (!template.endsWith("-x")) {
            String message = ours.err().replace(" (see 'ipc rm --help')", "").strip();
            assertTrue(theirs.err().replace(" (see 'ipc rm --help')", "").contains(message),
                    () -> "the same message as ipcrm's:\n" + theirs + "\n" + ours);
        }
    }

    @Test
    void no_arguments_is_bad_usage_as_in_util_linux_2_41() {
        Run theirs = ipcrm(populate(), "");
        assertEquals(0, theirs.exitCode(), "2.38 exits 0 silently");
        Run ours = ours(populate(), "");
        assertEquals(new Run(1, "", "ipc: bad usage (see 'ipc rm --help')\n", theirs.survivors()), ours);
    }

    @Test
    void all_with_an_equals_sign_after_the_short_option_is_read_as_in_2_41() {
        Run theirs = ipcrm(populate(), "-a=sem");
        assertEquals("ipc: unknown argument: =sem\n", theirs.err());
        Run ours = ours(populate(), "-a=sem");
        assertEquals(0, ours.exitCode(), ours::toString);
        assertEquals(List.of("msg 0x00001234", "msg 0x00001235", "shm 0x00002234", "shm 0x00002235"),
                ours.survivors());
    }

    /** A segment still attached is marked for destruction, keeps its id and loses its key, as in ipcrm. */
    @Test
    void an_attached_segment_stays_listed_as_dest_with_key_0() {
        for (boolean useIpcrm : new boolean[] {true, false}) {
            Map<String, Integer> ids = populate();
            int segment = ids.get("m0");
            long address = Kernel.attach(segment);
            try {
                Run first = useIpcrm ? ipcrm(ids, "-m {m0}") : ours(ids, "-m {m0}");
                assertEquals(0, first.exitCode(), first::toString);
                // ipc removes it as ipcrm does, and says who is attached
                String users = useIpcrm ? "" : "ipc: shared memory segment " + segment + " was in use: "
                        + ProcessHandle.current().pid() + " attached\n";
                assertEquals(users, first.err());
                SharedMemorySegment dest = SystemVCalls.sharedMemorySegment(segment).orElseThrow();
                assertEquals(0, dest.key());
                assertTrue(dest.markedForDestruction());
                CommandResult listing = Ipc.run("ls", "-m");
                assertTrue(listing.out().contains(String.format("0x00000000 %-10d root       644        4096"
                        + "       1          dest         ", segment)), listing::toString);
                Run again = useIpcrm ? ipcrm(ids, "-m {m0}") : ours(ids, "-m {m0}");
                assertEquals(new Run(0, "", users, first.survivors()), again);
                Run byKey = useIpcrm ? ipcrm(ids, "-M 0x2234") : ours(ids, "-M 0x2234");
                assertEquals(new Run(1, "", "ipc: invalid key (0x2234)\n", first.survivors()), byKey);
            } finally {
                Kernel.detach(address);
            }
            assertTrue(SystemVCalls.sharedMemorySegment(segment).isEmpty(), "gone with the last detach");
        }
    }

    // ---- as an unprivileged user ----

    /**
     * nobody may not remove root's objects: by id, by key (ipcrm then prints the id, not the key), and with -a,
     * where ipcrm reports the objects nobody may read and silently passes over the others.
     */
    @ParameterizedTest(name = "ipc rm {0}, as nobody")
    @ValueSource(strings = {"-q {q0}", "-q {q1}", "-Q 0x1234", "-Q 0x1235", "-m {m0} -s {s0} -s {s1}", "-a",
            "--all=msg", "-M 0x2235", "msg {q0} {q1}", "-q 99999"})
    void permission_denied_as_ipcrm_says_it(String template) {
        requireUnprivileged();
        Map<String, Integer> ids = populate(0666, 0644, 0604);
        Run theirs = run(ids, template, args -> Processes.run(Unprivileged.command(command("ipcrm", args))), true);
        ids = populate(0666, 0644, 0604);
        Run ours = run(ids, template, args -> Processes.run(Unprivileged.ipc(Arguments.prepend("rm", args))), false);
        assertEquals(theirs, ours, () -> "ipc rm " + template);
        assertEquals(1, ours.exitCode());
        assertEquals(6, ours.survivors().size());
    }

    @ParameterizedTest(name = "ipc rm --dry-run {0}, as nobody")
    @ValueSource(strings = {"-q {q0}", "-Q 0x1235", "-a", "-m 99999", "msg {q0}"})
    void a_dry_run_foresees_the_same_refusals(String template) {
        requireUnprivileged();
        Map<String, Integer> ids = populate(0666, 0644, 0604);
        Run dry = run(ids, "--dry-run " + template,
                args -> Processes.run(Unprivileged.ipc(Arguments.prepend("rm", args))), false);
        assertEquals(6, dry.survivors().size());
        Run real = run(ids, "-v " + template.replace("msg ", "-q "),
                args -> Processes.run(Unprivileged.ipc(Arguments.prepend("rm", args))), false);
        assertEquals(real.err(), dry.err());
        assertEquals(real.exitCode(), dry.exitCode());
        assertEquals(real.out().replace("removing", "would remove"), dry.out());
    }

    static void requireUnprivileged() {
        String reason = Unprivileged.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
    }

    // ---- running both ----

    private static Run ipcrm(Map<String, Integer> ids, String template) {
        return run(ids, template, args -> Processes.run(command("ipcrm", args)), true);
    }

    private static Run ours(Map<String, Integer> ids, String template) {
        return run(ids, template, args -> Ipc.run(Arguments.prepend("rm", args)), false);
    }

    private static Run run(Map<String, Integer> ids, String template, Function<String[], CommandResult> tool,
                           boolean ipcrm) {
        String line = template;
        for (Map.Entry<String, Integer> id : ids.entrySet()) {
            line = line.replace("{" + id.getKey() + "}", Integer.toString(id.getValue()));
        }
        CommandResult result = tool.apply(Arguments.split(line));
        String err = result.err();
        if (ipcrm) {
            // ipcrm's usage errors add a second line; ipc says the same in one, pointing at ipc rm --help
            err = err.replace("ipcrm: ", "ipc: ").replace("\n" + TRY, " (see 'ipc rm --help')");
        }
        return new Run(result.exitCode(), placeholders(result.out(), ids), placeholders(err, ids), survivors());
    }

    /** Each id the kernel gave becomes its {name} again, in "(12)" and "`12'". */
    private static String placeholders(String text, Map<String, Integer> ids) {
        Matcher matcher = ID.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group();
            for (Map.Entry<String, Integer> id : ids.entrySet()) {
                if (Integer.toString(id.getValue()).equals(matcher.group())) {
                    replacement = "{" + id.getKey() + "}";
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The objects left, by kind and key. */
    static List<String> survivors() {
        List<String> objects = new ArrayList<>();
        for (MessageQueue queue : SystemVCalls.messageQueues()) {
            objects.add(String.format("msg 0x%08x", queue.key()));
        }
        for (SharedMemorySegment segment : SystemVCalls.sharedMemorySegments()) {
            objects.add(String.format("shm 0x%08x", segment.key()));
        }
        for (SemaphoreSet set : SystemVCalls.semaphoreSets()) {
            objects.add(String.format("sem 0x%08x", set.key()));
        }
        objects.sort(null);
        return objects;
    }

    static List<String> command(String first, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }
}
