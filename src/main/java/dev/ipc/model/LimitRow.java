// One row of the limits table (lsipc -g): a limit, what of it is in use, and how much that is.
package dev.ipc.model;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * @param resource    lsipc's RESOURCE name: MSGMNI, SHMALL, SEMMNS, MQUMNI, ...
 * @param limit       an unsigned 64-bit value
 * @param inBytes     whether the limit is a size
 * @param used        how much of it is in use, where that is a meaningful count
 */
public record LimitRow(String resource, String description, long limit, boolean inBytes, OptionalLong used) {
    public OptionalDouble percentUsed() {
        if (used.isEmpty() || limit == 0) {
            return OptionalDouble.empty();
        }
        double limitValue = limit >= 0 ? limit : Math.scalb((double) (limit >>> 1), 1);
        return OptionalDouble.of(used.getAsLong() / limitValue * 100); // lsipc's order: the same roundings
    }
}
