// The documents' rule for msgrcv's choice, as QueueModel states it, against the kernel's own choices.
package dev.ipc.msg;

import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.libc.Errno;
import dev.ipc.libc.IpcConstants;
import dev.ipc.libc.MessageBuffer;
import dev.ipc.libc.NativeCallException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QueueModelTest {
    @Test
    void predicts_every_choice_the_kernel_makes_over_random_queues() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        int queue = Kernel.createQueue(0x4d4f44, 0600);
        MessageBuffer buffer = new MessageBuffer(64);
        Random random = new Random(20261121);
        QueueModel model = new QueueModel();
        int serial = 0;
        for (int step = 0; step < 3000; step++) {
            if (random.nextInt(3) > 0 && serial - step < 40) {
                long type = 1 + random.nextInt(5);
                String text = "m" + serial++;
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                buffer.send(queue, type, bytes, 0, bytes.length, 0);
                model.send(type, text);
                continue;
            }
            long type = random.nextInt(13) - 6;
            boolean except = type > 0 && random.nextBoolean();
            QueueModel.Message expected = model.select(type, except);
            String got;
            try {
                int length = buffer.receive(queue, type,
                        IpcConstants.IPC_NOWAIT | (except ? IpcConstants.MSG_EXCEPT : 0));
                got = buffer.type() + ":" + new String(buffer.text(length), StandardCharsets.US_ASCII);
            } catch (NativeCallException e) {
                assertEquals(Errno.ENOMSG, e.errno());
                got = null;
            }
            if (expected == null) {
                assertNull(got, "type " + type + (except ? " except" : "") + " on " + model.show(null));
            } else {
                assertEquals(expected.toString(), got, "type " + type + (except ? " except" : "") + " on "
                        + model.show(expected));
                model.remove(expected);
            }
        }
        Kernel.removeQueue(queue);
    }
}
