// Semaphore numbers and values as commands take them, checked against the set and SEMVMX.
package dev.ipc.sem;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SemaphoreLimits;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.util.Decimal;

final class SemaphoreNumbers {
    private SemaphoreNumbers() {
    }

    /** A semaphore number as written: a decimal from 0 to 65535 (sem_num is an unsigned short). */
    static int parse(String text, String what) {
        if (!Decimal.isDecimal(text, 5, false) || Integer.parseInt(text) > 65535) {
            throw IpcException.usage("invalid " + what + " '" + text + "': a semaphore number is 0, 1, 2 ...");
        }
        return Integer.parseInt(text);
    }

    /** OUT_OF_RANGE when the set has no semaphore with this number. */
    static void check(int number, SemaphoreSet set) {
        if (number >= set.count()) {
            throw new IpcException("semaphore " + number + " is out of range: semaphore set " + set.id() + " has "
                    + set.count() + (set.count() == 1 ? " semaphore (0)" : " semaphores (0 to " + (set.count() - 1)
                    + ")"), ExitCodes.OUT_OF_RANGE);
        }
    }

    /** A semaphore value: a number (usage error otherwise) from 0 to SEMVMX (OUT_OF_RANGE otherwise). */
    static int value(String text) {
        if (!Decimal.isDecimal(text, 10, true)) {
            throw IpcException.usage("invalid value '" + text + "': a semaphore value is a number from 0 to "
                    + SemaphoreLimits.SEMVMX);
        }
        long value = Long.parseLong(text);
        if (value < 0 || value > SemaphoreLimits.SEMVMX) {
            throw new IpcException("value " + text + " is out of range: a semaphore holds 0 to SEMVMX ("
                    + SemaphoreLimits.SEMVMX + ")", ExitCodes.OUT_OF_RANGE);
        }
        return (int) value;
    }
}
