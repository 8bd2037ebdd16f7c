// The options of the FIFO server's clients (send, bench): where the server is, and how long to wait for it.
package dev.ipc.fifo;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.Durations;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

final class ClientOptions {
    private static final String DIR_HELP =
            "The server's folder (default $XDG_RUNTIME_DIR/ipc-fifo, else /tmp/ipc-fifo-UID).";
    private static final String SHARED_HELP =
            "Talk to a server of another user of the folder's group: our FIFO gets mode 0620.";
    private static final String TIMEOUT_HELP =
            "Give up on a request without a reply after DURATION; 0: do not wait, fail at once unless the "
                    + "reply is there (default ${DEFAULT-VALUE}). " + Durations.HELP;

    @Option(names = "--dir", paramLabel = "DIR", description = DIR_HELP)
    Path directory;

    @Option(names = "--shared", description = SHARED_HELP)
    boolean shared;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", description = TIMEOUT_HELP)
    String timeout;

    /** The model built in code whose options hold the values; null for an annotated command's mixin. */
    private CommandSpec spec;

    /** Adds --dir, --shared and --timeout to a model built in code; read after parsing. */
    static ClientOptions addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--dir").arity("1").type(Path.class).paramLabel("DIR")
                .description(DIR_HELP).build());
        spec.addOption(CommandSpecs.flag(SHARED_HELP, "--shared"));
        spec.addOption(OptionSpec.builder("--timeout").arity("1").type(String.class).paramLabel("DURATION")
                .defaultValue("5s").description(TIMEOUT_HELP).build());
        ClientOptions options = new ClientOptions();
        options.spec = spec;
        return options;
    }

    /** The server's folder: --dir, else the default folder of this environment. */
    Path directory(Map<String, String> environment) {
        return FifoProtocol.directory(spec == null ? directory : spec.findOption("--dir").<Path>getValue(), environment);
    }

    boolean shared() {
        return spec == null ? shared : CommandSpecs.given(spec, "--shared");
    }

    String timeout() {
        return spec == null ? timeout : CommandSpecs.text(spec, "--timeout");
    }

    /** Checked before anything is made; 0 means no waiting, as msg recv's --timeout 0. */
    long timeoutNanos() {
        return Durations.nanos("--timeout", timeout());
    }
}
