// ipc ls: lists IPC objects; a drop-in for ipcs, with lsipc's structured output and POSIX IPC on top.
package dev.ipc.ls;

import dev.ipc.cli.CommaList;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.CommandSpecs;
import dev.ipc.render.TextBuffer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

public final class LsCommand implements Callable<Integer> {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "List System V IPC objects exactly as ipcs(1) prints them.";

    private CommandSpec spec;
    private final LsOptions.Builder options = new LsOptions.Builder();

    private LsCommand() {
    }

    /** The model, built in code because ls is start-up critical (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        LsCommand command = new LsCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name("ls")
                // ipcs exits 1 for an unknown option or a missing argument; scripts rely on it.
                .exitCodeOnInvalidInput(1);
        // getopt lets an option repeat (ipcs -q -q, -i 1 -i 2): the last value wins.
        spec.parser().overwrittenOptionsAllowed(true);
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description(SUMMARY, "")
                .footer("",
                        "Exit status: 0 on success, also when -i names no object (as ipcs); "
                                + "1 on bad usage or failure.",
                        "",
                        "Examples:",
                        "  ipc ls                   all queues, segments and semaphore sets",
                        "  ipc ls -m -t             segments with attach, detach and change times",
                        "  ipc ls -s -i 3           semaphore set 3 with each semaphore's value",
                        "  ipc ls -l                the kernel's limits",
                        "  ipc ls -g                lsipc's limits table, with use in percent",
                        "  ipc ls --json -m         segments as JSON",
                        "  ipc ls -o +CUSER,CTIME   also the creator and the change time",
                        "  ipc ls --posix           POSIX queues, shared memory and semaphores",
                        "",
                        "Any of -g, -Q, -M, -S, --posix, -N, -J, -e, -r, -n, -y, --list, --noheadings, "
                                + "--notruncate, -o, -P, --time-format switches to lsipc's output, byte for byte that "
                                + "of lsipc 2.38: -t, -c, -p then add columns, -l is lsipc's --list, -u shows the "
                                + "limits table, and -i shows one object a line per column. On a terminal (see --color), -g shows limits 90%% used in yellow and full ones "
                                + "in red, and segments marked for destruction are red.",
                        "",
                        "Columns (-o):");
        List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
        for (Column column : Column.values()) {
            // picocli runs footers through String.format: a literal % must be doubled
            footer.add(new TextBuffer().append("  ").left(column.header(), 13).append(column.help()).toString()
                    .replace("%", "%%"));
        }
        spec.usageMessage().footer(footer.toArray(new String[0]));
        for (LsOption option : LsOption.values()) {
            spec.addOption(optionSpec(command, option));
        }
        // ipcs ignores arguments that are not options; so does ls.
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").hidden(true).type(String[].class)
                .paramLabel("IGNORED").build());
        CommandSpecs.withStandardHelp(spec);
        return spec;
    }

    private static OptionSpec optionSpec(LsCommand command, LsOption option) {
        ISetter setter = new Setter(command.options, option);
        if (!option.takesValue()) {
            return CommandSpecs.flag(setter, option.description(), option.names());
        }
        OptionSpec spec = CommandSpecs.value(setter, option.valueLabel(), option.description(), option.names());
        return switch (option) {
            case OUTPUT -> spec.toBuilder().completionCandidates(new CommaList(columnHeaders())).build();
            case TIME_FORMAT -> spec.toBuilder().completionCandidates(List.of("short", "full", "iso")).build();
            default -> spec;
        };
    }

    private static List<String> columnHeaders() {
        List<String> headers = new ArrayList<>();
        for (Column column : Column.values()) {
            headers.add(column.header());
        }
        return headers;
    }

    /** Hands each option to the builder as picocli meets it, so that the last format and unit given win. */
    private record Setter(LsOptions.Builder options, LsOption option) implements ISetter {
        @Override
        public <T> T set(T value) {
            if (value == null || Boolean.FALSE.equals(value)) {
                return null; // picocli resets every option to its initial value before parsing
            }
            options.apply(option, option.takesValue() ? (String) value : null);
            return null;
        }
    }

    @Override
    public Integer call() {
        return run(options.build(), RunContext.of(spec));
    }

    /** Lists what the options ask for, in ipcs's or lsipc's conventions; returns the exit code. */
    public static int run(LsOptions options, RunContext context) {
        if (options.allNamespaces()) {
            return new AllNamespacesListing(options, context).print();
        }
        if (options.lsipc()) {
            return new StructuredListing(StructuredRequest.of(options), context).print();
        }
        return new IpcsListing(options, context).print();
    }
}
