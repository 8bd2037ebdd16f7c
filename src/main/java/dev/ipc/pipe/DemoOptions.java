// Options every pipe demo takes: --trace, --json and --timeout.
package dev.ipc.pipe;

import picocli.CommandLine.Option;

public final class DemoOptions {
    @Option(names = "--trace",
            description = "Print each system call on stderr as it is made, with what it means in the documents' terms.")
    boolean trace;

    @Option(names = "--json", description = "Print the findings as one JSON object on stdout, for scripts.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest wait for any child or read; then what still runs is killed. 0: no limit. "
                    + "Default: ${DEFAULT-VALUE}.")
    String timeout;

    private Deadline deadline;

    /** The deadline --timeout sets, counted from the first call (made before the demo starts). */
    Deadline deadline() {
        if (deadline == null) {
            deadline = Deadline.Seconds.deadline("--timeout", timeout);
        }
        return deadline;
    }
}
