// Builders for command models made in code rather than from annotations.
package dev.ipc.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.function.Consumer;

/**
 * ipc ls must answer in well under 100 ms. Reading annotations costs picocli about 35 ms of that (reflection,
 * one generated proxy class per annotation type, generic signature parsing), so the root and ls build their
 * models here; picocli parses, validates and prints help for them exactly as for annotated commands.
 */
public final class Specs {
    private Specs() {
    }

    /** -h/--help and -V/--version, as mixinStandardHelpOptions adds them. */
    public static CommandSpec withStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).order(1000)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).order(1001)
                .description("Print version information and exit.").build());
        spec.versionProvider(new VersionProvider());
        return spec;
    }

    /** An option without a value; the setter runs once for each time it is given, in command-line order. */
    public static OptionSpec flag(ISetter setter, String description, String... names) {
        return OptionSpec.builder(names).arity("0").type(boolean.class).setter(setter).description(description)
                .build();
    }

    /** An option with one value, kept as the text given: commands parse it themselves for exact messages. */
    public static OptionSpec value(ISetter setter, String label, String description, String... names) {
        return OptionSpec.builder(names).arity("1").type(String.class).paramLabel(label).setter(setter)
                .description(description).build();
    }

    /** The fallback value of an option whose value is optional: {@link #inOrder} passes null for it. */
    public static final String NO_VALUE = "\0";

    /**
     * A setter that hands each occurrence of an option to sink as picocli meets it, so that a command can read
     * its options in command-line order as getopt-based tools do: the value's text, or null for a flag or an
     * optional value left out. picocli's reset to the initial value before parsing is not passed on.
     */
    public static ISetter inOrder(Consumer<String> sink) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                if (value != null && !Boolean.FALSE.equals(value)) {
                    sink.accept(value instanceof String text && !text.equals(NO_VALUE) ? text : null);
                }
                return null;
            }
        };
    }

    /** An option with an optional value, handed to an {@link #inOrder} setter. */
    public static OptionSpec optionalValue(ISetter setter, String label, String description, String... names) {
        return OptionSpec.builder(names).arity("0..1").type(String.class).paramLabel(label).fallbackValue(NO_VALUE)
                .setter(setter).description(description).build();
    }
}
