// Every option that takes a value, of every command, given a word, foreign digits, a huge number, a negative one
// and nothing: each run fails with a clear line naming the value and changes nothing.
package dev.ipc.safety;

import dev.ipc.CommandTree;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.tune.PrivateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.ipc.support.Arguments.split;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The command tree is walked as help and the man pages walk it, so a new option is tried as soon as it exists.
 * Each command runs from a base line that is valid, bounded and harmless on its own (with the placeholders of
 * {@link Fixture}), with the option under test added; runs that would block are bounded by the base line's
 * --timeout, and every run by a watchdog.
 */
@ExtendWith(PrivateLimits.class)
class GeneratedBadInputTest {
    /** A word, digits of another script (Arabic-Indic 3), a number too big for 64 bits, a negative one, nothing. */
    static final List<String> VALUES = List.of("abc", "\u0663", "99999999999999999999", "-1", "");
    private static final String PROTECTS_A_NAME = "a word that is no key or id protects a POSIX object of that name";
    private static final String KEY_MINUS_1 = "key 0xffffffff, as ipcrm's strtoul reads -1; no such object, exit 3";

    /** The line each command runs from. */
    static final Map<String, String> BASE = Map.ofEntries(
            entry("ls", "ls"),
            entry("mk", "mk -Q"),
            entry("rm", "rm"),
            entry("sem get", "sem get --id {S}"),
            entry("sem set", "sem set --id {S} 0 3"),
            entry("sem op", "sem op --id {S} --timeout 1s 0:0"),
            entry("sem set-perms", "sem set-perms --id {S} --mode 0600"),
            entry("sem demo", "sem demo"),
            entry("sem tune", "sem tune"),
            entry("msg send", "msg send --id {Q} --timeout 1s hi"),
            entry("msg recv", "msg recv --id {Q} --timeout 1s"),
            entry("msg stat", "msg stat --id {Q}"),
            entry("msg set-perms", "msg set-perms --id {Q} --mode 0600"),
            entry("msg demo", "msg demo"),
            entry("msg tune", "msg tune"),
            entry("shm read", "shm read --id {M}"),
            entry("shm write", "shm write --id {M} hi"),
            entry("shm lock", "shm lock --id {M}"),
            entry("shm unlock", "shm unlock --id {M}"),
            entry("shm set-perms", "shm set-perms --id {M} --mode 0600"),
            entry("shm demo", "shm demo"),
            entry("shm tune", "shm tune"),
            entry("fifo send", "fifo send --dir {TMP}/fifo --timeout 1s ping"),
            entry("fifo serve", "fifo serve --dir {TMP}/fifo --idle-timeout 1s --requests 1"),
            entry("fifo bench", "fifo bench --dir {TMP}/fifo --timeout 2s --clients 1 --requests 1"),
            entry("pipe-demo hello", "pipe-demo hello --timeout 5"),
            entry("pipe-demo pipeline", "pipe-demo pipeline --timeout 5 -- true"),
            entry("pipe-demo popen", "pipe-demo popen --timeout 5 --mode r true"),
            entry("pipe-demo capacity", "pipe-demo capacity --timeout 5"),
            entry("pipe-demo atomic", "pipe-demo atomic --timeout 5"),
            entry("pipe-demo eof", "pipe-demo eof --timeout 5"),
            entry("pipe-demo sigpipe", "pipe-demo sigpipe --timeout 5"),
            entry("pipe-demo nonblock", "pipe-demo nonblock --timeout 5"),
            entry("metrics", "metrics"),
            entry("signal demo", "signal demo"),
            entry("socket demo", "socket demo"),
            entry("who", "who"),
            entry("ns", "ns"),
            entry("top", "top --once"));

