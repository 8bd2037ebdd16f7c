// completions/ and man/ match the commands as they are, every page renders cleanly, and the completion scripts
// complete what a user types in bash, zsh and fish.
package dev.ipc.docs;

import dev.ipc.CommandTree;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocsTest {
    private static final Path PROJECT = Path.of(System.getProperty("ipc.project.dir", "."));
    private static final String REGENERATE = "run scripts/generate-docs and commit the result";

    @Test
    void checked_in_completions_and_man_pages_are_what_the_commands_generate() throws IOException {
        Map<String, String> generated = Generate.files(CommandTree.full());
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path path = PROJECT.resolve(file.getKey());
            if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                stale.add(file.getKey() + (Files.exists(path) ? " differs" : " is missing"));
            }
        }
        for (String directory : List.of(Generate.COMPLETIONS, Generate.MAN)) {
            try (Stream<Path> files = Files.list(PROJECT.resolve(directory))) {
                files.map(f -> directory + "/" + f.getFileName()).filter(f -> !generated.containsKey(f))
                        .forEach(f -> stale.add(f + " belongs to no command"));
            }
        }
        assertEquals(List.of(), stale, "generated files out of date: " + REGENERATE);
    }

    @Test
    void every_command_has_a_page_naming_each_of_its_options() throws IOException {
        for (CommandLine command : CommandText.commands(CommandTree.full())) {
            if (CommandText.isHelp(command)) {
                continue;
            }
            Path page = PROJECT.resolve("man").resolve(ManPage.fileName(command));
            assertTrue(Files.exists(page), page + " is missing: " + REGENERATE);
            String roff = Files.readString(page);
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertTrue(roff.contains("\\fB" + ManPage.escape(option.longestName()) + "\\fR"),
                            () -> page + " does not document " + option.longestName());
                }
            }
        }
        String ls = Files.readString(PROJECT.resolve("man/ipc-ls.1"));
        assertTrue(ls.contains(".SH \"EXAMPLES\"") && ls.contains("\\fBipc ls \\-m \\-t\\fR"), "ls examples");
        assertTrue(ls.contains(".SH \"EXIT STATUS\""), "ls exit status");
    }

    @Test
    void every_page_renders_without_warnings() throws IOException {
        Assumptions.assumeTrue(Processes.onPath("groff") && Processes.onPath("man"),
                "groff and man are not installed (.ci/run installs them)");
        try (Stream<Path> pages = Files.list(PROJECT.resolve("man"))) {
            for (Path page : (Iterable<Path>) pages.sorted()::iterator) {
                CommandResult groff = Processes.run(List.of("groff", "-man", "-Tutf8", "-ww", "-z",
                        page.toString()));
                assertEquals(0, groff.exitCode(), groff::toString);
                assertEquals("", groff.err(), () -> page + ": " + groff.err());
                CommandResult man = Processes.run(List.of("man", "--warnings", "-l", page.toString()),
                        Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat"), null);
                assertEquals(0, man.exitCode(), man::toString);
                assertEquals("", man.err(), () -> page + ": " + man.err());
                assertTrue(man.out().contains("NAME") && man.out().contains("SYNOPSIS"), man::toString);
            }
        }
    }

    private static final List<String> COMMANDS = CommandText.subcommandNames(CommandTree.full());

    // Each case: the line typed so far, then what completion offers for its last word.
    private static final String[][] CASES = {
            {"ipc ", String.join(" ", COMMANDS)},
            {"ipc l", "ls"},
            {"ipc ls --time-f", "--time-format"},
            {"ipc ls --time-format ", "short full iso"},
            {"ipc ls --time-format=", "short full iso"},
            {"ipc ls -o KEY,I", "KEY,ID"},
            {"ipc ls --output=+CU", "+CUID +CUSER"},
            {"ipc help ", String.join(" ", COMMANDS.stream().filter(c -> !c.equals("help")).toList())},
    };

    private static final String BASH_HARNESS = """
                source "$1"
                line=$2
                COMP_LINE=$line; COMP_POINT=${#line}
                # readline's split: blanks separate words, and '=' (in COMP_WORDBREAKS) is a word of its own
                COMP_WORDS=()
                for w in $line; do
                  if [[ $w == *=* ]]; then COMP_WORDS+=("${w%%=*}" "="); [[ -n ${w#*=} ]] && COMP_WORDS+=("${w#*=}")
                  else COMP_WORDS+=("$w"); fi
                done
                [[ $line == *" " || $line == *= ]] && COMP_WORDS+=("")
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                _ipc_complete ipc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
                printf '%s\\n' "${COMPREPLY[@]}"
                """;

    @Test
    void bash_completes_commands_options_and_their_values() throws IOException {
        for (String[] c : CASES) {
            assertCompletes("bash", BASH_HARNESS, "completions/ipc.bash", c[0], c[1], "");
        }
    }

    @Test
    void zsh_completes_through_bashcompinit() throws IOException {
        Assumptions.assumeTrue(Processes.onPath("zsh"), "zsh is not installed (.ci/run installs it)");
        for (String[] c : CASES) {
            String line = c[0];
            String word = line.substring(line.lastIndexOf(' ') + 1);
            String prefix = word.contains("=") ? word.substring(0, word.indexOf('=') + 1) : "";
            assertCompletes("zsh", ZSH_HARNESS, "completions/_ipc", line, c[1], prefix);
        }
    }

    // zsh keeps --option=value as one word; compadd then keeps the candidates that start with it
    private static final String ZSH_HARNESS = """
                source "$1" >/dev/null
                local line=$2
                COMP_WORDS=(${=line})
                [[ $line == *' ' ]] && COMP_WORDS+=('')
                COMP_CWORD=$(( ${#COMP_WORDS} - 1 ))
                COMP_LINE=$line
                local cur=${COMP_WORDS[-1]}
                emulate sh -c '_ipc_complete ipc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"'
                print -rl -- ${(M)COMPREPLY:#${cur}*}
                """;

    @Test
    void fish_completes_from_its_own_script() throws IOException {
        Assumptions.assumeTrue(Processes.onPath("fish"), "fish is not installed (.ci/run installs it)");
        for (String[] c : CASES) {
            String line = c[0];
            String word = line.substring(line.lastIndexOf(' ') + 1);
            String prefix = word.contains("=") ? word.substring(0, word.indexOf('=') + 1) : "";
            assertFishCompletes(line, c[1], prefix);
        }
    }

    private static void assertFishCompletes(String line, String expected, String prefix) {
        CommandResult fish = Processes.run(List.of("fish", "--no-config", "-c",
                "source $argv[1]; complete -C $argv[2] | string replace -r '\\t.*' ''",
                PROJECT.resolve("completions/ipc.fish").toString(), line), Map.of(), PROJECT.toFile());
        assertEquals(expectedSet(expected, prefix), lines(fish.out()), () -> "fish, '" + line + "': " + fish);
    }

    /**
     * Every option and parameter of the tree with a fixed set of values (presets, verbs, kinds, --time-format,
     * --color, columns), typed after its command, completes to exactly those values in each shell. The options
     * every command inherits (--color, --debug) are tried on the root and on one leaf.
     */
    static List<String[]> fixedValueCases() {
        List<String[]> cases = new ArrayList<>();
        for (CommandLine command : CommandText.commands(CommandTree.full())) {
            if (CommandText.isHelp(command)) {
                continue;
            }
            String line = command.getCommandSpec().qualifiedName(" ") + " ";
            for (OptionSpec option : command.getCommandSpec().options()) {
                boolean inheritedElsewhere = option.inherited() && !line.equals("ipc sem tune ");
                List<String> values = CommandText.values(option);
                if (option.hidden() || values.isEmpty() || inheritedElsewhere) {
                    continue;
                }
                cases.add(new String[] {line + option.longestName() + " ", String.join(" ", values)});
            }
            for (var positional : command.getCommandSpec().positionalParameters()) {
                List<String> values = CommandText.values(positional);
                if (!positional.hidden() && !values.isEmpty() && positional.index().min() == 0) {
                    cases.add(new String[] {line, String.join(" ", values)});
                }
            }
        }
        return cases;
    }

    @Test
    void every_fixed_value_option_completes_its_values_in_bash_zsh_and_fish() throws IOException {
        List<String[]> cases = fixedValueCases();
        List<String> lines = cases.stream().map(c -> c[0]).toList();
        for (String expected : List.of("ipc sem tune --preset ", "ipc msg tune --preset ", "ipc fifo send ",
                "ipc ls --time-format ", "ipc ls --output ", "ipc --color ", "ipc rm --all ",
                "ipc pipe-demo popen --mode ")) {
            assertTrue(lines.contains(expected), "not among the cases: " + expected + " in " + lines);
        }
        boolean zsh = Processes.onPath("zsh");
        boolean fish = Processes.onPath("fish");
        for (String[] c : cases) {
            assertCompletes("bash", BASH_HARNESS, "completions/ipc.bash", c[0], c[1], "");
            if (zsh) {
                assertCompletes("zsh", ZSH_HARNESS, "completions/_ipc", c[0], c[1], "");
            }
            if (fish) {
                assertFishCompletes(c[0], c[1], "");
            }
        }
    }

    @Test
    void commands_still_to_come_get_their_values_completed_from_their_models() throws IOException {
        // rm's --all takes an optional kind, named in its label; a nested command's option has candidates.
        CommandSpec rm = CommandSpec.create().name("rm");
        rm.addOption(OptionSpec.builder("-a", "--all").arity("0..1").type(String.class)
                .paramLabel("shm|msg|sem|pshm|pmsg|psem").description("Remove all.").build());
        CommandSpec tune = CommandSpec.create().name("tune");
        tune.addOption(OptionSpec.builder("--profile").arity("1").type(String.class)
                .completionCandidates(List.of("oracle", "postgres")).description("A profile.").build());
        CommandSpec sem = CommandSpec.create().name("sem");
        CommandLine root = new CommandLine(CommandSpec.create().name("ipc"));
        root.addSubcommand("rm", rm);
        root.addSubcommand("sem", new CommandLine(sem).addSubcommand("tune", tune));
        Path script = Files.createTempFile("ipc", ".bash");
        try {
            Files.writeString(script, ShellCompletion.bash(root));
            assertCompletes("bash", BASH_HARNESS, script.toString(), "ipc rm --all=", "shm msg sem pshm pmsg psem", "");
            assertCompletes("bash", BASH_HARNESS, script.toString(), "ipc rm --all=p", "pshm pmsg psem", "");
            assertCompletes("bash", BASH_HARNESS, script.toString(), "ipc sem tune --profile ", "oracle postgres", "");
            assertCompletes("bash", BASH_HARNESS, script.toString(), "ipc sem tune --pro", "--profile", "");
        } finally {
            Files.delete(script);
        }
        String fish = FishCompletion.of(root);
        assertTrue(fish.contains("-n \"__ipc_at 'ipc rm'\" -s 'a' -l 'all' -x -a 'shm msg sem pshm pmsg psem'"), fish);
        assertTrue(fish.contains("-n \"__ipc_at 'ipc sem tune'\" -l 'profile' -x -a 'oracle postgres'"), fish);
    }

    private static void assertCompletes(String shell, String harness, String script, String line, String expected,
                                        String prefix) throws IOException {
        Path file = Files.createTempFile("complete", "." + shell);
        try {
            Files.writeString(file, harness);
            List<String> command = shell.equals("zsh") ? List.of("zsh", "-f", file.toString(),
                    PROJECT.resolve(script).toString(), line)
                    : List.of("bash", "--norc", file.toString(), PROJECT.resolve(script).toString(), line);
            CommandResult result = Processes.run(command);
            assertEquals(expectedSet(expected, prefix), lines(result.out()),
                    () -> shell + ", '" + line + "': " + result);
        } finally {
            Files.delete(file);
        }
    }

    private static Set<String> expectedSet(String words, String prefix) {
        Set<String> set = new TreeSet<>();
        for (String word : words.split(" ")) {
            set.add(prefix + word);
        }
        return set;
    }

    private static Set<String> lines(String out) {
        Set<String> set = new TreeSet<>();
        out.lines().filter(l -> !l.isBlank()).forEach(set::add);
        return set;
    }
}
