// Reads POSIX IPC objects from their file systems: /dev/shm (shared memory and sem.* semaphores) and the
// mqueue mount (message queues), as util-linux lsipc 2.41 does.
package dev.ipc.procfs;

import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.PosixSemaphore;
import dev.ipc.model.PosixSharedMemory;
import dev.ipc.libc.PosixQueueCalls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

public final class PosixIpcReader {
    private static final String SEMAPHORE_PREFIX = "sem.";

    private final Path devShm;
    private final SystemPaths paths;

    public PosixIpcReader(SystemPaths paths) {
        this.devShm = paths.devShm();
        this.paths = paths;
    }

    /** Thrown when the mqueue file system is not mounted where we look: a user can fix that. */
    public static final class NotMountedException extends IOException {
        private static final long serialVersionUID = 1L;

        NotMountedException(Path where) {
            super(where + " does not seem to be mounted. Use 'mount -t mqueue none " + where
                    + "' to mount it.");
        }
    }

    public List<PosixSharedMemory> sharedMemory() throws IOException {
        List<PosixSharedMemory> objects = new ArrayList<>();
        for (FileEntry entry : entries(devShm)) {
            if (!entry.fileName.startsWith(SEMAPHORE_PREFIX)) {
                objects.add(new PosixSharedMemory("/" + entry.fileName, entry.uid, entry.gid, entry.mode,
                        entry.size, entry.mtime));
            }
        }
        return objects;
    }

    public List<PosixSemaphore> semaphores() throws IOException {
        List<PosixSemaphore> objects = new ArrayList<>();
        for (FileEntry entry : entries(devShm)) {
            if (entry.fileName.startsWith(SEMAPHORE_PREFIX)) {
                objects.add(new PosixSemaphore("/" + entry.fileName.substring(SEMAPHORE_PREFIX.length()),
                        entry.uid, entry.gid, entry.mode, semaphoreValue(entry.path), entry.mtime));
            }
        }
        return objects;
    }

    public List<PosixMessageQueue> messageQueues() throws IOException {
        Path devMqueue = paths.mqueueDirectory();
        if (!Files.isDirectory(devMqueue)) {
            throw new NotMountedException(devMqueue);
        }
        List<PosixMessageQueue> queues = new ArrayList<>();
        for (FileEntry entry : entries(devMqueue)) {
            String name = "/" + entry.fileName;
            long queuedBytes = queuedBytes(entry.path);
            Optional<PosixQueueCalls.Attributes> attributes = PosixQueueCalls.attributes(name);
            queues.add(new PosixMessageQueue(name, entry.uid, entry.gid, entry.mode, queuedBytes,
                    attributes.map(a -> OptionalLong.of(a.currentMessages())).orElse(OptionalLong.empty()),
                    attributes.map(a -> OptionalLong.of(a.maxMessages())).orElse(OptionalLong.empty()),
                    attributes.map(a -> OptionalLong.of(a.maxMessageSize())).orElse(OptionalLong.empty()),
                    OptionalLong.of(entry.mtime)));
        }
        return queues;
    }

    /** The number of POSIX message queues, for the global table; empty where mqueue is not mounted. */
    public OptionalLong messageQueueCount() throws IOException {
        Path devMqueue = paths.mqueueDirectory();
        if (!Files.isDirectory(devMqueue)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(entries(devMqueue).size());
    }

    private record FileEntry(Path path, String fileName, long uid, long gid, int mode, long size, long mtime) {
    }

    /** Regular files of the directory, sorted by name, with the attributes of their inode. */
    private static List<FileEntry> entries(Path directory) throws IOException {
        List<FileEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                Map<String, Object> a;
                try {
                    a = Files.readAttributes(path, "unix:uid,gid,mode,size,lastModifiedTime,isRegularFile",
                            LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue; // removed while we listed
                }
                if (!(Boolean) a.get("isRegularFile")) {
                    continue;
                }
                entries.add(new FileEntry(path, path.getFileName().toString(),
                        Integer.toUnsignedLong((Integer) a.get("uid")), Integer.toUnsignedLong((Integer) a.get("gid")),
                        ((Integer) a.get("mode")) & 07777, (Long) a.get("size"),
                        ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000));
            }
        }
        entries.sort(Comparator.comparing(FileEntry::fileName));
        return entries;
    }

    /** "QSIZE:129  NOTIFY:0  SIGNO:0  NOTIFY_PID:0": the bytes queued. */
    static long queuedBytes(Path queueFile) {
        try {
            String text = new String(ProcFile.readAllBytes(queueFile), StandardCharsets.US_ASCII);
            int start = text.indexOf("QSIZE:");
            if (start < 0) {
                return 0;
            }
            int end = start + 6;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            return Long.parseLong(text.substring(start + 6, end));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A named semaphore's file holds glibc's sem_t; on 64-bit glibc its first 8 bytes are a little-endian word
     * whose low 32 bits are the value (struct new_sem, SEM_VALUE_MASK). Reading it is what sem_getvalue does,
     * without mapping the file or loading native code.
     */
    static OptionalLong semaphoreValue(Path semaphoreFile) {
        try (InputStream in = Files.newInputStream(semaphoreFile)) {
            byte[] word = in.readNBytes(4);
            if (word.length < 4) {
                return OptionalLong.empty();
            }
            long value = (word[0] & 0xffL) | (word[1] & 0xffL) << 8 | (word[2] & 0xffL) << 16
                    | (word[3] & 0xffL) << 24;
            return OptionalLong.of(value);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
