// What the documentation generators read from a command's model: its texts as picocli's help prints them, its
// footer split into paragraphs, titled lists, examples and exit status, and the values each option takes.
package dev.ipc.docs;

import dev.ipc.cli.CommaList;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footers follow one convention across the commands, which the help and the man pages both read:
 * blocks separated by blank lines; a block "Title:" followed by indented "  term   text" lines is a list
 * ("Examples:" or "Example:" gives the man page's EXAMPLES); a block starting "Exit status:" gives EXIT STATUS; any other
 * block is a paragraph of the description.
 */
final class CommandText {
    /** An option value written as alternatives, "shm|msg|sem", names its own candidates. */
    private static final Pattern ALTERNATIVES = Pattern.compile("<?([a-z0-9_+-]+(?:\\|[a-z0-9_+-]+)+)>?");
    private static final Pattern TERM_AND_TEXT = Pattern.compile("(\\S(?:.*?\\S)?)(?: {2,}(\\S.*))?");

    record Entry(String term, String text) {
    }

    /** A paragraph, a list (entries, maybe with a title such as "Columns (-o)"): exactly one of the two. */
    record Block(String title, String paragraph, List<Entry> entries) {
    }

    record Footer(List<Block> blocks, List<Entry> examples, String exitStatus) {
    }

    private CommandText() {
    }

    /** The lines picocli would print for these strings: format specifiers applied, markup removed. */
    static List<String> lines(String... raw) {
        List<String> lines = new ArrayList<>();
        for (String text : raw) {
            String formatted = Ansi.OFF.string(String.format(text));
            for (String line : formatted.split("\r?\n", -1)) {
                lines.add(stripEnd(line));
            }
        }
        return lines;
    }

    /** The lines as paragraphs: blank lines separate them, the lines of one are joined. */
    static List<String> paragraphs(String... raw) {
        List<String> paragraphs = new ArrayList<>();
        for (List<String> block : blocks(lines(raw))) {
            paragraphs.add(join(block));
        }
        return paragraphs;
    }

    static Footer footer(CommandSpec spec) {
        List<Block> blocks = new ArrayList<>();
        List<Entry> examples = new ArrayList<>();
        String exitStatus = null;
        for (Block block : blocks(spec.usageMessage().footer())) {
            if (block.paragraph() != null && block.paragraph().startsWith("Exit status:")) {
                exitStatus = block.paragraph().substring("Exit status:".length()).trim();
            } else if ("Examples".equals(block.title()) || "Example".equals(block.title())) {
                examples.addAll(block.entries());
            } else {
                blocks.add(block);
            }
        }
        return new Footer(blocks, examples, exitStatus);
    }

    /**
     * The text as blocks: paragraphs (lines joined), lists of indented "  term   text" lines, and titled lists
     * (a line "Title:" alone, then the list). A paragraph that ends in "Verbs:" keeps its list after it.
     */
    static List<Block> blocks(String... raw) {
        List<Block> result = new ArrayList<>();
        for (List<String> group : blocks(lines(raw))) {
            int i = 0;
            while (i < group.size()) {
                int start = i;
                boolean indented = group.get(i).startsWith(" ");
                while (i < group.size() && group.get(i).startsWith(" ") == indented) {
                    i++;
                }
                List<String> run = group.subList(start, i);
                if (indented) {
                    result.add(new Block(null, null, entries(run)));
                } else if (run.size() == 1 && run.get(0).endsWith(":") && i < group.size()) {
                    String title = run.get(0);
                    int end = i;
                    while (end < group.size() && group.get(end).startsWith(" ")) {
                        end++;
                    }
                    result.add(new Block(title.substring(0, title.length() - 1), null,
                            entries(group.subList(i, end))));
                    i = end;
                } else {
                    result.add(new Block(null, join(run), List.of()));
                }
            }
        }
        return result;
    }

    /** "  term   text" lines; a line indented deeper than the first continues the entry above it. */
    private static List<Entry> entries(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        int indent = indent(lines.get(0));
        for (String line : lines) {
            if (indent(line) > indent && !entries.isEmpty()) {
                Entry last = entries.remove(entries.size() - 1);
                entries.add(new Entry(last.term(), (last.text() + " " + line.trim()).trim()));
                continue;
            }
            Matcher matcher = TERM_AND_TEXT.matcher(line.trim());
            if (matcher.matches()) {
                entries.add(new Entry(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2)));
            }
        }
        return entries;
    }

    /** What the command returns, as the man page's EXIT STATUS says it. */
    static String exitStatus(CommandSpec spec, Footer footer) {
        if (footer.exitStatus() != null) {
            return footer.exitStatus();
        }
        Map<String, String> listed = spec.usageMessage().exitCodeList();
        if (!listed.isEmpty()) {
            StringBuilder text = new StringBuilder();
            listed.forEach((code, meaning) -> text.append(text.length() == 0 ? "" : "; ").append(code.trim())
                    .append(' ').append(meaning.trim()));
            return text.toString();
        }
        return "0 success, " + spec.exitCodeOnExecutionException() + " failure, " + spec.exitCodeOnInvalidInput()
                + " bad usage.";
    }

    /** The values an option or parameter takes, for completion; empty when any value goes. */
    static List<String> values(ArgSpec arg) {
        List<String> values = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(values::add);
        } else {
            Matcher matcher = ALTERNATIVES.matcher(arg.paramLabel());
            if (matcher.matches()) {
                values.addAll(List.of(matcher.group(1).split("\\|")));
            }
        }
        return values;
    }

    /** Whether the value is a comma-separated list of the candidates (see {@link CommaList}). */
    static boolean commaList(ArgSpec arg) {
        return arg.completionCandidates() instanceof CommaList;
    }

    static boolean takesValue(ArgSpec arg) {
        return arg.arity().max() > 0;
    }

    /** A command in one line, as picocli's list of commands shows it: its header, or its description's start. */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return summary(header.length > 0 ? header : spec.usageMessage().description());
    }

    /** The first sentence of the command's or option's description, for one-line summaries. */
    static String summary(String... description) {
        List<String> paragraphs = paragraphs(description);
        String text = paragraphs.isEmpty() ? "" : paragraphs.get(0);
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** Every command of the tree, depth first in the order help lists them, each once (aliases aside). */
    static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        collect(root, all, new IdentityHashMap<>());
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all, Map<CommandLine, Boolean> seen) {
        if (seen.put(command, Boolean.TRUE) != null) {
            return;
        }
        all.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, all, seen);
        }
    }

    /** The help command (ipc help): it has no page of its own and completes its siblings' names. */
    static boolean isHelp(CommandLine command) {
        return command.getCommandSpec().helpCommand();
    }

    /** The subcommands a user can name under this command: help's siblings, or its own. */
    static List<String> subcommandNames(CommandLine command) {
        CommandLine of = isHelp(command) ? command.getParent() : command;
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : of.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().usageMessage().hidden() && !(isHelp(command)
                    && isHelp(sub.getValue()))) {
                names.add(sub.getKey());
            }
        }
        return names;
    }

    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static String join(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(line.trim());
        }
        return text.toString();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String stripEnd(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }
}
