// One operation of a semop call, written SEMNUM:VALUE on the command line ("0:-1", "1:+1", "2:0").
package dev.ipc.sem;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SemaphoreLimits;
import dev.ipc.util.Decimal;

/** @param value added to the semaphore; negative waits until it can be taken, 0 waits until the semaphore is 0 */
record SemaphoreOperation(int number, int value) {
    /** SEMNUM:VALUE, "[0-9]{1,5}:[-+]?[0-9]{1,10}", checked by hand (see {@link OptionValues#isDecimal}). */
    static SemaphoreOperation parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0 || !Decimal.isDecimal(text.substring(0, colon), 5, false)
                || !Decimal.isDecimal(text.substring(colon + 1), 10, true)) {
            throw IpcException.usage("invalid operation '" + text + "': write SEMNUM:VALUE, as in 0:-1 (wait and "
                    + "take one), 1:+1 (give one back) or 2:0 (wait for zero)");
        }
        int number = SemaphoreNumbers.parse(text.substring(0, colon), "semaphore number in '" + text + "'");
        long value = Long.parseLong(text.substring(colon + 1));
        if (Math.abs(value) > SemaphoreLimits.SEMVMX) {
            throw new IpcException("operation '" + text + "' is out of range: a semaphore holds at most SEMVMX ("
                    + SemaphoreLimits.SEMVMX + "), so an operation can add or take at most that much",
                    ExitCodes.OUT_OF_RANGE);
        }
        return new SemaphoreOperation(number, (int) value);
    }

    /** Why this operation cannot go ahead on a semaphore holding value, or null when it can. */
    String blockedBy(int current) {
        if (value < 0 && current < -value) {
            return "semaphore " + number + " is " + current + " and " + this + " needs " + -value;
        }
        if (value == 0 && current != 0) {
            return "semaphore " + number + " is " + current + ", not 0";
        }
        return null;
    }

    @Override
    public String toString() {
        return number + ":" + (value > 0 ? "+" : "") + value;
    }
}
