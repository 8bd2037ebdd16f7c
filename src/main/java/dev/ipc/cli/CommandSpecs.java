// Builders for command models made in code rather than from annotations.
package dev.ipc.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * ipc ls must answer in well under 100 ms. Reading annotations costs picocli about 35 ms of that (reflection,
 * one generated proxy class per annotation type, generic signature parsing), so the root and ls build their
 * models here; picocli parses, validates and prints help for them exactly as for annotated commands.
 */
public final class CommandSpecs {
    /** The descriptions of -h/--help and -V/--version, as mixinStandardHelpOptions words them. */
    public static final String HELP_HELP = "Show this help message and exit.";
    public static final String VERSION_HELP = "Print version information and exit.";

    private CommandSpecs() {
    }

    /** -h/--help and -V/--version, as mixinStandardHelpOptions adds them. */
    public static CommandSpec withStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).order(1000)
                .description(HELP_HELP).build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).order(1001)
                .description(VERSION_HELP).build());
        spec.versionProvider(new VersionProvider());
        return spec;
    }

    /**
     * A leaf command's model, made in the command's constructor: its name, exit 2 for bad usage, options listed
     * in the order added, starting with -h/--help (the version stays on the root, where -V answers for all).
     */
    public static CommandSpec leaf(Object command, String name) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name).exitCodeOnInvalidInput(ExitCodes.USAGE);
        spec.usageMessage().sortOptions(false);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description(HELP_HELP).build());
        return spec;
    }

    /** An option without a value, read after parsing with {@link #given}. */
    public static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).arity("0").type(boolean.class).description(description).build();
    }

    /** An option with one value, kept as the text given and read after parsing with {@link #text}. */
    public static OptionSpec value(String label, String description, String... names) {
        return OptionSpec.builder(names).arity("1").type(String.class).paramLabel(label).description(description)
                .build();
    }

    /** Whether the flag of this name was given. */
    public static boolean given(CommandSpec spec, String name) {
        return Boolean.TRUE.equals(spec.findOption(name).getValue());
    }

    /** The text of the option of this name: as given, else its default value, else null. */
    public static String text(CommandSpec spec, String name) {
        return spec.findOption(name).getValue();
    }

    /** The values picocli's parse gave the model, read when asked for. */
    public static ParsedLine parsed(CommandSpec spec) {
        return new ParsedLine() {
            @Override
            public String text(String option) {
                return CommandSpecs.text(spec, option);
            }

            @Override
            public boolean given(String flag) {
                return CommandSpecs.given(spec, flag);
            }

            @Override
            public boolean matched(String option) {
                return spec.commandLine().getParseResult().hasMatchedOption(option);
            }

            @Override
            public <T> T positional(int index) {
                return spec.positionalParameters().get(index).getValue();
            }
        };
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
}
