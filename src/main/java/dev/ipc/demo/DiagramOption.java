// --diagram, which every demo takes: the run as a Mermaid sequence diagram instead of the transcript.
package dev.ipc.demo;

import picocli.CommandLine.Option;

public final class DiagramOption {
    public static final String HELP = "Print the run as a Mermaid sequence diagram instead of the transcript: a "
            + "participant per process and kernel object, an arrow per call or message, a note per check.";

    @Option(names = "--diagram", description = HELP)
    public boolean diagram;
}