    /** Where an option needs another base line than its command's. */
    static final Map<String, String> BASE_FOR_OPTION = Map.ofEntries(
            entry("ls --id", "ls -q"),
            entry("mk --maxmsg", "mk --posix-mqueue --name generated"),
            entry("mk --msgsize", "mk --posix-mqueue --name generated"),
            entry("mk --posix-semaphore", "mk --name generated"),
            entry("rm --owner", "rm --all --dry-run"),
            entry("rm --older-than", "rm --all --dry-run"),
            entry("rm --protect", "rm --all --dry-run"),
            entry("rm --protect-file", "rm --all --dry-run"),
            entry("msg send --file", "msg send --id {Q} --timeout 1s"),
            entry("shm write --file", "shm write --id {M}"),
            entry("sem tune --connections", "sem tune --preset postgresql"),
            entry("msg tune --connections", "msg tune --preset postgresql"),
            entry("shm tune --connections", "shm tune --preset postgresql"),
            entry("sem tune --ram", "sem tune --preset db2"),
            entry("msg tune --ram", "msg tune --preset db2"),
            entry("shm tune --ram", "shm tune --preset db2"));

    /** Options left out, and why (hidden ones are too: a demo passes its children their state with them). */
    static final Map<String, String> SKIPPED = Map.ofEntries(
            entry("--persist", "a file name, which any text is; BadInputCatalogueTest gives it missing folders and"
                    + " folders, and a word here would be a file in the working directory"),
            entry("--dir", "fifo's folder is checked by FifoDirectory, tested on its own"),
            entry("--name", "a POSIX name, which any text is; the empty one is in BadInputCatalogueTest"),
            entry("--message", "socket demo's message, which any text is"));

    /** Values an option rightly takes, and why: "command option value". */
    static final Map<String, String> ACCEPTED = Map.ofEntries(
            entry("msg recv --type -1", "the lowest type up to 1, as msgrcv reads a negative type"),
            entry("ls --id -1", "ipcs reads -1 as an id, and says 'id -1 not found' with exit 0"),
            entry("rm --protect abc", PROTECTS_A_NAME),
            entry("rm --protect \u0663", PROTECTS_A_NAME),
            entry("rm --protect 99999999999999999999", PROTECTS_A_NAME),
            entry("rm --protect -1", PROTECTS_A_NAME),
            entry("who --queue-key -1", KEY_MINUS_1),
            entry("who --shmem-key -1", KEY_MINUS_1),
            entry("who --semaphore-key -1", KEY_MINUS_1),
            entry("mk --key -1", "key 0xffffffff, as ipcrm's strtoul reads -1: a queue with that key is made"),
            entry("msg send --key -1", KEY_MINUS_1),
            entry("msg recv --key -1", KEY_MINUS_1),
            entry("msg stat --key -1", KEY_MINUS_1),
            entry("msg set-perms --key -1", KEY_MINUS_1),
            entry("sem get --key -1", KEY_MINUS_1),
            entry("sem set --key -1", KEY_MINUS_1),
            entry("sem op --key -1", KEY_MINUS_1),
            entry("sem set-perms --key -1", KEY_MINUS_1),
            entry("shm read --key -1", KEY_MINUS_1),
            entry("shm write --key -1", KEY_MINUS_1),
            entry("shm lock --key -1", KEY_MINUS_1),
            entry("shm unlock --key -1", KEY_MINUS_1),
            entry("shm set-perms --key -1", KEY_MINUS_1));

    /** Failures whose message is util-linux's own, which names no value: "command option value". */
    static final Map<String, String> UNNAMED = Map.ofEntries(
            entry("mk --semaphore -1", "ipcmk: 'create semaphore failed: Invalid argument'"),
            entry("rm --all ", "ipcrm: 'unknown argument: '"));

    @RegisterExtension
    final Fixture fixture = new Fixture();

