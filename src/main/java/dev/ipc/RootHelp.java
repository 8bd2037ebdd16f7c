// ipc --help and ipc -h without picocli: the root's help written from IpcCommand's texts and the commands' summaries.
package dev.ipc;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.HelpLayout;
import dev.ipc.cli.RunContext;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;

/**
 * Setting up picocli's root model and its Help costs more than the JVM's own start (scripts/bench-startup), and the
 * root's help is fixed text but for its width and colour. It is laid out here as picocli's Help and TextTable lay
 * it out (columns, break after spaces, wrapped lines indented, rows trimmed), with the description and footer laid
 * out by HelpLayout as for every command; HelpTest compares it with picocli's at every width, with and without
 * colour. Only the plain requests come here: everything else goes to picocli.
 */
final class RootHelp {
    /** picocli's default colour scheme: commands bold, options yellow, their parameters italic. */
    private static final String[] COMMAND = {"\u001b[1m", "\u001b[21m\u001b[0m"};
    private static final String[] OPTION = {"\u001b[33m", "\u001b[39m\u001b[0m"};
    private static final String[] PARAMETER = {"\u001b[3m", "\u001b[23m\u001b[0m"};
    /** picocli's synopsis heading. */
    private static final String USAGE = "Usage: ";

    /**
     * The root's options in the order picocli lists them (by name, case aside): short name, long name, parameter
     * label, description.
     */
    private static final String[][] OPTIONS = {
            {"", "--color", IpcCommand.COLOR_LABEL, IpcCommand.COLOR_HELP},
            {"", "--debug", "", IpcCommand.DEBUG_HELP},
            {"-h", "--help", "", CommandSpecs.HELP_HELP},
            {"", "--ns", IpcCommand.NS_LABEL, IpcCommand.NS_HELP},
            {"-V", "--version", "", CommandSpecs.VERSION_HELP},
    };

    private RootHelp() {
    }

    /** Whether the line asks for the root's help and nothing else. */
    static boolean asked(String... args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    /**
     * The width picocli lays the help out at (see CommandTree.fitHelpToTerminal): COLUMNS, else picocli's own
     * reading of the terminal (stty, when standard input and output are both terminals), else 80.
     */
    static int width(RunContext context) {
        int columns = CommandTree.columnsWidth(context.environment());
        if (columns > 0) {
            return columns;
        }
        if (System.getProperty("picocli.usage.width") == null && !(mayBeTerminal(0) && mayBeTerminal(1))) {
            return CommandTree.readable(80); // what picocli's reading gives where either is no terminal
        }
        return CommandTree.readable(new UsageMessageSpec().autoWidth(true).width());
    }

    /**
     * Whether this descriptor could be a terminal: any device but /dev/null (wider than isatty, so that a terminal
     * is never missed). Where one of standard input and output cannot be, picocli would not ask stty either.
     */
    private static boolean mayBeTerminal(int fd) {
        try {
            String target = new File("/proc/self/fd/" + fd).getCanonicalPath();
            return target.startsWith("/dev/") && !target.equals("/dev/null");
        } catch (IOException e) {
            return true;
        }
    }

    /** Prints the root's help; exit status 0. */
    static int print(RunContext context, int width) {
        PrintWriter out = context.out();
        out.print(render(width, context.terminal().colourOut()));
        out.flush();
        return 0;
    }

    /** The root's help as picocli writes it at this width, with its colours or without. */
    static String render(int width, boolean colour) {
        StringBuilder help = new StringBuilder();
        synopsis(help, width, colour);
        help.append(HelpLayout.section(IpcCommand.DESCRIPTION, width));
        options(help, width, colour);
        help.append("Commands:\n").append(commandList(width, colour));
        help.append(HelpLayout.section(IpcCommand.FOOTER, width));
        return help.toString();
    }

    /** "Usage: ipc [-hV] [--debug] ...": boolean short options clustered, then the others, wrapped under ipc's end. */
    private static void synopsis(StringBuilder help, int width, boolean colour) {
        Words words = new Words(colour);
        words.add(COMMAND, "ipc", " ");
        StringBuilder cluster = new StringBuilder("-");
        for (String[] option : OPTIONS) {
            if (!option[0].isEmpty()) {
                cluster.append(option[0].charAt(1));
            }
        }
        words.add(null, "[", "").add(OPTION, cluster.toString(), "").add(null, "] ", "");
        for (String[] option : OPTIONS) { // options without a value, then those with one
            if (option[0].isEmpty() && option[2].isEmpty()) {
                words.add(null, "[", "").add(OPTION, option[1], "").add(null, "] ", "");
            }
        }
        for (String[] option : OPTIONS) {
            if (!option[2].isEmpty()) {
                words.add(null, "[", "").add(OPTION, option[1], "").add(null, "=", "")
                        .add(PARAMETER, option[2], "").add(null, "] ", "");
            }
        }
        words.add(null, IpcCommand.COMMAND_LABEL, "");
        List<String> lines = words.wrap(width, USAGE.length(), USAGE.length() + "ipc ".length());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            row(help, i == 0 ? USAGE + line.substring(USAGE.length()) : line);
        }
    }

