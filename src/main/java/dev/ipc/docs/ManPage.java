// Writes a man page (roff, man macros) for one command of the tree: `ipc.1`, `ipc-ls.1`, `ipc-sem-tune.1`.
package dev.ipc.docs;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Written straight from the picocli model rather than through AsciiDoc: the pages come out the same on every
 * machine (no generator stamp, no date), and `man -l` shows them as help2man-style pages with options, examples
 * and exit status. Sections whose footer titles are ENVIRONMENT, FILES or NOTES become sections of their own.
 */
final class ManPage {
    private static final Set<String> OWN_SECTIONS = Set.of("ENVIRONMENT", "FILES", "NOTES", "BUGS");
    private static final Pattern START_OF_LINE_CONTROL = Pattern.compile("(?m)^([.'])");
    private static final Pattern PAGE_REFERENCE = Pattern.compile("\\b([a-z][a-z0-9_.-]*)\\(([1-8])\\)");

    private final CommandLine command;
    private final CommandSpec spec;
    private final String version;
    private final StringBuilder roff = new StringBuilder(4096);
    private final Set<String> seeAlso = new LinkedHashSet<>();

    private ManPage(CommandLine command, String version) {
        this.command = command;
        this.spec = command.getCommandSpec();
        this.version = version;
    }

    /** The page's file name: the command's words joined by '-', section 1. */
    static String fileName(CommandLine command) {
        return pageName(command) + ".1";
    }

    static String pageName(CommandLine command) {
        return command.getCommandSpec().qualifiedName("-");
    }

    static String of(CommandLine command, String version) {
        return new ManPage(command, version).write();
    }

    private String write() {
        String page = pageName(command);
        CommandText.Footer footer = CommandText.footer(spec);
        line("'\\\" t");
        line(".\\\" " + page + "(1): generated from the command tree by dev.ipc.docs (scripts/generate-docs).");
        line(".\\\" Edit the command's description, options and footer, not this file.");
        line(".TH " + quote(page.toUpperCase(Locale.ROOT)) + " 1 \"\" " + quote(version) + " \"User Commands\"");
        section("NAME");
        String summary = CommandText.summary(spec);
        line(escape(page) + " \\- " + escape(summary.endsWith(".") ? summary.substring(0, summary.length() - 1)
                : summary));
        synopsis();
        description(footer);
        arguments();
        options();
        subcommands();
        for (CommandText.Block block : footer.blocks()) {
            if (block.title() != null && OWN_SECTIONS.contains(block.title().toUpperCase(Locale.ROOT))) {
                section(block.title().toUpperCase(Locale.ROOT));
                entries(block.entries(), false);
            }
        }
        section("EXIT STATUS");
        text(CommandText.exitStatus(spec, footer));
        String schema = Generate.jsonSchema(spec);
        if (schema != null) {
            section("JSON OUTPUT");
            text("With --json the output is described by the JSON Schema " + schema + " (draft 2020-12) in the "
                    + "source tree, and speaks ipc's JSON vocabulary (docs/json/README.md), the same in every "
                    + "command: a key as \"0x00001234\" with its key_number, perms with their octal mode, owners "
                    + "as ids with names, times in ISO 8601 (null when never), sizes in bytes, durations in seconds. "
                    + "Sizes and limits are exact integers, beyond 2^53 too (the default shmmax is "
                    + "18446744073692774399): read them as integers of arbitrary precision, not as floats.");
        }
        if (!footer.examples().isEmpty()) {
            section("EXAMPLES");
            entries(footer.examples(), true);
        }
        seeAlso();
        return roff.toString();
    }

