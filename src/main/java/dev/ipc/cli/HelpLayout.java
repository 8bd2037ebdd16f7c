// Lays out help's description and footer for the width at hand: prose reflowed, lists and examples in columns.
package dev.ipc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The texts are written once, pre-broken for 80 columns (a line per array element, or %n): prose paragraphs, and
 * indented lists ("  ipc ls -g   what it shows", with continuation lines under the second column). picocli wraps
 * such lines again at its width, so a narrow terminal got ragged prose and descriptions back at column 0. Here
 * prose is joined and filled to the width (at most {@link #PROSE} columns, for reading), and each list item keeps
 * its first column, its description filling the space right of it, or the lines below when too little is left.
 */
public final class HelpLayout {
    /** The widest help is laid out: lines longer than this are hard to read. */
    public static final int PROSE = 100;
    /** Fewer columns than this right of a list's first column: its description goes below, indented. */
    private static final int NARROWEST = 12;

    private HelpLayout() {
    }

    /** Lays out the description and footer of every command in the tree under root. */
    public static void install(CommandLine root) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = root.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> section(help, help.commandSpec()
                .usageMessage().description()));
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> section(help, help.commandSpec().usageMessage()
                .footer()));
        root.setHelpSectionMap(sections);
        for (CommandLine sub : root.getSubcommands().values()) {
            install(sub);
        }
    }

    private static String section(Help help, String[] texts) {
        return section(texts, help.commandSpec().usageMessage().width());
    }

    /** A description or footer (the lines its model holds) laid out for a help width columns wide. */
    public static String section(String[] texts, int width) {
        StringBuilder joined = new StringBuilder();
        for (String text : texts) {
            joined.append(text.replace("%n", "\n").replace("%%", "%")).append('\n');
        }
        if (joined.length() == 0) {
            return "";
        }
        return layout(joined.toString(), Math.min(PROSE, width));
    }

    /** The text laid out in width columns; every line ends with a newline. */
    public static String layout(String text, int width) {
        StringBuilder out = new StringBuilder();
        List<String> prose = new ArrayList<>();
        Item item = null;
        for (String line : text.split("\n", -1)) {
            int indent = indent(line);
            boolean blank = indent == line.length();
            if (blank || indent == 0) {
                item = flush(out, item, width);
                if (blank) {
                    fill(out, prose, width);
                    out.append('\n');
                } else {
                    if (line.endsWith(":")) { // a heading: the list follows on its own lines
                        fill(out, prose, width);
                    }
                    prose.add(line.strip());
                    if (line.endsWith(":")) {
                        fill(out, prose, width);
                    }
                }
                continue;
            }
            fill(out, prose, width);
            if (item != null && indent > item.indent) {
                item.more(line.strip());
                continue;
            }
            flush(out, item, width);
            item = Item.of(line, indent);
        }
        flush(out, item, width);
        fill(out, prose, width);
        // the split gives one empty line after the last newline
        String laid = out.toString();
        return laid.endsWith("\n\n") ? laid.substring(0, laid.length() - 1) : laid;
    }

    /** One list line: its first column, where its description starts, and the description's words. */
    private static final class Item {
        final int indent;
        final String term;
        final int column;
        final StringBuilder description = new StringBuilder();

        private Item(int indent, String term, int column) {
            this.indent = indent;
            this.term = term;
            this.column = column;
        }

        static Item of(String line, int indent) {
            int gap = line.indexOf("  ", indent);
            if (gap < 0) {
                return new Item(indent, line.strip(), -1);
            }
            int column = indent(line.substring(gap)) + gap;
            Item item = new Item(indent, line.substring(indent, gap), column);
            item.description.append(line.substring(column).strip());
            return item;
        }

        void more(String words) {
            if (column < 0) {
                return;
            }
            description.append(description.length() == 0 ? "" : " ").append(words);
        }
    }

    private static Item flush(StringBuilder out, Item item, int width) {
        if (item == null) {
            return null;
        }
        String lead = " ".repeat(item.indent);
        if (item.column < 0) {
            wrap(out, lead, lead + "    ", item.term, width);
            return null;
        }
        int room = width - item.column;
        if (room >= NARROWEST && longestWord(item.description.toString()) <= room) {
            String first = lead + item.term + " ".repeat(item.column - item.indent - item.term.length());
            wrap(out, first, " ".repeat(item.column), item.description.toString(), width);
        } else {
            wrap(out, lead, lead + "    ", item.term, width);
            String below = " ".repeat(Math.min(item.indent + 6, width / 3));
            wrap(out, below, below, item.description.toString(), width);
        }
        return null;
    }

    private static void fill(StringBuilder out, List<String> prose, int width) {
        if (!prose.isEmpty()) {
            wrap(out, "", "", String.join(" ", prose), width);
            prose.clear();
        }
    }

    /** Words filled into lines of width columns, the first starting with first, the others with next. */
    private static void wrap(StringBuilder out, String first, String next, String words, int width) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : words(words)) {
            if (!empty && line.length() + 1 + word.length() > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(next);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static int longestWord(String words) {
        int longest = 0;
        for (String word : words(words)) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /**
     * The words between runs of blanks, none empty: cut by hand, as split(" +") compiles a regular expression,
     * the first of ipc --help's run (with the JVM's lambda machinery behind it).
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf(' ', at);
            if (end < 0) {
                end = text.length();
            }
            if (end > at) {
                words.add(text.substring(at, end));
            }
            at = end + 1;
        }
        return words;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
