// Java twin of native_call.c for scripts/bench-native-call: the same pairs through ipc's native layer (jffi), as
// the demos make them (MessageBuffer, SemaphoreOperations), and one JNI call alone for scale. Run from source:
// java -cp target/ipc.jar scripts/bench/NativeCall.java CALLS
import com.kenai.jffi.MemoryIO;
import dev.ipc.libc.IpcConstants;
import dev.ipc.libc.MessageBuffer;
import dev.ipc.libc.Native;
import dev.ipc.libc.SemaphoreOperations;

import java.nio.charset.StandardCharsets;

public class NativeCall {
    public static void main(String[] args) {
        long calls = Long.parseLong(args[0]);
        int q = Native.check("msgget", Native.libc().msgget(IpcConstants.IPC_PRIVATE, IpcConstants.IPC_CREAT | 0600));
        int s = Native.check("semget", Native.libc().semget(IpcConstants.IPC_PRIVATE, 1, IpcConstants.IPC_CREAT | 0600));
        MessageBuffer buffer = new MessageBuffer(64);
        byte[] request = "12345 678".getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[64];
        SemaphoreOperations v = new SemaphoreOperations(new int[] {0}, new int[] {1}, new int[] {0});
        SemaphoreOperations p = new SemaphoreOperations(new int[] {0}, new int[] {-1}, new int[] {0});
        MemoryIO io = MemoryIO.getInstance();
        long scratch = io.allocateMemory(64, true);
        double msg = Double.MAX_VALUE, sem = Double.MAX_VALUE, jni = Double.MAX_VALUE;
        try {
            // the first round runs while the loops compile; the best round counts, as in C
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                for (long i = 0; i < calls; i++) {
                    buffer.send(q, 1, request, 0, request.length, 0);
                    int n = buffer.receive(q, 1, 0);
                    buffer.text(text, n);
                }
                long t1 = System.nanoTime();
                for (long i = 0; i < calls; i++) {
                    v.apply(s);
                    p.apply(s);
                }
                long t2 = System.nanoTime();
                for (long i = 0; i < calls; i++) {
                    io.putByteArray(scratch, request, 0, 8);
                    io.getByteArray(scratch, text, 0, 8);
                }
                long t3 = System.nanoTime();
                msg = Math.min(msg, (t1 - t0) / (double) calls);
                sem = Math.min(sem, (t2 - t1) / (double) calls);
                jni = Math.min(jni, (t3 - t2) / (double) calls / 2);
            }
        } finally {
            io.freeMemory(scratch);
            Native.libc().msgctl(q, IpcConstants.IPC_RMID, null);
            Native.libc().semctl(s, 0, IpcConstants.IPC_RMID, 0);
        }
        System.out.printf("msg=%.0f sem=%.0f jni=%.0f%n", msg, sem, jni);
    }
}
