// Attaching, reading, writing and locking a shared memory segment.
package dev.ipc.libc;

import static dev.ipc.libc.IpcConstants.SHM_LOCK;
import static dev.ipc.libc.IpcConstants.SHM_RDONLY;
import static dev.ipc.libc.IpcConstants.SHM_UNLOCK;

public final class SharedMemoryCalls {
    private SharedMemoryCalls() {
    }

    /** shmctl(SHM_LOCK): keeps the segment's pages in memory; needs CAP_IPC_LOCK or RLIMIT_MEMLOCK room. */
    public static void lock(int id) {
        Native.check("shmctl(SHM_LOCK)", Native.libc().shmctl(id, SHM_LOCK, null));
    }

    public static void unlock(int id) {
        Native.check("shmctl(SHM_UNLOCK)", Native.libc().shmctl(id, SHM_UNLOCK, null));
    }

    /** shmat at an address the kernel picks; size must be the segment's size, to bound every access. */
    public static Attachment attach(int id, long size, boolean readOnly) {
        long address = Native.check("shmat", Native.libc().shmat(id, null, readOnly ? SHM_RDONLY : 0));
        return new Attachment(address, size);
    }

    /** A segment mapped into this process until {@link #close()} (shmdt). Every access is checked against size. */
    public static final class Attachment implements AutoCloseable {
        private final long address;
        private final long size;
        private final Pointer memory;
        private boolean detached;

        private Attachment(long address, long size) {
            this.address = address;
            this.size = size;
            this.memory = Pointer.at(address, size);
        }

        public long address() {
            return address;
        }

        public long size() {
            return size;
        }

        public void read(long offset, byte[] into, int from, int length) {
            check(offset, length);
            memory.get(offset, into, from, length);
        }

        public void write(long offset, byte[] data, int from, int length) {
            check(offset, length);
            memory.put(offset, data, from, length);
        }

        public long getLong(long offset) {
            check(offset, 8);
            return memory.getLong(offset);
        }

        public void putLong(long offset, long value) {
            check(offset, 8);
            memory.putLong(offset, value);
        }

        /** An access outside the mapping would crash the JVM, not throw: refuse it before it is made. */
        private void check(long offset, long length) {
            if (detached || offset < 0 || length < 0 || offset > size - length) {
                throw new IndexOutOfBoundsException("segment access of " + length + " bytes at offset " + offset
                        + (detached ? " after shmdt" : " outside its " + size + " bytes"));
            }
        }

        @Override
        public void close() {
            if (!detached) {
                detached = true;
                Native.check("shmdt", Native.libc().shmdt(address));
            }
        }
    }
}
