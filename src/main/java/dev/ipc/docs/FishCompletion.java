// fish completion, written from the command tree (picocli's AutoComplete has no fish output).
package dev.ipc.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;

/**
 * One `complete` line per subcommand and option, each guarded by the command path typed so far
 * (__ipc_at 'ipc sem tune'), with descriptions from the help and values from the options' candidates.
 */
final class FishCompletion {
    private FishCompletion() {
    }

    /** completions/ipc.fish, installed as share/fish/vendor_completions.d/ipc.fish. */
    static String of(CommandLine root) {
        StringBuilder fish = new StringBuilder(8192);
        fish.append("""
                # fish completion for ipc: generated from the command tree by dev.ipc.docs (scripts/generate-docs).
                # Install as share/fish/vendor_completions.d/ipc.fish.

                # The subcommands typed so far, after the program name: "ipc", "ipc ls", "ipc sem tune".
                function __ipc_path
                    set -l path ipc
                    set -l words (commandline -opc)
                    set -e words[1]
                    for word in $words
                        switch "$path $word"
                            case %s
                                set path "$path $word"
                        end
                    end
                    echo $path
                end

                function __ipc_at
                    test (__ipc_path) = "$argv[1]"
                end

                # Completes the item after the last comma of a comma-separated list (ls -o KEY,ID,+CTIME).
                function __ipc_list
                    set -l token (commandline -ct)
                    string match -q -- '-*=*' $token; and set token (string replace -r -- '^[^=]*=' '' $token)
                    set -l done (string match -r -- '^.*,' $token; or string match -r -- '^\\+' $token)
                    for value in $argv
                        echo "$done$value"
                    end
                end

                complete -c ipc -f
                """.formatted(String.join(" ", quotedPaths(root))));
        for (CommandLine command : CommandText.commands(root)) {
            String at = "-n \"__ipc_at '" + command.getCommandSpec().qualifiedName() + "'\"";
            fish.append('\n');
            CommandSpec spec = command.getCommandSpec();
            // help completes its siblings' names
            CommandLine owner = CommandText.isHelp(command) ? command.getParent() : command;
            for (String name : CommandText.subcommandNames(command)) {
                fish.append("complete -c ipc ").append(at).append(" -a ").append(quote(name)).append(" -d ")
                        .append(quote(CommandText.summary(owner.getSubcommands().get(name).getCommandSpec())))
                        .append('\n');
            }
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    fish.append("complete -c ipc ").append(at).append(names(option)).append(value(option))
                            .append(" -d ").append(quote(CommandText.summary(option.description()))).append('\n');
                }
            }
            boolean chosen = false;
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                List<String> values = CommandText.values(positional);
                if (positional.hidden() || CommandText.isHelp(command) || (values.isEmpty() && chosen)) {
                    continue; // after a word chosen from a list (fifo send's verb) comes free text, not files
                }
                // Parameters without candidates are files or free text: let fish offer files.
                fish.append("complete -c ipc ").append(at)
                        .append(values.isEmpty() ? " -F" : " -f -a " + quote(String.join(" ", values))).append('\n');
                chosen |= !values.isEmpty();
            }
        }
        return fish.toString();
    }

    private static List<String> quotedPaths(CommandLine root) {
        return CommandText.commands(root).stream().filter(c -> c != root)
                .map(c -> quote(c.getCommandSpec().qualifiedName())).toList();
    }

    private static String names(OptionSpec option) {
        StringBuilder names = new StringBuilder();
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                names.append(" -l ").append(quote(name.substring(2)));
            } else if (name.length() == 2) {
                names.append(" -s ").append(quote(name.substring(1)));
            } else {
                names.append(" -o ").append(quote(name.substring(1)));
            }
        }
        return names.toString();
    }

    private static String value(OptionSpec option) {
        if (!CommandText.takesValue(option)) {
            return "";
        }
        List<String> values = CommandText.values(option);
        if (values.isEmpty()) {
            return " -r -F";
        }
        if (CommandText.commaList(option)) {
            return " -x -a " + quote("(__ipc_list " + String.join(" ", values) + ")");
        }
        return " -x -a " + quote(String.join(" ", values));
    }

    /** A fish single-quoted string: only \ and ' are special inside. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
