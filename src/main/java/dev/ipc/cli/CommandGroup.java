// A group command built in code (ipc sem, msg, shm, fifo, pipe-demo): it lists its members by name only.
package dev.ipc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * picocli builds the model of every subcommand it is given, and reading a member's name from its annotations
 * already costs the annotations' proxies. A group built here knows its members' names, so that a line that
 * names one (ipc sem get ...) builds that member alone; help and the docs get them all, in the order listed.
 */
public final class CommandGroup implements Runnable {
    /** Makes the member of this name, new: a CommandSpec built in code, or an annotated command object. */
    public interface Members {
        Object create(String name);
    }

    private final String[] names;
    private final Members members;
    private CommandSpec spec;

    private CommandGroup(String[] names, Members members) {
        this.names = names.clone();
        this.members = members;
    }

    /**
     * The group's model: -h and -V, COMMAND in the synopsis, exit 2 for bad usage, as mixinStandardHelpOptions
     * and the groups' annotations gave; names in the order help lists them.
     */
    public static CommandSpec spec(String name, String description, Members members, String... names) {
        CommandGroup group = new CommandGroup(names, members);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(group);
        group.spec = spec;
        spec.name(name).exitCodeOnInvalidInput(ExitCodes.USAGE);
        spec.usageMessage().synopsisSubcommandLabel("COMMAND").description(description);
        CommandSpecs.withStandardHelp(spec);
        return spec;
    }

    /** The group of this model, or null when it is not one built here. */
    public static CommandGroup of(Object command) {
        return command instanceof CommandSpec spec && spec.userObject() instanceof CommandGroup group ? group : null;
    }

    /** A new member of this name, or null when the group has none. */
    public Object member(String name) {
        for (String member : names) {
            if (member.equals(name)) {
                return members.create(name);
            }
        }
        return null;
    }

    /** The group with every member, for help, the docs and lines that name no member. */
    public CommandLine withAllMembers() {
        CommandLine group = new CommandLine(spec);
        for (String name : names) {
            group.addSubcommand(name, members.create(name));
        }
        return group;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no " + spec.name() + " command given");
    }
}
