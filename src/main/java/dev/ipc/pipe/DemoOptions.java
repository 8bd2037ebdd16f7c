// Options every pipe demo takes: --trace, --json, --diagram and --timeout.
package dev.ipc.pipe;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.Durations;
import dev.ipc.cli.ParsedLine;
import dev.ipc.demo.DemoOutputOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

public final class DemoOptions {
    private static final String TRACE_HELP =
            "Print each system call on stderr as it is made, with what it means in the documents' terms.";
    private static final String TIMEOUT_HELP = "Longest wait for any child or read; then what still runs is killed. "
            + "0: no limit. Default: ${DEFAULT-VALUE}. " + Durations.HELP;

    @Option(names = "--trace", description = TRACE_HELP)
    boolean trace;

    @Option(names = "--json", description = DemoOutputOptions.JSON_HELP)
    boolean json;

    @Option(names = "--diagram", description = DemoOutputOptions.DIAGRAM_HELP)
    boolean diagram;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = TIMEOUT_HELP)
    String timeout;

    /** The line that holds the values (a model built in code, or a plain line); null for an annotated mixin. */
    private ParsedLine line;

    private Deadline deadline;

    /** Adds --trace, --json, --diagram and --timeout to a demo's model built in code; read after parsing. */
    static DemoOptions addTo(CommandSpec spec) {
        spec.addOption(CommandSpecs.flag(TRACE_HELP, "--trace"));
        spec.addOption(CommandSpecs.flag(DemoOutputOptions.JSON_HELP, "--json"));
        spec.addOption(CommandSpecs.flag(DemoOutputOptions.DIAGRAM_HELP, "--diagram"));
        spec.addOption(OptionSpec.builder("--timeout").arity("1").type(String.class).paramLabel("DURATION")
                .defaultValue("30s").description(TIMEOUT_HELP).build());
        return of(CommandSpecs.parsed(spec));
    }

    /** The options of a line that holds --trace, --json, --diagram and --timeout. */
    static DemoOptions of(ParsedLine line) {
        DemoOptions options = new DemoOptions();
        options.line = line;
        return options;
    }

    boolean trace() {
        return line == null ? trace : line.given("--trace");
    }

    boolean json() {
        return line == null ? json : line.given("--json");
    }

    boolean diagram() {
        return line == null ? diagram : line.given("--diagram");
    }

    /** The deadline --timeout sets, counted from the first call (made before the demo starts). */
    Deadline deadline() {
        if (deadline == null) {
            long nanos = Durations.nanos("--timeout", line == null ? timeout : line.text("--timeout"));
            deadline = nanos == 0 ? Deadline.NONE : Deadline.after(nanos);
        }
        return deadline;
    }
}
