// What one `ipc mk` command line asks for, read and checked whole before anything is created.
package dev.ipc.mk;

import dev.ipc.cli.CNumbers;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OrderedOptions.Given;
import dev.ipc.cli.PosixNames;
import dev.ipc.model.PosixResource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * @param sharedMemorySize      -M: bytes of a System V segment (unsigned 64-bit)
 * @param posixSharedMemorySize -m: bytes of a POSIX shared memory object
 * @param queue                 -Q
 * @param posixQueue            -q
 * @param semaphores            -S: semaphores in a System V set
 * @param posixSemaphoreValue   -s: the initial value of a POSIX semaphore
 * @param mode                  -p: permission bits, 0644 unless given
 * @param maxMessages           --maxmsg, 0 for the kernel's default
 * @param messageSize           --msgsize, 0 for the kernel's default
 * @param key                   the key of System V objects: random, given or derived with ftok
 */
record MkRequest(OptionalLong sharedMemorySize, OptionalLong posixSharedMemorySize, boolean queue,
                 boolean posixQueue, OptionalInt semaphores, OptionalInt posixSemaphoreValue, int mode,
                 String name, long maxMessages, long messageSize, KeyChoice key, boolean exclusive, boolean json) {

    static final int DEFAULT_MODE = 0644;

    /** The options of MkCommand, in the order picocli met them. */
    enum Option { SHMEM, POSIX_SHMEM, SEMAPHORE, POSIX_SEMAPHORE, QUEUE, POSIX_MQUEUE, MODE, NAME, MAXMSG, MSGSIZE,
        KEY, KEY_FROM, EXCLUSIVE, JSON }

    boolean anySystemV() {
        return sharedMemorySize.isPresent() || queue || semaphores.isPresent();
    }

    boolean anyPosix() {
        return posixSharedMemorySize.isPresent() || posixQueue || posixSemaphoreValue.isPresent();
    }

    /**
     * Reads values in command-line order, as ipcmk does, so the first bad value is the one reported; a value
     * given twice is replaced, as getopt lets it be. Then checks the combination.
     */
    static MkRequest parse(CommandLine commandLine, List<Given<Option>> options) {
        OptionalLong shm = OptionalLong.empty();
        OptionalLong pshm = OptionalLong.empty();
        boolean msg = false;
        boolean pmsg = false;
        OptionalInt sem = OptionalInt.empty();
        OptionalInt psem = OptionalInt.empty();
        int mode = DEFAULT_MODE;
        String name = null;
        String nameText = null;
        long maxMessages = 0;
        long messageSize = 0;
        KeyChoice key = KeyChoice.random();
        String keyOption = null;
        boolean exclusive = false;
        boolean json = false;
        for (Given<Option> given : options) {
            String value = given.value();
            switch (given.option()) {
                case SHMEM -> shm = OptionalLong.of(CNumbers.sizeOrFail(value, "failed to parse size"));
                case POSIX_SHMEM -> pshm = OptionalLong.of(CNumbers.sizeOrFail(value, "failed to parse size"));
                case SEMAPHORE -> sem = OptionalInt.of(CNumbers.strtos32OrFail(value, "failed to parse elements"));
                case POSIX_SEMAPHORE -> psem = OptionalInt.of(value == null ? 0 : semaphoreValue(value));
                case QUEUE -> msg = true;
                case POSIX_MQUEUE -> pmsg = true;
                case MODE -> mode = mode(value);
                case NAME -> nameText = value;
                case MAXMSG -> maxMessages = positive(value, "failed to parse maximum number of messages");
                case MSGSIZE -> messageSize = positive(value, "failed to parse maximum message size");
                case KEY -> {
                    key = KeyChoice.given(CNumbers.keyOrFail(value, "failed to parse key"));
                    keyOption = sameKeyOption(commandLine, keyOption, "--key");
                }
                case KEY_FROM -> {
                    key = KeyChoice.ftok(value);
                    keyOption = sameKeyOption(commandLine, keyOption, "--key-from");
                }
                case EXCLUSIVE -> exclusive = true;
                case JSON -> json = true;
            }
        }
        boolean systemV = shm.isPresent() || msg || sem.isPresent();
        boolean posix = pshm.isPresent() || pmsg || psem.isPresent();
        if (!systemV && !posix) {
            throw new ParameterException(commandLine, "bad usage");
        }
        if (posix && nameText == null) {
            throw new ParameterException(commandLine, "name is required for POSIX IPC");
        }
        if (!posix && nameText != null) {
            throw new ParameterException(commandLine, "--name applies only to POSIX objects "
                    + "(--posix-shmem, --posix-mqueue, --posix-semaphore)");
        }
        if (!pmsg && (maxMessages != 0 || messageSize != 0)) {
            throw new ParameterException(commandLine, "--maxmsg and --msgsize apply only to --posix-mqueue");
        }
        if (!systemV && keyOption != null) {
            throw new ParameterException(commandLine, keyOption + " applies only to System V objects (-M, -Q, -S)");
        }
        if (nameText != null) {
            // one name for all three kinds, as util-linux 2.41 has it; a semaphore's name is the shortest
            name = PosixNames.normalize(nameText, psem.isPresent() ? PosixResource.SEMAPHORES
                    : pshm.isPresent() ? PosixResource.SHARED_MEMORY : PosixResource.MESSAGE_QUEUES);
        }
        return new MkRequest(shm, pshm, msg, pmsg, sem, psem, mode, name, maxMessages, messageSize, key, exclusive,
                json);
    }

    private static String sameKeyOption(CommandLine commandLine, String previous, String option) {
        if (previous != null && !previous.equals(option)) {
            throw new ParameterException(commandLine, "--key and --key-from exclude each other");
        }
        return option;
    }

    /**
     * Octal permission bits. ipcmk 2.38 reads them with strtoul(.., 8) and, on garbage such as "abc" or "8",
     * prints "failed to parse mode: Success"; this names the value, as util-linux master does, and refuses
     * anything above 07777 where ipcmk silently wraps it.
     */
    private static int mode(String text) {
        CNumbers.Parsed parsed = CNumbers.strtoul(text, 8);
        if (!parsed.complete(text) || parsed.overflow() || parsed.value() < 0 || parsed.value() > 07777) {
            throw IpcException.failure("failed to parse mode: '" + text + "' (expected octal permission bits, "
                    + "such as 0600)");
        }
        return (int) parsed.value();
    }

    /** sem_open's value: 0 to SEM_VALUE_MAX (2147483647). */
    private static int semaphoreValue(String text) {
        int value = CNumbers.strtos32OrFail(text, "failed to parse semaphore value");
        if (value < 0) {
            throw IpcException.failure("failed to parse semaphore value: '" + text + "' (it cannot be negative)");
        }
        return value;
    }

    private static long positive(String text, String message) {
        int value = CNumbers.strtos32OrFail(text, message);
        if (value <= 0) {
            throw IpcException.failure(message + ": '" + text + "' (it must be at least 1)");
        }
        return value;
    }
}
