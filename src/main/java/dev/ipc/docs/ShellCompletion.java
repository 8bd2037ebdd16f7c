// Bash and zsh completion: picocli's AutoComplete script for commands and options, and a generated layer for
// option values in every form a user types them (--all=shm, --output KEY,ID,+CTIME).
package dev.ipc.docs;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * picocli's script completes subcommands and option names, and values only as a separate word after the option.
 * Bash splits "--all=shm" into three words and zsh keeps it as one; ls -o takes a comma-separated list. The
 * function _ipc_complete handles those, from the same model, and hands everything else to picocli's function.
 * zsh runs the same script through bashcompinit.
 */
final class ShellCompletion {
    private static final String NAME = "ipc";

    private ShellCompletion() {
    }

    /** completions/ipc.bash, installed as share/bash-completion/completions/ipc. */
    static String bash(CommandLine root) {
        return "# Bash completion for ipc: generated from the command tree by dev.ipc.docs (scripts/generate-docs).\n"
                + "# Install as share/bash-completion/completions/ipc, or source it from ~/.bashrc.\n"
                + body(root, false)
                + "complete -F _ipc_complete -o default " + NAME + "\n";
    }

    /** completions/_ipc, installed as share/zsh/site-functions/_ipc. */
    static String zsh(CommandLine root) {
        return "#compdef " + NAME + "\n"
                + "# zsh completion for ipc: the bash completion run through zsh's bashcompinit; generated from the\n"
                + "# command tree by dev.ipc.docs (scripts/generate-docs). Install as share/zsh/site-functions/_ipc.\n"
                + body(root, true)
                + "complete -F _ipc_complete -o default " + NAME + "\n"
                + "# zsh loads this file as the function _ipc at the first completion: complete that word too.\n"
                + "if [[ ${funcstack[1]-} == _ipc ]]; then\n"
                + "  _bash_complete -F _ipc_complete -o default\n"
                + "fi\n";
    }

    private static String body(CommandLine root, boolean zsh) {
        String picocli = AutoComplete.bash(NAME, root);
        if (zsh) {
            // zsh reads this whole file as one function before it runs any of it, so picocli's alias never
            // reaches the functions below; options like +o default are set at registration in zsh anyway.
            picocli = replaceOnce(picocli, "  alias compopt=complete\n", "  function compopt { :; }\n");
        }
        // picocli lists the siblings of its own HelpCommand class only; ours is another class
        CommandLine help = root.getSubcommands().get("help");
        if (help != null) {
            String function = "function _picocli_" + NAME + "_help() {\n";
            int at = picocli.indexOf(function);
            String none = "  local commands=\"\"\n";
            int empty = picocli.indexOf(none, at);
            if (at >= 0 && empty >= 0) {
                picocli = picocli.substring(0, empty) + "  local commands=\"" + String.join(" ",
                        CommandText.subcommandNames(help)) + "\"\n" + picocli.substring(empty + none.length());
            }
        }
        // The first line is a #! line: this file is sourced, not run.
        picocli = picocli.substring(picocli.indexOf('\n') + 1);
        return "\n" + picocli + "\n" + values(root);
    }

    private static String values(CommandLine root) {
        List<String> paths = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (CommandLine command : CommandText.commands(root)) {
            String path = path(command);
            if (command != root) {
                paths.add("'" + path + "'");
            }
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.hidden() || !CommandText.takesValue(option)) {
                    continue;
                }
                List<String> values = CommandText.values(option);
                List<String> patterns = new ArrayList<>();
                for (String name : option.names()) {
                    patterns.add("'" + path + " " + name + "'");
                }
                String kind = values.isEmpty() ? "any" : CommandText.commaList(option) ? "list" : "one";
                cases.add("    " + String.join("|", patterns) + ") echo " + kind
                        + (values.isEmpty() ? "" : " " + shellWords(values)) + " ;;");
            }
        }
        return """
                # --- Option values: --option=VALUE, --option VALUE and comma-separated lists -------------------------

                # The subcommands named before the current word, as a path: "/", "/ls", "/sem/tune".
                function _ipc_command_path() {
                  local path= i
                  for ((i = 1; i < COMP_CWORD; i++)); do
                    case "$path/${COMP_WORDS[i]}" in
                      %s) path="$path/${COMP_WORDS[i]}" ;;
                    esac
                  done
                  echo "${path:-/}"
                }

                # What option $2 of the command at path $1 takes: "one V1 V2..." (one of these), "list V1 V2..."
                # (a comma-separated list of these), "any" (a value without candidates); nothing for no value.
                function _ipc_option_values() {
                  case "$1 $2" in
                %s
                  esac
                }

                # The completion entry point: values of options here, everything else in picocli's function.
                function _ipc_complete() {
                  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
                  local option= prefix= value=$cur
                  if [[ $cur == -*=* ]]; then                     # zsh: --all=sh is one word
                    option=${cur%%%%=*}; prefix="$option="; value=${cur#*=}
                  elif [[ $cur == = ]]; then                      # bash: --all = (cursor after =)
                    option=$prev; value=
                  elif [[ $prev == = && COMP_CWORD -gt 1 ]]; then # bash: --all = sh
                    option=${COMP_WORDS[COMP_CWORD-2]}
                  elif [[ $prev == -* ]]; then                    # --all sh
                    option=$prev
                  fi
                  local kind= words=()
                  if [[ -n $option ]]; then
                    read -r kind words <<<"$(_ipc_option_values "$(_ipc_command_path)" "$option")"
                    words=($words)
                  fi
                  case $kind in
                    one)
                      COMPREPLY=($(compgen -P "$prefix" -W "${words[*]}" -- "$value")) ;;
                    list)                                         # complete the item after the last comma
                      local done=
                      if [[ $value == *,* ]]; then done=${value%%,*},; elif [[ $value == +* ]]; then done=+; fi
                      COMPREPLY=($(compgen -P "$prefix$done" -W "${words[*]}" -- "${value#"$done"}"))
                      if [[ -n ${BASH_VERSION-} ]]; then compopt -o nospace 2>/dev/null; fi ;;
                    any)
                      COMPREPLY=() ;;                             # files, through -o default
                    *)
                      _complete_ipc "$@" ;;
                  esac
                }
                """.formatted(String.join("|", paths), String.join("\n", cases));
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException("picocli's completion script changed: no '" + from.trim() + "' in it");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** "/", "/ls", "/sem/tune": the command's words after the root, as _ipc_command_path prints them. */
    private static String path(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName("/");
        int slash = qualified.indexOf('/');
        return slash < 0 ? "/" : qualified.substring(slash);
    }

    private static String shellWords(List<String> values) {
        List<String> words = new ArrayList<>();
        for (String value : values) {
            if (!value.matches("[A-Za-z0-9_%+.:@-]+")) {
                throw new IllegalArgumentException("completion value needs quoting: '" + value + "'");
            }
            words.add(value);
        }
        return String.join(" ", words);
    }
}
