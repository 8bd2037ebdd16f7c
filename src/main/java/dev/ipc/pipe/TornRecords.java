// Counts the records that did not arrive whole: the bytes of one write(2) split by another writer's bytes.
package dev.ipc.pipe;

import java.util.Arrays;

/**
 * Writer i writes records of SIZE bytes, every byte 'A' + i. The reader sees runs of equal bytes; a record
 * arrived whole when it lies inside one run. A run that starts or ends inside a record of its writer tears
 * that record (each torn record is counted once). Bytes of no writer are counted apart.
 */
final class TornRecords implements PipeIo.Sink {
    private final int size;
    private final long[] received;
    private final long[] lastTorn;
    private long torn;
    private long foreign;
    private int runWriter = -1;
    private long runLength;

    TornRecords(int writers, int size) {
        this.size = size;
        this.received = new long[writers];
        this.lastTorn = new long[writers];
        Arrays.fill(lastTorn, -1);
    }

    static byte tag(int writer) {
        return (byte) ('A' + writer);
    }

    @Override
    public void accept(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            int writer = data[i] - 'A';
            if (writer == runWriter) {
                runLength++;
            } else {
                endRun();
                runWriter = writer;
                runLength = 1;
            }
        }
    }

    private void endRun() {
        if (runLength == 0) {
            return;
        }
        if (runWriter < 0 || runWriter >= received.length) {
            foreign += runLength;
        } else {
            long start = received[runWriter];
            long end = start + runLength;
            if (start % size != 0) {
                tear(runWriter, start / size);
            }
            if (end % size != 0) {
                tear(runWriter, end / size);
            }
            received[runWriter] = end;
        }
        runLength = 0;
    }

    private void tear(int writer, long record) {
        if (lastTorn[writer] != record) {
            lastTorn[writer] = record;
            torn++;
        }
    }

    /** Call once all bytes are in. */
    TornRecords finish() {
        endRun();
        runWriter = -1;
        return this;
    }

    long torn() {
        return torn;
    }

    long foreign() {
        return foreign;
    }

    long received(int writer) {
        return received[writer];
    }
}
