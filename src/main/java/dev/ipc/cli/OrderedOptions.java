// Options that a command reads in command-line order, as getopt-based C tools do.
package dev.ipc.cli;

import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ipcmk and ipcrm act on each option as getopt returns it: the first bad value is the one reported, a repeated
 * option replaces or adds, and removals happen in the order given. A command built in code gives each of its
 * options a setter from here; picocli calls it once per occurrence, and the command then reads {@link #given()}
 * in that order.
 *
 * @param <O> the command's enum of options
 */
public final class OrderedOptions<O extends Enum<O>> {
    /** The fallback value of an option whose value is optional; it reaches {@link #given()} as null. */
    private static final String NO_VALUE = "\0";

    /** One occurrence: the option and its text, null for a flag or an optional value left out. */
    public record Given<O>(O option, String value) {
    }

    private final List<Given<O>> given = new ArrayList<>();

    public List<Given<O>> given() {
        return given;
    }

    /**
     * The occurrences of a plain line that dev.ipc.FastPath parsed without picocli: names are its options in
     * command-line order, each a key of options; their values are read from line (null for a flag).
     */
    public static <O extends Enum<O>> List<Given<O>> plain(List<String> names, ParsedLine line, Map<String, O> options) {
        List<Given<O>> given = new ArrayList<>(names.size());
        for (String name : names) {
            O option = options.get(name);
            if (option == null) {
                throw new IllegalArgumentException("not a plain option here: " + name);
            }
            given.add(new Given<>(option, line.text(name)));
        }
        return given;
    }

    /** An option with one value, kept as the text given. */
    public OptionSpec value(O option, String label, String description, String... names) {
        return CommandSpecs.value(setter(option), label, description, names);
    }

    /** An option without a value. */
    public OptionSpec flag(O option, String description, String... names) {
        return CommandSpecs.flag(setter(option), description, names);
    }

    /** An option whose value may be left out (-a, --all=shm). */
    public OptionSpec optionalValue(O option, String label, String description, String... names) {
        return OptionSpec.builder(names).arity("0..1").type(String.class).paramLabel(label).fallbackValue(NO_VALUE)
                .setter(setter(option)).description(description).build();
    }

    private ISetter setter(O option) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                // picocli first resets each option to its initial value (null, false): that is no occurrence
                if (value != null && !Boolean.FALSE.equals(value)) {
                    given.add(new Given<>(option, value instanceof String text && !text.equals(NO_VALUE)
                            ? text : null));
                }
                return null;
            }
        };
    }
}
