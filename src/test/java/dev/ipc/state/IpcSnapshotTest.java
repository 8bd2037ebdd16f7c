// The one read of everything (ipc metrics, ipc top): objects, limits and their use agree with each other.
package dev.ipc.state;

import dev.ipc.model.LimitRow;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.support.Kernel;
import dev.ipc.support.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IpcSnapshotTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("snapshot");

    @Test
    void counts_objects_and_sums_their_use_from_one_read() {
        int queue = Kernel.createQueue(0x4242, 0600);
        Kernel.send(queue, 1, "abc");
        Kernel.send(queue, 1, "defgh");
        Kernel.createSegment(0x4243, 3 * 4096 + 1, 0600);
        Kernel.createSemaphores(0x4244, 4, 0600);
        Kernel.createSemaphores(0x4245, 2, 0600);

        IpcSnapshot snapshot = IpcSnapshot.read(SystemPaths.fromSystemProperties());

        assertEquals(1, snapshot.queues().size());
        assertEquals(2, snapshot.usage().queuedMessages());
        assertEquals(8, snapshot.usage().queuedBytes());
        assertEquals(1, snapshot.segments().size());
        assertEquals(2, snapshot.sets().size());
        Map<String, LimitRow> rows = snapshot.limitRows().stream()
                .collect(Collectors.toMap(LimitRow::resource, Function.identity()));
        assertEquals(OptionalLong.of(1), rows.get("MSGMNI").used());
        assertEquals(OptionalLong.of(4), rows.get("SHMALL").used(), "whole pages, as shm_tot counts them");
        assertEquals(OptionalLong.of(6), rows.get("SEMMNS").used());
        assertEquals(OptionalLong.of(2), rows.get("SEMMNI").used());
        assertEquals(snapshot.limits().sharedMemory().maxSegmentBytes(), rows.get("SHMMAX").limit());
    }
}
