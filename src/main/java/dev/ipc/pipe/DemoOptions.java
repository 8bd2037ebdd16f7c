// Options every pipe demo takes: --trace, --json, --diagram and --timeout.
package dev.ipc.pipe;

import dev.ipc.cli.Durations;
import dev.ipc.demo.DiagramOption;
import picocli.CommandLine.Option;

public final class DemoOptions {
    @Option(names = "--trace",
            description = "Print each system call on stderr as it is made, with what it means in the documents' terms.")
    boolean trace;

    @Option(names = "--json", description = "Print the findings as one JSON object on stdout, for scripts.")
    boolean json;

    @Option(names = "--diagram", description = DiagramOption.HELP)
    boolean diagram;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Longest wait for any child or read; then what still runs is killed. 0: no limit. "
                    + "Default: ${DEFAULT-VALUE}. " + Durations.HELP)
    String timeout;

    private Deadline deadline;

    /** The deadline --timeout sets, counted from the first call (made before the demo starts). */
    Deadline deadline() {
        if (deadline == null) {
            long nanos = Durations.nanos("--timeout", timeout);
            deadline = nanos == 0 ? Deadline.NONE : Deadline.after(nanos);
        }
        return deadline;
    }
}
