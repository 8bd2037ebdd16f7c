// The part of a segment a read or write covers, checked against the segment's size before it is attached.
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SharedMemorySegment;

final class SegmentRange {
    private SegmentRange() {
    }

    /** OUT_OF_RANGE unless offset and offset + length both lie within the segment. */
    static void check(SharedMemorySegment segment, long offset, long length, String doing) {
        long size = segment.size();
        if (Long.compareUnsigned(offset, size) > 0) {
            throw new IpcException("--offset " + offset + " is past the end of shared memory segment "
                    + segment.id() + " (" + Long.toUnsignedString(size) + " bytes)", ExitCodes.OUT_OF_RANGE);
        }
        if (Long.compareUnsigned(length, size - offset) > 0) {
            throw new IpcException(doing + " at offset " + offset + " would pass the end of shared memory segment "
                    + segment.id() + " (" + Long.toUnsignedString(size) + " bytes: " + (size - offset)
                    + " from the offset)", ExitCodes.OUT_OF_RANGE);
        }
    }
}
