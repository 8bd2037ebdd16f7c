// The options the three tune commands share.
package dev.ipc.tune;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.regex.Pattern;

public final class TuneOptions {
    /**
     * What --persist holds when given without a file: the default file, under the sysctl root. No argument can
     * hold a NUL, so `--persist=` (an unset shell variable) stays an empty FILE and is refused.
     */
    static final String DEFAULT_FILE = "\0";

    @Option(names = "--dry-run", order = 100,
            description = "Check the values and show what would change, and the warnings; change nothing.")
    boolean dryRun;

    @Option(names = "--force", order = 101,
            description = "Set values that lower a limit, even below what is in use now.")
    boolean force;

    @Option(names = "--persist", arity = "0..1", paramLabel = "FILE", order = 102,
            preprocessor = PersistFile.class,
            description = {"Also record the values for the next boot, in FILE or by default in",
                    "  /etc/sysctl.d/60-ipc-limits.conf",
                    "Only its own keys are replaced. Without values, records the current ones. A file read later "
                            + "at boot that sets the same key is named: it would win."})
    String persist;

    @Option(names = "--json", order = 103, description = "Print the limits, or the changes, as JSON.")
    boolean json;

    @Option(names = "--preset", paramLabel = "NAME", order = 104, completionCandidates = PresetNames.class,
            description = "Print the limits a product's installation guide asks for (postgresql, oracle, db2), "
                    + "never lower than now; with --apply, set them.")
    String preset;

    @Option(names = "--connections", paramLabel = "N", order = 105,
            description = "For --preset postgresql: the server's max_connections.")
    String connections;

    @Option(names = "--ram", paramLabel = "SIZE", order = 106,
            description = "For --preset oracle and db2: the memory the formulas take (64G); default: this "
                    + "machine's MemTotal.")
    String ram;

    @Option(names = "--apply", order = 107, description = "With --preset: set the values it prints.")
    boolean apply;

    /**
     * --persist takes an optional FILE, and values follow on the same command line: `--persist 250 32000 100 128`
     * must not save into a file named 250. The next argument is taken as FILE only when it is not a number or a
     * size and not an option; --persist=FILE always is.
     */
    static final class PersistFile implements IParameterPreprocessor {
        private static final Pattern VALUE = Pattern.compile("[0-9]+([KMGTPEkmgtpe](i?[Bb])?|[Bb])?");

        @Override
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec,
                                  Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                if (args.isEmpty() || args.peek().startsWith("-") || VALUE.matcher(args.peek()).matches()) {
                    args.push(DEFAULT_FILE);
                }
            }
            return false;
        }
    }

    /** The presets' names, for completion. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (Preset preset : Preset.values()) {
                names.add(preset.label());
            }
            return names.iterator();
        }
    }
}
