// ipc rm: removes IPC objects; a drop-in for ipcrm that never removes more than was asked.
package dev.ipc.rm;

import dev.ipc.cli.Durations;
import dev.ipc.cli.OrderedOptions;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.CommandSpecs;
import dev.ipc.rm.RmRequest.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

public final class RmCommand implements Callable<Integer> {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Remove System V and POSIX IPC objects, as ipcrm(1) does.";

    /** The options of a plain line (see {@link #run(List, ParsedLine, RunContext)}), by the name FastPath knows. */
    private static final Map<String, Option> PLAIN_OPTIONS = Map.of("-m", Option.SHMEM_ID, "-M", Option.SHMEM_KEY,
            "-q", Option.QUEUE_ID, "-Q", Option.QUEUE_KEY, "-s", Option.SEMAPHORE_ID, "-S", Option.SEMAPHORE_KEY,
            "-v", Option.VERBOSE, "--dry-run", Option.DRY_RUN);

    private CommandSpec spec;
    private final OrderedOptions<Option> options = new OrderedOptions<>();
    private final List<String> positionals = new ArrayList<>();

    private RmCommand() {
    }

    /** The model, built in code like ls's: every option records itself in command-line order. */
    public static CommandSpec spec() {
        RmCommand command = new RmCommand();
        OrderedOptions<Option> options = command.options;
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name("rm")
                // ipcrm exits 1 for every error, bad usage included
                .exitCodeOnInvalidInput(1);
        spec.parser().overwrittenOptionsAllowed(true);
        // "ipc rm shm 1 -2": after shm|msg|sem everything is an id, as in ipcrm's old form
        spec.parser().stopAtPositional(true);
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .customSynopsis("ipc rm [OPTION]...", "       ipc rm shm|msg|sem ID...")
                .description(SUMMARY, "")
                .footer("",
                        "Ids are decimal; keys are decimal, 0x hex or 0 octal. Options may repeat; removals "
                                + "happen in command-line order, then --all's. The whole command line is "
                                + "checked first: a mistake anywhere removes nothing (ipcrm removes what comes "
                                + "before it, and reads 'ipcrm -a shm' as 'remove everything' before it "
                                + "complains about 'shm'). A removal that fails is reported and the others go "
                                + "on, as in ipcrm.",
                        "",
                        "--all alone removes the System V objects the caller may read, as ipcrm 2.38 does; "
                                + "POSIX objects go only with --all=pshm, pmsg or psem.",
                        "",
                        "Exit status: 0 when everything asked for was removed, 1 otherwise or on bad usage "
                                + "(as ipcrm).",
                        "",
                        "Examples:",
                        "  ipc rm -q 3 -M 0x1234          queue id 3 and the segment with key 0x1234",
                        "  ipc rm --all=sem --dry-run     which semaphore sets --all=sem would remove",
                        "  ipc rm -a --owner app --orphans  app's objects no live process uses",
                        "  ipc rm --posix-mqueue jobs     the POSIX message queue /jobs");
        spec.addOption(options.value(Option.SHMEM_ID, "ID", "Remove the shared memory segment with this id.",
                "-m", "--shmem-id"));
        spec.addOption(options.value(Option.SHMEM_KEY, "KEY", "Remove the shared memory segment with this key.",
                "-M", "--shmem-key"));
        spec.addOption(options.value(Option.POSIX_SHMEM, "NAME", "Remove the POSIX shared memory object NAME.",
                "--posix-shmem"));
        spec.addOption(options.value(Option.QUEUE_ID, "ID", "Remove the message queue with this id.",
                "-q", "--queue-id"));
        spec.addOption(options.value(Option.QUEUE_KEY, "KEY", "Remove the message queue with this key.",
                "-Q", "--queue-key"));
        spec.addOption(options.value(Option.POSIX_MQUEUE, "NAME", "Remove the POSIX message queue NAME.",
                "--posix-mqueue"));
        spec.addOption(options.value(Option.SEMAPHORE_ID, "ID", "Remove the semaphore set with this id.",
                "-s", "--semaphore-id"));
        spec.addOption(options.value(Option.SEMAPHORE_KEY, "KEY", "Remove the semaphore set with this key.",
                "-S", "--semaphore-key"));
        spec.addOption(options.value(Option.POSIX_SEMAPHORE, "NAME", "Remove the POSIX semaphore NAME.",
                "--posix-semaphore"));
        spec.addOption(options.optionalValue(Option.ALL, "shm|msg|sem|pshm|pmsg|psem",
                "Remove all System V objects, or all of one kind.", "-a", "--all"));
        spec.addOption(options.value(Option.OWNER, "USER",
                "With --all: only objects owned by USER (a name or a uid).", "--owner"));
        spec.addOption(options.value(Option.OLDER_THAN, "DURATION",
                "With --all: only objects last changed at least DURATION ago; 0: any age. " + Durations.HELP,
                "--older-than"));
        spec.addOption(options.flag(Option.ORPHANS,
                "With --all: only objects no live process uses: none attaches or waits on them, and their "
                        + "creator and last operators have exited (a live process that started after the "
                        + "recorded operation is not its author: its pid was reused).", "--orphans"));
        spec.addOption(options.value(Option.PROTECT, "KEY|ID|NAME",
                "With --all: never remove this object (a key, a decimal id or key, or a POSIX name); repeatable.",
                "--protect"));
        spec.addOption(options.value(Option.PROTECT_FILE, "FILE",
                "With --all: never remove the objects FILE names, one key, id or name a line ('#' starts a "
                        + "comment).", "--protect-file"));
        spec.addOption(options.flag(Option.DRY_RUN, "Print what would be removed, and with --orphans why each "
                + "object is or is not an orphan; remove nothing.", "--dry-run"));
        spec.addOption(options.flag(Option.VERBOSE, "Explain what is being done.", "-v", "--verbose"));
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(String[].class).hidden(true)
                .paramLabel("shm|msg|sem ID").setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value instanceof String[] values) {
                            command.positionals.clear();
                            command.positionals.addAll(List.of(values));
                        }
                        return null;
                    }
                }).build());
        CommandSpecs.withStandardHelp(spec);
        return spec;
    }

    @Override
    public Integer call() {
        return remove(RmRequest.parse(spec.commandLine(), options.given(), positionals), RunContext.of(spec));
    }

    /**
     * A plain line of removals by System V id or key (-m -M -q -Q -s -S, -v, --dry-run), parsed without picocli:
     * names are the options in command-line order.
     */
    public static int run(List<String> names, ParsedLine line, RunContext context) {
        return remove(RmRequest.parse(null, OrderedOptions.plain(names, line, PLAIN_OPTIONS), List.of()), context);
    }

    private static int remove(RmRequest request, RunContext context) {
        if (request.changesPosixFiles()) {
            context.refusePosixFilesInOtherNamespace();
        }
        Remover remover = new Remover(request, context);
        return remover.run() == 0 ? 0 : 1;
    }
}
