// Plain lines of the object commands skip picocli: they must print and exit exactly as picocli's parsing does.
package dev.ipc;

import dev.ipc.cli.CommandGroup;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastPathTest {
    private static int queue;
    private static int set;
    private static int segment;

    @BeforeAll
    static void createObjects() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        queue = Kernel.createQueue(0x1234, 0640);
        segment = Kernel.createSegment(0x5555, 4096, 0600);
        set = Kernel.createSemaphores(0x77, 3, 0644);
    }

    @AfterAll
    static void removeObjects() {
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }

    /**
     * Each option a shape takes is one of its model's, with the same arity and default; an option it leaves to
     * picocli has no default, so that the command reads null or false for it on a plain line, as after picocli's
     * parse of the same line.
     */
    @Test
    void each_shape_agrees_with_its_model() {
        for (FastPath.Shape shape : FastPath.SHAPES) {
            String command = (shape.group() + " " + shape.name()).trim();
            // a shape without a name is a command of its own (mk), which reads the names of the shape itself
            boolean own = shape.name().isEmpty();
            Object created = CommandTree.create(shape.group());
            Object member = own ? created : CommandGroup.of(created).member(shape.name());
            CommandSpec spec = member instanceof CommandSpec built ? built : new CommandLine(member).getCommandSpec();
            Set<String> modelled = new TreeSet<>();
            for (OptionSpec option : spec.options()) {
                String known = null;
                for (String name : option.names()) {
                    if (shape.value(name) >= 0 || shape.flag(name) >= 0) {
                        assertNull(known, () -> command + ": the shape knows one name of " + option.longestName());
                        known = name;
                    }
                }
                String described = (known == null ? option.longestName() : known) + (option.arity().max() == 0
                        ? " flag" : " value " + option.arity() + " default " + option.defaultValue());
                if (known == null) {
                    assertNull(option.defaultValue(), () -> command + ": left to picocli, so without default: "
                            + described);
                    continue;
                }
                assertTrue(own || option.names().length == 1, () -> command + ": one name each, as the shape knows");
                modelled.add(described);
            }
            Set<String> shaped = new TreeSet<>();
            for (String value : shape.values()) {
                shaped.add(FastPath.Shape.name(value) + " value 1 default " + FastPath.Shape.defaultValue(value));
            }
            for (String flag : shape.flags()) {
                shaped.add(flag + " flag");
            }
            assertEquals(shaped, modelled, command);
            // fifo send's VERB and ARGUMENTs are one list on a plain line: their arities add up
            List<PositionalParamSpec> positionals = spec.positionalParameters();
            int min = 0;
            long max = 0;
            for (PositionalParamSpec positional : positionals) {
                min += positional.arity().min();
                max += positional.arity().max();
                assertNull(positional.defaultValue(), command);
            }
            assertEquals(min, shape.minPositionals(), command);
            assertTrue(shape.maxPositionals() <= max, command);
            assertTrue(positionals.size() <= 1 || command.equals("fifo send"), command);
        }
    }

    @Test
    void plain_lines_print_and_exit_as_through_picocli() {
        String q = Integer.toString(queue);
        String s = Integer.toString(set);
        String m = Integer.toString(segment);
        // each line runs twice, plain then through picocli: the pairs leave the same state for the next line
        String[][] lines = {
                {"sem", "op", "--id", s, "0:+1", "2:+3"}, {"sem", "get", "--id", s}, {"sem", "get", "--key", "0x77"},
                {"sem", "get", "--id=" + s, "--num", "2", "--json"}, {"sem", "get", "--id", "99999"},
                {"sem", "get", "--id", "abc"}, {"sem", "get", "--id", s, "--num", "7"}, {"sem", "get", "--key", "0"},
                {"sem", "op", "--id", s, "0:x"}, {"sem", "op", "--id", s, "5:+1"}, {"sem", "op", "--id", s,
                "--nowait", "1:-1"}, {"sem", "op", "--id", s, "--nowait", "--timeout", "1s", "0:-1"},
                {"sem", "op", "--key", "0x77", "--undo", "0:-1"},
                {"msg", "send", "--id", q, "hello"}, {"msg", "send", "--key", "0x1234", "--type", "3", "three"},
                {"msg", "recv", "--id", q, "--nowait"}, {"msg", "recv", "--id", q, "--type=3", "--json"},
                {"msg", "recv", "--id", q, "--nowait"}, {"msg", "send", "--id", q, "--type", "0", "x"},
                {"msg", "recv", "--id", q, "--all", "--raw"}, {"msg", "recv", "--id", q, "--except", "--nowait"},
                {"shm", "write", "--id", m, "hello"}, {"shm", "read", "--id", m, "--length", "16"},
                {"shm", "read", "--key", "0x5555", "--raw", "--length", "5"}, {"shm", "read", "--id", m,
                "--offset", "5000"}, {"shm", "write", "--id", m, "--offset=4095", "too long"},
                {"shm", "write", "--id", m, "--offset", "4K", "x"},
                {"sem", "tune"}, {"msg", "tune", "--json"}, {"shm", "tune"},
        };
        for (String[] line : lines) {
            assertNotNull(FastPath.parse(line), () -> "plain: " + Arrays.toString(line));
            CommandResult plain = Ipc.run(line);
            CommandResult picocli = Ipc.run(withColourNever(line));
            assertEquals(picocli.toString(), plain.toString(), () -> Arrays.toString(line));
        }
    }

    /**
     * mk's plain lines, each run plain then through picocli with what the first made removed in between: the same
     * output but for the new objects' ids, the same errors and exit codes.
     */
    @Test
    void mk_lines_make_and_refuse_as_through_picocli() {
        String[][] lines = {
                {"mk", "-Q"}, {"mk", "-M", "4K", "-p", "600"}, {"mk", "-S", "3", "--key", "0x4242"},
                {"mk", "-Q", "-M", "1", "-S", "2", "--key=0x4243", "-p", "0640", "--json"},
                {"mk", "-M", "bogus", "-p", "x"}, {"mk", "-p", "x", "-M", "bogus"}, {"mk", "-S", "0"},
                {"mk", "-Q", "--key", "0x1234"}, {"mk", "-Q", "--key", "nokey"}, {"mk", "-M", "1E"},
        };
        for (String[] line : lines) {
            assertNotNull(FastPath.parse(line), () -> "plain: " + Arrays.toString(line));
            CommandResult plain = Ipc.run(line);
            removeMade(plain);
            CommandResult picocli = Ipc.run(withColourNever(line));
            removeMade(picocli);
            assertEquals(withoutIds(picocli).toString(), withoutIds(plain).toString(), () -> Arrays.toString(line));
        }
        String[][] others = {
                {"mk"}, {"mk", "-p", "600"}, {"mk", "-QS", "2"}, {"mk", "--queue"}, {"mk", "-M4K"},
                {"mk", "-Q", "-Q"}, {"mk", "-Q", "--key-from", "/tmp"}, {"mk", "-Q", "--key", "-1"},
                {"mk", "-q", "-n", "x"}, {"mk", "-Q", "--exclusive"}, {"mk", "-Q", "extra"}, {"mk", "-Q", "--help"},
        };
        for (String[] line : new String[][] {{"fifo", "send", "ping"}, {"fifo", "send", "--dir", "/d", "--count",
                "3", "--timeout=1s", "--shared", "--diagram", "upper", "a", "b"}}) {
            assertNotNull(FastPath.parse(line), () -> "plain: " + Arrays.toString(line));
        }
        for (String[] line : new String[][] {{"fifo", "send"}, {"fifo", "send", "--count", "٣", "ping"},
                {"fifo", "send", "--count", "+3", "ping"}, {"fifo", "send", "--count", "99999999999999999999",
                "ping"}, {"fifo", "send", "--count", "", "ping"}, {"fifo", "send", "ping", "-x"}}) {
            assertNull(FastPath.parse(line), () -> "left to picocli: " + Arrays.toString(line));
        }
        for (String[] line : others) {
            assertNull(FastPath.parse(line), () -> "left to picocli: " + Arrays.toString(line));
        }
    }

    /** pipe-demo hello's plain lines: the same story, JSON, trace, errors and exit codes but for pids and times. */
    @Test
    void pipe_demo_hello_runs_as_through_picocli() {
        String[][] lines = {
                {"pipe-demo", "hello"}, {"pipe-demo", "hello", "--json"}, {"pipe-demo", "hello", "--trace"},
                {"pipe-demo", "hello", "--diagram", "--timeout", "10s"}, {"pipe-demo", "hello", "--no-close",
                "--wait=500ms"}, {"pipe-demo", "hello", "--timeout", "bogus"}, {"pipe-demo", "hello", "--json",
                "--diagram"}, {"pipe-demo", "hello", "--no-close", "--wait", "1x"},
        };
        for (String[] line : lines) {
            assertNotNull(FastPath.parse(line), () -> "plain: " + Arrays.toString(line));
            CommandResult plain = Ipc.run(line);
            CommandResult picocli = Ipc.run(withColourNever(line));
            assertEquals(withoutNumbers(picocli).toString(), withoutNumbers(plain).toString(),
                    () -> Arrays.toString(line));
        }
        for (String[] line : new String[][] {{"pipe-demo", "hello", "--wait", "-1"}, {"pipe-demo", "hello", "-h"},
                {"pipe-demo", "hello", "extra"}, {"pipe-demo", "hello", "--trace", "--trace"},
                {"pipe-demo", "hello", "--"}, {"pipe-demo", "pipeline"}}) {
            assertNull(FastPath.parse(line), () -> "left to picocli: " + Arrays.toString(line));
        }
    }

    /** Process ids, descriptors and times differ from run to run. */
    private static CommandResult withoutNumbers(CommandResult result) {
        return new CommandResult(result.exitCode(), result.out().replaceAll("[0-9]+", "N"),
                result.err().replaceAll("[0-9]+", "N"));
    }

    /**
     * rm's plain lines, each run plain then through picocli on the same objects made afresh: the same output but
     * for the new objects' ids, the same errors and exit codes. Q, S and M stand for the ids of the fresh queue
     * (key 0x4321), set (0x4322) and segment (0x4323).
     */
    @Test
    void rm_lines_remove_and_refuse_as_through_picocli() {
        String[][] lines = {
                {"rm", "-q", "Q"}, {"rm", "-Q", "0x4321", "-s", "S", "-v"}, {"rm", "-m", "M", "--dry-run"},
                {"rm", "-M", "0x4323", "-q", "Q", "-S", "0x4322"}, {"rm", "-v", "--dry-run", "-Q", "0x4321"},
                {"rm", "-q", "99999"}, {"rm", "-Q", "0x0"}, {"rm", "-q", "abc"}, {"rm", "-S", "nokey"},
                {"rm", "-s", "S", "-m", "99999", "-Q", "0x4321"}, {"rm", "-m", "4294967296"},
        };
        for (String[] template : lines) {
            int[] ids = makeForRm();
            String[] line = forRm(template, ids);
            assertNotNull(FastPath.parse(line), () -> "plain: " + Arrays.toString(line));
            CommandResult plain = withoutRmIds(Ipc.run(line), ids);
            Kernel.removeAll();
            int[] again = makeForRm();
            CommandResult picocli = withoutRmIds(Ipc.run(withColourNever(forRm(template, again))), again);
            Kernel.removeAll();
            assertEquals(picocli.toString(), plain.toString(), () -> Arrays.toString(template));
        }
        String[][] others = {
                {"rm"}, {"rm", "-v"}, {"rm", "--dry-run"}, {"rm", "-q", "1", "-q", "2"}, {"rm", "shm", "1"},
                {"rm", "--queue-id", "1"}, {"rm", "-a"}, {"rm", "-q", "1", "--all"}, {"rm", "--posix-shmem", "x"},
                {"rm", "-q1"}, {"rm", "-q", "-1"}, {"rm", "-q", "1", "--orphans"}, {"rm", "-q", "1", "--help"},
                {"rm", "-v", "-v", "-q", "1"}, {"rm", "-q"},
        };
        for (String[] line : others) {
            assertNull(FastPath.parse(line), () -> "left to picocli: " + Arrays.toString(line));
        }
        createObjects();
    }

    /** A queue, a set and a segment for rm's lines, in an otherwise empty namespace: their ids. */
    private static int[] makeForRm() {
        Kernel.removeAll();
        return new int[] {Kernel.createQueue(0x4321, 0600), Kernel.createSemaphores(0x4322, 1, 0600),
                Kernel.createSegment(0x4323, 4096, 0600)};
    }

    private static String[] forRm(String[] template, int[] ids) {
        String[] line = template.clone();
        for (int i = 0; i < line.length; i++) {
            int at = "QSM".indexOf(line[i]);
            if (line[i].length() == 1 && at >= 0) {
                line[i] = Integer.toString(ids[at]);
            }
        }
        return line;
    }

    private static CommandResult withoutRmIds(CommandResult result, int[] ids) {
        String out = result.out();
        String err = result.err();
        for (int i = 0; i < ids.length; i++) {
            String id = "\\b" + ids[i] + "\\b";
            out = out.replaceAll(id, "QSM".charAt(i) + "ID");
            err = err.replaceAll(id, "QSM".charAt(i) + "ID");
        }
        return new CommandResult(result.exitCode(), out, err);
    }

    private static final java.util.regex.Pattern MADE = java.util.regex.Pattern.compile(
            "(Shared memory|Message queue|Semaphore) id: (\\d+)|\"kind\":\"(shm|msg|sem)\",\"id\":(\\d+)");

    /** Removes the System V objects that mk's output names, unless it used one that was there (the fixtures). */
    private static void removeMade(CommandResult result) {
        if (result.err().contains("exists already")) {
            return;
        }
        java.util.regex.Matcher made = MADE.matcher(result.out());
        while (made.find()) {
            String kind = made.group(1) != null ? made.group(1) : made.group(3);
            int id = Integer.parseInt(made.group(2) != null ? made.group(2) : made.group(4));
            switch (kind) {
                case "Shared memory", "shm" -> Kernel.removeSegment(id);
                case "Message queue", "msg" -> Kernel.removeQueue(id);
                default -> Kernel.removeSemaphores(id);
            }
        }
    }

    private static CommandResult withoutIds(CommandResult result) {
        return new CommandResult(result.exitCode(), result.out().replaceAll("id: \\d+", "id: ID")
                .replaceAll("\"id\":\\d+", "\"id\":ID"), result.err());
    }

    /** ipc --version and -V alone answer without picocli's model, with the line picocli prints for them. */
    @Test
    void the_version_alone_is_picoclis_line() {
        CommandResult picocli = Ipc.run("--color=never", "--version");
        assertTrue(picocli.out().matches("ipc [0-9][^\\s]*\n"), picocli::toString);
        assertEquals(picocli, Ipc.run("--version"));
        assertEquals(picocli, Ipc.run("-V"));
    }

    @Test
    void lines_with_anything_else_are_left_to_picocli() {
        String[][] lines = {
                {"sem"}, {"sem", "nosuch"}, {"sem", "get"}, {"sem", "get", "--id", "1", "--key", "2"},
                {"sem", "get", "--id"}, {"sem", "get", "--id", "-1"}, {"sem", "get", "-h"},
                {"sem", "get", "--id", "1", "--help"}, {"sem", "get", "--id", "1", "--id", "2"},
                {"sem", "get", "--id", "1", "--json", "--json"}, {"sem", "get", "--id", "1", "extra"},
                {"sem", "get", "--id", "1", "--"}, {"sem", "get", "@file"}, {"sem", "get", "--id", "@file"},
                {"sem", "get", "--id", "1", "--json=true"}, {"sem", "get", "--id", "1", "--debug"},
                {"sem", "get", "--id", "1", "--color=never"}, {"sem", "get", "--id", "1", "--ns", "1"},
                {"sem", "get", "--id", "1", "-V"}, {"sem", "get", "--ID", "1"}, {"sem", "op", "--id", "1"},
                {"msg", "recv", "--id", "1", "--peek"}, {"msg", "recv", "--id", "1", "--peek", "0"},
                {"msg", "send", "--id", "1", "a", "b"}, {"msg", "send", "--id", "1", ""},
                {"msg", "send", "--id", "1", "-"}, {"msg", "recv", "--id", "1", "--type", "-5"},
                {"--color=never", "sem", "get", "--id", "1"}, {"--debug", "msg", "send", "--id", "1", "x"},
                {"shm", "lock", "--id", "1"}, {"ls", "-q"}, {"sem", "tune", "--id", "1"},
                {"sem", "tune", "250", "32000", "100", "128"}, {"msg", "tune", "--dry-run"}, {"shm", "tune", "-h"},
        };
        for (String[] line : lines) {
            assertNull(FastPath.parse(line), () -> "left to picocli: " + Arrays.toString(line));
        }
        assertEquals(new CommandResult(2, "", "ipc: Error: --id=ID, --key=KEY are mutually exclusive (specify only "
                + "one) (see 'ipc sem get --help')\n"), Ipc.run("sem", "get", "--id", "1", "--key", "2"));
    }

    private static String[] withColourNever(String... line) {
        List<String> args = new ArrayList<>();
        args.add("--color=never");
        args.addAll(Arrays.asList(line));
        return args.toArray(new String[0]);
    }
}
