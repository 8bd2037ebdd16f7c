// --trace, --json and --diagram, which every demo takes, and the DemoRun.Output they choose.
package dev.ipc.demo;

import dev.ipc.cli.IpcException;
import dev.ipc.cli.RunContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

public final class DemoOutputOptions {
    public static final String TRACE_HELP = "Print each system call on stderr as it is made, as strace writes it, "
            + "\"process: call = result\".";
    public static final String JSON_HELP = "Print the findings as one JSON object on stdout, for scripts.";
    public static final String DIAGRAM_HELP = "Print the run as a Mermaid sequence diagram instead of the "
            + "transcript: a participant per process and kernel object, an arrow per call or message, a note per "
            + "check.";

    @Option(names = "--trace", description = TRACE_HELP)
    public boolean trace;

    @Option(names = "--json", description = JSON_HELP)
    public boolean json;

    @Option(names = "--diagram", description = DIAGRAM_HELP)
    public boolean diagram;

    /**
     * A run of the demo named name ("sem demo") to the output these options choose, on the command's writers, in
     * its run's environment; --json with --diagram is a usage error.
     */
    public DemoRun run(CommandSpec spec, String name, String... intro) {
        if (json && diagram) {
            throw IpcException.usage("--json and --diagram cannot be used together");
        }
        return new DemoRun(new DemoRun.Output(spec.commandLine().getOut(), spec.commandLine().getErr(), trace, json,
                diagram), RunContext.of(spec).environment(), name, intro);
    }
}
