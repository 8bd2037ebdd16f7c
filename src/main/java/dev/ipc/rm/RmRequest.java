// What one `ipc rm` command line asks to remove, read and checked whole before anything is removed.
package dev.ipc.rm;

import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.CNumbers;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OrderedOptions.Given;
import dev.ipc.cli.PosixNames;
import dev.ipc.model.PosixResource;
import dev.ipc.model.SystemVKind;
import dev.ipc.model.SystemVObject;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ipcrm removes while it parses: by the time it finds a bad argument it has removed what came before, and
 * "ipcrm -a shm" (a space, not -ashm) removes every object before it complains about "shm". Here every
 * argument is read first; a command line with any mistake removes nothing.
 *
 * @param targets       ids, keys and names, in command-line order
 * @param systemVAll    the System V kinds --all names, removed after the targets in ipcrm's order
 * @param posixAll      the POSIX kinds --all=pshm|pmsg|psem names
 * @param legacy        the old form "ipc rm shm|msg|sem ID...", which prints "resource(s) deleted"
 */
record RmRequest(List<Target> targets, Set<SystemVKind> systemVAll, Set<PosixResource> posixAll,
                 AllFilter filter, boolean verbose, boolean dryRun, boolean legacy) {

    /** Whether it removes POSIX shared memory or semaphores: files of /dev/shm, not of an IPC namespace. */
    boolean changesPosixFiles() {
        boolean named = false;
        for (Target target : targets) { // a loop, not a stream: a removal by id links no lambda
            named |= target instanceof ByName byName && byName.resource() != PosixResource.MESSAGE_QUEUES;
        }
        return named || posixAll.contains(PosixResource.SHARED_MEMORY) || posixAll.contains(PosixResource.SEMAPHORES);
    }

    /** One object named on the command line, or chosen by --all's listing. */
    sealed interface Target permits ById, ByKey, ByName, Listed {
    }

    record ById(SystemVKind resource, int id) implements Target {
    }

    /** text is the key as given: ipcrm's messages repeat it. */
    record ByKey(SystemVKind resource, int key, String text) implements Target {
    }

    record ByName(PosixResource resource, String name) implements Target {
    }

    /** A System V object as --all listed it: removed only while it is still that object. */
    record Listed(SystemVKind resource, SystemVObject object) implements Target {
    }

    /** The options of RmCommand, in the order picocli met them. */
    enum Option { SHMEM_ID, SHMEM_KEY, QUEUE_ID, QUEUE_KEY, SEMAPHORE_ID, SEMAPHORE_KEY, POSIX_SHMEM, POSIX_MQUEUE,
        POSIX_SEMAPHORE, ALL, VERBOSE, DRY_RUN, OWNER, OLDER_THAN, ORPHANS, PROTECT, PROTECT_FILE }

    static RmRequest parse(CommandLine commandLine, List<Given<Option>> options, List<String> positionals) {
        List<Target> targets = new ArrayList<>();
        Set<SystemVKind> systemVAll = EnumSet.noneOf(SystemVKind.class);
        Set<PosixResource> posixAll = EnumSet.noneOf(PosixResource.class);
        boolean verbose = false;
        boolean dryRun = false;
        boolean anyOtherOption = false;
        AllFilter.Builder filter = new AllFilter.Builder();
        for (Given<Option> given : options) {
            String value = given.value();
            anyOtherOption |= given.option() != Option.DRY_RUN;
            switch (given.option()) {
                case SHMEM_ID -> targets.add(new ById(SystemVKind.SEGMENT, id(value)));
                case QUEUE_ID -> targets.add(new ById(SystemVKind.QUEUE, id(value)));
                case SEMAPHORE_ID -> targets.add(new ById(SystemVKind.SEMAPHORE_SET, id(value)));
                case SHMEM_KEY -> targets.add(new ByKey(SystemVKind.SEGMENT, key(value), value));
                case QUEUE_KEY -> targets.add(new ByKey(SystemVKind.QUEUE, key(value), value));
                case SEMAPHORE_KEY -> targets.add(new ByKey(SystemVKind.SEMAPHORE_SET, key(value), value));
                case POSIX_SHMEM -> targets.add(name(PosixResource.SHARED_MEMORY, value));
                case POSIX_MQUEUE -> targets.add(name(PosixResource.MESSAGE_QUEUES, value));
                case POSIX_SEMAPHORE -> targets.add(name(PosixResource.SEMAPHORES, value));
                case ALL -> all(commandLine, value, systemVAll, posixAll);
                case VERBOSE -> verbose = true;
                case DRY_RUN -> dryRun = true;
                case OWNER -> filter.owner(value);
                case OLDER_THAN -> filter.olderThan(value);
                case ORPHANS -> filter.orphans();
                case PROTECT -> filter.protect(value);
                case PROTECT_FILE -> filter.protectFile(value);
            }
        }
        boolean removesAll = !systemVAll.isEmpty() || !posixAll.isEmpty();
        if (!positionals.isEmpty()) {
            if (anyOtherOption) {
                String word = positionals.get(0);
                throw new ParameterException(commandLine, ErrorReporter.unknownWord(commandLine, word,
                        "unknown argument: " + word));
            }
            return legacy(commandLine, positionals, dryRun);
        }
        if (targets.isEmpty() && !removesAll) {
            throw new ParameterException(commandLine, "bad usage");
        }
        AllFilter built = filter.build(commandLine, removesAll, !systemVAll.isEmpty(), !posixAll.isEmpty());
        return new RmRequest(targets, systemVAll, posixAll, built, verbose, dryRun, false);
    }

    /** ipc rm shm|msg|sem ID...: ids read with strtoul, as ipcrm's old form reads them. */
    private static RmRequest legacy(CommandLine commandLine, List<String> positionals, boolean dryRun) {
        SystemVKind resource = switch (positionals.get(0)) {
            case "shm" -> SystemVKind.SEGMENT;
            case "msg" -> SystemVKind.QUEUE;
            case "sem" -> SystemVKind.SEMAPHORE_SET;
            default -> throw new ParameterException(commandLine, "unknown argument: " + positionals.get(0));
        };
        if (positionals.size() < 2) {
            throw new ParameterException(commandLine, "not enough arguments");
        }
        List<Target> targets = new ArrayList<>();
        for (String text : positionals.subList(1, positionals.size())) {
            CNumbers.Parsed parsed = CNumbers.strtoul(text, 10);
            // strtoul reads "" as 0 without complaint, so ipcrm shm '' removes segment 0; not here
            if (!parsed.complete(text) || parsed.overflow()) {
                throw IpcException.failure("invalid id: " + (text.isEmpty() ? "''" : text));
            }
            targets.add(new ById(resource, (int) parsed.value()));
        }
        return new RmRequest(targets, EnumSet.noneOf(SystemVKind.class), EnumSet.noneOf(PosixResource.class),
                AllFilter.NONE, false, dryRun, true);
    }

    private static int id(String text) {
        return CNumbers.strtos32OrFail(text, "failed to parse argument");
    }

    /** Key 0 is IPC_PRIVATE: no object can be found by it (ipcrm: "illegal key"). */
    private static int key(String text) {
        int key = CNumbers.keyOrFail(text, "failed to parse argument");
        if (key == 0) {
            throw IpcException.failure("illegal key (" + text + ")");
        }
        return key;
    }

    private static ByName name(PosixResource resource, String text) {
        return new ByName(resource, PosixNames.normalize(text, resource));
    }

    /**
     * --all, --all=TYPE, -aTYPE and, unlike ipcrm 2.38, -a TYPE (picocli hands the next argument over as the
     * value when it is no option) and -a=TYPE (as 2.41). Repeated, the kinds add up. --all alone means the
     * three System V kinds, as in 2.38; POSIX objects only when named, since /dev/shm holds other programs'
     * files too.
     */
    private static void all(CommandLine commandLine, String type, Set<SystemVKind> systemV,
            Set<PosixResource> posix) {
        if (type == null) {
            systemV.addAll(EnumSet.allOf(SystemVKind.class));
            return;
        }
        for (SystemVKind resource : SystemVKind.values()) {
            if (resource.shortName().equals(type)) {
                systemV.add(resource);
                return;
            }
        }
        for (PosixResource resource : PosixResource.values()) {
            if (resource.shortName().equals(type)) {
                posix.add(resource);
                return;
            }
        }
        // "-a --orphan": picocli hands a word it does not know over as -a's value; other words keep ipcrm's line
        String unknown = "unknown argument: " + type;
        throw IpcException.failure(type.startsWith("-") ? ErrorReporter.unknownWord(commandLine, type, unknown)
                : unknown);
    }
}
