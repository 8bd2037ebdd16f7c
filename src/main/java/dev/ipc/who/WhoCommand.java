// ipc who: the processes behind IPC objects, for one object, one process or all of them.
package dev.ipc.who;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.Input;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OptionValues;
import dev.ipc.cli.PosixNames;
import dev.ipc.cli.RunContext;
import dev.ipc.model.PosixResource;
import dev.ipc.model.SystemVKind;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.procfs.PosixIpcFiles;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.render.TextBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "who",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {WhoCommand.SUMMARY,
                "With no option: every System V and POSIX object that a process attaches, maps, opens or waits "
                        + "on, or whose creator or last operator still runs. A segment's users are attached "
                        + "(with how many attachments, read-only or not, RSS and PSS), a semaphore set's are "
                        + "waiting (with the operations they wait for), a queue's are sending or receiving (with "
                        + "the type asked for); POSIX objects are mapped, open or waited on. /proc is read once; "
                        + "processes that cannot be read (other users' without root, Yama's ptrace_scope) are "
                        + "named once on stderr, never guessed about."},
        footer = {"", "Reading a POSIX queue's notify process from its file in /dev/mqueue sets the queue's access "
                + "and change times: the kernel offers no other way.",
                "", "Exit status: 0 shown; 1 no such object or process; 2 bad usage."})
public final class WhoCommand implements Callable<Integer> {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Show which processes use IPC objects, and how.";

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = {"-q", "--queue-id"}, paramLabel = "ID", description = "The message queue with this id.")
    String queueId;

    @Option(names = {"-Q", "--queue-key"}, paramLabel = "KEY", description = "The message queue with this key.")
    String queueKey;

    @Option(names = {"-m", "--shmem-id"}, paramLabel = "ID", description = "The shared memory segment with this id.")
    String shmemId;

    @Option(names = {"-M", "--shmem-key"}, paramLabel = "KEY",
            description = "The shared memory segment with this key (also one removed while attached, by the key it "
                    + "was created with).")
    String shmemKey;

    @Option(names = {"-s", "--semaphore-id"}, paramLabel = "ID", description = "The semaphore set with this id.")
    String semaphoreId;

    @Option(names = {"-S", "--semaphore-key"}, paramLabel = "KEY",
            description = "The semaphore set with this key.")
    String semaphoreKey;

    @Option(names = "--posix-shmem", paramLabel = "NAME", description = "The POSIX shared memory object NAME.")
    String posixShmem;

    @Option(names = "--posix-mqueue", paramLabel = "NAME", description = "The POSIX message queue NAME.")
    String posixMqueue;

    @Option(names = "--posix-semaphore", paramLabel = "NAME", description = "The POSIX semaphore NAME.")
    String posixSemaphore;

    @Option(names = {"-p", "--pid"}, paramLabel = "PID", description = "Every object this process uses.")
    String pid;

    @Option(names = "--json", description = "Print JSON: the objects, their users and recorded pids, and the "
            + "processes that could not be inspected.")
    boolean json;

    @Override
    public Integer call() {
        Function<Who, List<UsedObject>> selection = selection();
        RunContext context = RunContext.of(spec);
        SystemPaths paths = context.paths();
        Who who = new Who(paths, IpcUsers.scan(paths, true));
        List<UsedObject> objects = selection.apply(who);
        if (json) {
            WhoRenderer.json(context.out(), objects, who.users());
        } else {
            WhoRenderer.text(context.out(), objects);
        }
        context.out().flush();
        who.users().why().ifPresent(why -> context.warning("could not inspect " + why));
        return ExitCodes.OK;
    }

    /** The one selector given, checked before /proc is read. */
    private Function<Who, List<UsedObject>> selection() {
        List<String> given = new ArrayList<>();
        Function<Who, List<UsedObject>> chosen = Who::everything;
        String[][] systemV = {{queueId, "-q"}, {queueKey, "-Q"}, {shmemId, "-m"}, {shmemKey, "-M"},
                {semaphoreId, "-s"}, {semaphoreKey, "-S"}};
        for (String[] option : systemV) {
            if (option[0] != null) {
                given.add(option[1]);
                chosen = systemV(option[1], option[0]);
            }
        }
        if (posixShmem != null) {
            given.add("--posix-shmem");
            chosen = posix(PosixResource.SHARED_MEMORY, posixShmem);
        }
        if (posixMqueue != null) {
            given.add("--posix-mqueue");
            chosen = posix(PosixResource.MESSAGE_QUEUES, posixMqueue);
        }
        if (posixSemaphore != null) {
            given.add("--posix-semaphore");
            chosen = posix(PosixResource.SEMAPHORES, posixSemaphore);
        }
        if (pid != null) {
            given.add("-p");
            if (!pid.matches("[0-9]{1,10}") || Long.parseLong(pid) < 1 || Long.parseLong(pid) > Integer.MAX_VALUE) {
                throw IpcException.usage("invalid -p '" + pid + "': a pid is a decimal number from 1 to "
                        + Integer.MAX_VALUE);
            }
            int process = Integer.parseInt(pid);
            chosen = who -> {
                if (who.users().process(process).isEmpty()) {
                    throw IpcException.failure("no process " + process);
                }
                List<UsedObject> used = new ArrayList<>();
                for (UsedObject object : who.everything()) {
                    UsedObject its = object.of(process);
                    if (its.inUse()) {
                        used.add(its);
                    }
                }
                return used;
            };
        }
        if (given.size() > 1) {
            throw IpcException.usage("one object or process at a time: " + String.join(" and ", given)
                    + " were given");
        }
        return chosen;
    }

    /** -q, -m, -s ID and -Q, -M, -S KEY: a segment removed while attached also answers to its creation key. */
    private static Function<Who, List<UsedObject>> systemV(String option, String text) {
        SystemVKind kind = switch (option.toLowerCase(Locale.ROOT)) {
            case "-q" -> SystemVKind.QUEUE;
            case "-m" -> SystemVKind.SEGMENT;
            default -> SystemVKind.SEMAPHORE_SET;
        };
        if (Character.isLowerCase(option.charAt(1))) {
            int id = OptionValues.id(text, option);
            return who -> List.of(who.object(kind, o -> o.id() == id, "no " + kind.noun() + " with id " + id));
        }
        int key = key(text, option);
        OptionalLong asKey = OptionalLong.of(key);
        return who -> List.of(who.object(kind, o -> o.key() == key
                        || kind == SystemVKind.SEGMENT && o.key() == 0 && who.users().creationKey(o.id()).equals(asKey),
                "no " + kind.noun() + " with key " + TextBuffer.formatKey(key)));
    }

    private static int key(String text, String option) {
        int key = OptionValues.key(text, option);
        if (key == 0) {
            throw IpcException.usage(option + " " + text + " is IPC_PRIVATE, which names no object: give its id");
        }
        return key;
    }

    private static Function<Who, List<UsedObject>> posix(PosixResource resource, String text) {
        String name = PosixNames.normalize(text, resource);
        Input.path(name.substring(1)); // a name the locale cannot encode names no file: one clear line
        return who -> {
            Optional<PosixIpcFiles.Entry> entry;
            try {
                entry = who.posixFiles().find(resource, name);
            } catch (IOException e) {
                throw IpcException.failure(who.posixFiles().file(resource, name) + ": " + e.getMessage());
            }
            return List.of(who.posix(entry.orElseThrow(
                    () -> IpcException.failure("no " + resource.description() + " " + name))));
        };
    }
}
