// The POSIX IPC objects that exist, as the files glibc and the kernel keep for them.
package dev.ipc.procfs;

import dev.ipc.model.PosixResource;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Shared memory objects are the files of /dev/shm, semaphores the ones named sem.NAME there (glibc's layout);
 * message queues are the files of the mqueue file system, wherever it is mounted (/dev/mqueue by default).
 */
public final class PosixIpcFiles {
    private static final String SEMAPHORE_PREFIX = "sem.";

    private final SystemPaths paths;

    public PosixIpcFiles(SystemPaths paths) {
        this.paths = paths;
    }

    /** One object: its name with the leading '/', its owner, its change time (seconds) and its file. */
    public record Entry(PosixResource resource, String name, long uid, long changeTime, IpcUsers.FileId file) {
    }

    /** The file that holds the named object. */
    public Path file(PosixResource resource, String name) {
        String bare = name.substring(1);
        return switch (resource) {
            case SHARED_MEMORY -> paths.devShm().resolve(bare);
            case SEMAPHORES -> paths.devShm().resolve(SEMAPHORE_PREFIX + bare);
            case MESSAGE_QUEUES -> paths.devMqueue().resolve(bare);
        };
    }

    /** The directory whose entries are objects of this kind. */
    public Path directory(PosixResource resource) {
        return resource == PosixResource.MESSAGE_QUEUES ? paths.devMqueue() : paths.devShm();
    }

    /** Every object of the kind, by name; empty when the directory does not exist (nothing mounted there). */
    public List<Entry> list(PosixResource resource) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(resource))) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                boolean semaphore = fileName.startsWith(SEMAPHORE_PREFIX);
                String name = switch (resource) {
                    case SEMAPHORES -> semaphore ? "/" + fileName.substring(SEMAPHORE_PREFIX.length()) : null;
                    case SHARED_MEMORY -> semaphore ? null : "/" + fileName;
                    case MESSAGE_QUEUES -> "/" + fileName;
                };
                if (name == null || name.length() == 1) {
                    continue;
                }
                stat(resource, name, file).ifPresent(entries::add);
            }
        } catch (NoSuchFileException missing) {
            return List.of();
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /** The notifying process of a queue (NOTIFY_PID of /dev/mqueue/NAME), 0 for none; empty when unreadable. */
    public OptionalInt notifyPid(String name) {
        try {
            String text = ProcFile.readText(file(PosixResource.MESSAGE_QUEUES, name));
            int at = text.indexOf("NOTIFY_PID:");
            return at < 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.substring(at + 11).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The named object's entry; empty when it does not exist. */
    public Optional<Entry> find(PosixResource resource, String name) throws IOException {
        return stat(resource, name, file(resource, name));
    }

    private static Optional<Entry> stat(PosixResource resource, String name, Path file) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(file, "unix:uid,ctime,isRegularFile,dev,ino",
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(attributes.get("isRegularFile"))) {
            return Optional.empty(); // a directory or a link in /dev/shm is no IPC object
        }
        long changeTime = ((java.nio.file.attribute.FileTime) attributes.get("ctime")).toMillis() / 1000;
        return Optional.of(new Entry(resource, name, Integer.toUnsignedLong((Integer) attributes.get("uid")),
                changeTime, new IpcUsers.FileId((Long) attributes.get("dev"), (Long) attributes.get("ino"))));
    }
}