    /** Five columns: required marker, short name, comma, long name and label, then the description, wrapped. */
    private static void options(StringBuilder help, int width, boolean colour) {
        int longest = 0;
        for (String[] option : OPTIONS) {
            longest = Math.max(longest, option[1].length() + (option[2].isEmpty() ? 0 : 1 + option[2].length()));
        }
        int names = 2 + 2 + 1 + longest + 3;
        for (String[] option : OPTIONS) {
            StringBuilder first = new StringBuilder("  ");
            first.append(option[0].isEmpty() ? "  " : paint(colour, OPTION, option[0]))
                    .append(option[0].isEmpty() ? " " : ",").append(' ').append(paint(colour, OPTION, option[1]));
            int length = 2 + 2 + 1 + 1 + option[1].length();
            if (!option[2].isEmpty()) {
                first.append('=').append(paint(colour, PARAMETER, option[2]));
                length += 1 + option[2].length();
            }
            first.append(" ".repeat(names - length));
            table(help, first.toString(), names, option[3], width, 1);
        }
    }

    /**
     * Each command's name and summary, then help, as picocli's Help.commandList writes them: for ipc --help here
     * and through picocli (CommandTree), which then builds no model of the commands.
     */
    static String commandList(int width, boolean colour) {
        StringBuilder help = new StringBuilder();
        int longest = "help".length();
        for (String name : CommandTree.NAMES) {
            longest = Math.max(longest, name.length());
        }
        int column = Math.min(longest, width / 2) + 2;
        for (int i = 0; i <= CommandTree.NAMES.length; i++) {
            String name = i < CommandTree.NAMES.length ? CommandTree.NAMES[i] : "help";
            String summary = i < CommandTree.NAMES.length ? CommandTree.summary(name) : HelpTopicCommand.SUMMARY;
            String first = "  " + paint(colour, COMMAND, name) + " ".repeat(column - 2 - name.length());
            table(help, first, column, summary.indexOf('%') < 0 ? summary : formatted(summary), width, 2);
        }
        return help.toString();
    }

    /** As picocli formats a summary: %n and %% replaced, the raw text when it is no format. */
    private static String formatted(String text) {
        try {
            return String.format(text);
        } catch (IllegalFormatException notFormat) {
            return text;
        }
    }

    /** A row whose first columns (column characters) are written; the text wraps in the last column. */
    private static void table(StringBuilder help, String first, int column, String text, int width, int indent) {
        for (String part : text.split("\n", -1)) {
            List<String> lines = new Words(false).text(part).wrap(width - column, indent, indent + 2);
            for (int i = 0; i < lines.size(); i++) {
                row(help, (i == 0 ? first : " ".repeat(column)) + lines.get(i));
                first = " ".repeat(column);
            }
        }
    }

    /** A row as picocli's TextTable ends it: trailing spaces cut. */
    private static void row(StringBuilder help, String row) {
        int end = row.length();
        while (end > 0 && row.charAt(end - 1) == ' ') {
            end--;
        }
        help.append(row, 0, end).append('\n');
    }

    /**
     * Whether a line may break before text's character at: after spaces, and before an opening bracket that ends
     * a word ("ipcs(1)"), as the JDK's line BreakIterator that picocli uses finds them in text of ASCII words and
     * punctuation (picocli takes '-' for a letter). HelpTest checks each text here against the BreakIterator.
     */
    static boolean breaksBefore(String text, int at) {
        char before = text.charAt(at - 1);
        char here = text.charAt(at);
        return before == ' ' ? here != ' ' : OPENING.indexOf(here) >= 0 && OPENING.indexOf(before) < 0;
    }

    private static final String OPENING = "([{";

    private static String paint(boolean colour, String[] style, String text) {
        return colour ? style[0] + text + style[1] : text;
    }

    /**
     * Text cut where a line may break (after its spaces), each word with its trailing spaces and its colours, filled
     * into a column as picocli's TextTable fills it: a word goes on the line if it fits with its spaces.
     */
    private static final class Words {
        private final boolean colour;
        private final List<String> plain = new ArrayList<>();
        private final List<String> painted = new ArrayList<>();
        private boolean open;

        Words(boolean colour) {
            this.colour = colour;
        }

        /** Adds text (in a style, or null) to the last word; spaces after it end that word. */
        Words add(String[] style, String text, String spaces) {
            String shown = style == null ? text : paint(colour, style, text);
            String ending = text.endsWith(" ") ? "" : spaces;
            if (!open) {
                plain.add("");
                painted.add("");
            }
            int last = plain.size() - 1;
            plain.set(last, plain.get(last) + text + ending);
            painted.set(last, painted.get(last) + shown + ending);
            open = !(text + ending).endsWith(" ");
            return this;
        }

        /** Adds plain text, cut into words after each run of spaces. */
        Words text(String text) {
            int start = 0;
            for (int at = 1; at <= text.length(); at++) {
                if (at == text.length() || breaksBefore(text, at)) {
                    add(null, text.substring(start, at), "");
                    open = false;
                    start = at;
                }
            }
            return this;
        }

        /** The words filled into lines of a column this wide, the first indented so far, the others further. */
        List<String> wrap(int width, int firstIndent, int nextIndent) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder(" ".repeat(firstIndent));
            int used = firstIndent;
            boolean empty = true;
            for (int i = 0; i < plain.size(); i++) {
                String word = plain.get(i);
                if (!empty && used + word.length() > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(" ".repeat(nextIndent));
                    used = nextIndent;
                    empty = true;
                }
                if (used + word.length() > width) { // a word wider than the column: as much as fits, then the rest
                    int fits = Math.max(0, width - used);
                    line.append(word, 0, fits);
                    lines.add(line.toString());
                    plain.set(i, word.substring(fits));
                    painted.set(i, word.substring(fits));
                    line = new StringBuilder(" ".repeat(nextIndent));
                    used = nextIndent;
                    i--;
                    continue;
                }
                line.append(painted.get(i));
                used += word.length();
                empty = false;
            }
            lines.add(line.toString());
            return lines;
        }
    }
}