    record Case(String command, String option, String value) {
        @Override
        public String toString() {
            return "ipc " + command + " " + option + " '" + value + "'";
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (CommandLine command : leaves(CommandTree.full(), new ArrayList<>())) {
            String name = command.getCommandSpec().qualifiedName(" ").substring("ipc ".length());
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.arity().max() == 0 || option.hidden() || SKIPPED.containsKey(option.longestName())) {
                    continue;
                }
                for (String value : VALUES) {
                    String key = name + " " + option.longestName() + " " + value;
                    if (!ACCEPTED.containsKey(key)) {
                        cases.add(new Case(name, option.longestName(), value));
                    }
                }
            }
        }
        return cases;
    }

    private static List<CommandLine> leaves(CommandLine command, List<CommandLine> leaves) {
        if (command.getSubcommands().isEmpty()) {
            if (!command.getCommandName().equals("help")) {
                leaves.add(command);
            }
        } else {
            new TreeSet<>(command.getSubcommands().keySet()).forEach(n -> leaves(command.getSubcommands().get(n),
                    leaves));
        }
        return leaves;
    }

    @Test
    void every_command_has_a_base_line() {
        List<String> commands = leaves(CommandTree.full(), new ArrayList<>()).stream()
                .map(c -> c.getCommandSpec().qualifiedName(" ").substring("ipc ".length())).sorted().toList();
        assertEquals(commands, BASE.keySet().stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fails_clearly_and_changes_nothing(Case bad) throws Exception {
        String base = BASE_FOR_OPTION.getOrDefault(bad.command() + " " + bad.option(), BASE.get(bad.command()));
        List<String> args = new ArrayList<>(Arrays.asList(split(fixture.fill(base))));
        int end = args.indexOf("--");
        if (bad.option().equals("--key")) {
            remove(args, "--id"); // the target under test instead of the base's
        }
        remove(args, bad.option());
        List<String> option = optionalValue(bad) ? List.of(bad.option() + "=" + bad.value())
                : List.of(bad.option(), bad.value());
        args.addAll(end >= 0 ? args.indexOf("--") : args.size(), option);

        SystemState before = fixture.capture();
        CommandResult result = run(args);
        int[] codes = switch (bad.command()) {
            case "ls" -> new int[] {1, 2};
            // an object that is not there, or a POSIX name ipcs would refuse, fails at run time as ls -N does
            case "who" -> new int[] {1, 2};
            // --color is no option of ipcmk's or ipcrm's: 2, as in every command
            case "mk", "rm" -> bad.option().equals("--color") ? new int[] {2} : new int[] {1};
            // a file that is not there fails at run time
            default -> bad.option().equals("--file") || bad.option().equals("--textfile") ? new int[] {1, 2}
                    : bad.command().matches("(msg|sem|shm) (get|set|op|send|recv|read|write)") ? new int[] {2, 9}
                    : new int[] {2};
        };
        String line = "ipc " + String.join(" ", args);
        String named = UNNAMED.containsKey(bad.command() + " " + bad.option() + " " + bad.value()) ? null
                : bad.value().isEmpty() ? "''" : bad.value();
        assertNull(Failures.unclear(result, named, codes), () -> line + "\n" + result);
        assertEquals("", before.differences(fixture.capture()),
                () -> line + " changed something\n" + result);
    }

    /** Takes the option and its value out of the line, where it is. */
    private static void remove(List<String> args, String option) {
        int at = args.indexOf(option);
        if (at >= 0) {
            args.subList(at, at + 2).clear();
        }
    }

    private static boolean optionalValue(Case bad) {
        CommandLine command = CommandTree.full();
        for (String name : bad.command().split(" ")) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec().findOption(bad.option()).arity().min() == 0;
    }

    /** In process, but on a thread of its own: a run that would not end fails the test rather than hanging it. */
    private static CommandResult run(List<String> args) throws InterruptedException, ExecutionException {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "generated-bad-input");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<CommandResult> result = thread.submit(() -> Ipc.run(args.toArray(String[]::new)));
            return result.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("ipc " + String.join(" ", args) + " did not end within 30 s");
        } finally {
            thread.shutdownNow();
        }
    }

}