    private void synopsis() {
        section("SYNOPSIS");
        line(".nh");
        line(".ad l");
        List<String> lines = new ArrayList<>();
        String[] custom = spec.usageMessage().customSynopsis();
        if (custom.length > 0) {
            for (String line : CommandText.lines(custom)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("Usage:")) {
                    trimmed = trimmed.substring("Usage:".length()).trim();
                }
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
            }
        } else {
            // picocli's own synopsis, on one line: roff fills it to the reader's width.
            boolean autoWidth = spec.usageMessage().autoWidth();
            int width = spec.usageMessage().width();
            spec.usageMessage().autoWidth(false).width(10_000);
            Help help = new Help(spec, new Help.ColorScheme.Builder(Ansi.OFF).build());
            lines.add(help.synopsis(0).trim().replaceAll("\\s+", " "));
            spec.usageMessage().width(width).autoWidth(autoWidth);
        }
        String name = spec.qualifiedName();
        boolean first = true;
        for (String line : lines) {
            if (!first) {
                line(".br");
            }
            first = false;
            if (line.startsWith(name)) {
                line("\\fB" + escape(name) + "\\fR" + escape(line.substring(name.length())));
            } else {
                line(escape(line));
            }
        }
        line(".ad");
        line(".hy");
    }

    private void description(CommandText.Footer footer) {
        section("DESCRIPTION");
        List<CommandText.Block> blocks = new ArrayList<>(CommandText.blocks(spec.usageMessage().description()));
        blocks.addAll(footer.blocks());
        for (CommandText.Block block : blocks) {
            if (block.paragraph() != null) {
                paragraph(block.paragraph());
            } else if (block.title() == null) {
                line(".RS"); // a list that belongs to the paragraph above it
                entries(block.entries(), false);
                line(".RE");
            } else if (!OWN_SECTIONS.contains(block.title().toUpperCase(Locale.ROOT))) {
                line(".SS " + quote(block.title()));
                entries(block.entries(), false);
            }
        }
    }

    private void arguments() {
        List<PositionalParamSpec> shown = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                shown.add(positional);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        section("ARGUMENTS");
        for (PositionalParamSpec positional : shown) {
            line(".TP");
            line("\\fI" + escape(positional.paramLabel()) + "\\fR");
            text(String.join(" ", CommandText.paragraphs(positional.description())));
        }
    }

    private void options() {
        List<OptionSpec> shown = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                shown.add(option);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        section("OPTIONS");
        for (OptionSpec option : shown) {
            line(".TP");
            StringBuilder names = new StringBuilder();
            for (String name : option.names()) {
                names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(escape(name)).append("\\fR");
            }
            if (CommandText.takesValue(option)) {
                String label = "\\fI" + escape(option.paramLabel()) + "\\fR";
                names.append(option.arity().min() == 0 ? "[=" + label + "]" : "=" + label);
            }
            line(names.toString());
            text(String.join(" ", CommandText.paragraphs(option.description())));
        }
    }

    private void subcommands() {
        if (command.getSubcommands().isEmpty()) {
            return;
        }
        section("COMMANDS");
        for (String name : CommandText.subcommandNames(command)) {
            CommandLine sub = command.getSubcommands().get(name);
            line(".TP");
            line("\\fB" + escape(name) + "\\fR");
            String summary = CommandText.summary(sub.getCommandSpec());
            if (CommandText.isHelp(sub)) {
                text(summary);
            } else {
                text(summary + " See " + pageName(sub) + "(1).");
                seeAlso.add(pageName(sub) + "(1)");
            }
        }
    }

    private void seeAlso() {
        Set<String> pages = new LinkedHashSet<>();
        for (CommandLine parent = command.getParent(); parent != null; parent = parent.getParent()) {
            pages.add(pageName(parent) + "(1)");
        }
        // ipc's own pages first, then the others (ipcs(1), lsipc(1)) in the order the text names them
        for (String page : seeAlso) {
            if (page.startsWith("ipc-") || page.startsWith("ipc(")) {
                pages.add(page);
            }
        }
        pages.addAll(seeAlso);
        pages.remove(pageName(command) + "(1)");
        if (pages.isEmpty()) {
            return;
        }
        section("SEE ALSO");
        List<String> references = new ArrayList<>();
        for (String page : pages) {
            int open = page.indexOf('(');
            references.add("\\fB" + escape(page.substring(0, open)) + "\\fR" + page.substring(open));
        }
        line(String.join(",\n", references));
    }

    /** A list of terms with their text; examples set the term in bold as a command to type. */
    private void entries(List<CommandText.Entry> entries, boolean commands) {
        // Examples stand apart; other lists (columns, variables) are compact tables with their terms' width.
        int width = 0;
        for (CommandText.Entry entry : entries) {
            width = Math.max(width, entry.term().length());
        }
        width = Math.min(width + 2, 16);
        if (!commands) {
            line(".PD 0");
        }
        for (CommandText.Entry entry : entries) {
            line(commands ? ".TP" : ".TP " + width);
            line((commands ? "\\fB" : "\\fI") + escape(entry.term()) + "\\fR");
            if (commands) {
                line(".br"); // the text under the command, however short the command
            }
            text(entry.text().isEmpty() ? "\\&" : entry.text());
        }
        if (!commands) {
            line(".PD");
        }
    }

    private void paragraph(String text) {
        line(".PP");
        text(text);
    }

    /** Running text: escaped, with references to other pages noted for SEE ALSO. */
    private void text(String text) {
        Matcher references = PAGE_REFERENCE.matcher(text);
        while (references.find()) {
            seeAlso.add(references.group(1) + "(" + references.group(2) + ")");
        }
        line(text.equals("\\&") ? text : escape(text));
    }

    private void section(String name) {
        line(".SH " + quote(name));
    }

    private void line(String line) {
        roff.append(line).append('\n');
    }

    private static String quote(String text) {
        return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
    }

    /** Text as roff reads it literally: backslashes and hyphens escaped, no control character at a line start. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return START_OF_LINE_CONTROL.matcher(escaped).replaceAll("\\\\&$1");
    }
}
