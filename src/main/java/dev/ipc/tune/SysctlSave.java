// One save of a sysctl.d file, in steps around the change of the kernel: locked, read and staged before it, put
// in place after it.
package dev.ipc.tune;

import dev.ipc.libc.FolderLock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Runs that save into one folder take turns (an flock on the folder, so nothing is left for sysctl to read), and
 * each reads the file only once it holds the lock: no run's keys are lost to another's. So that a crash leaves
 * the old file or the new one, never a part, the new text goes to a temporary file in the same folder (its name
 * does not end in .conf, so no sysctl reader takes it up), synced, renamed over the file, then the folder synced.
 * All but the rename is done before the kernel is changed, and a file that the rename could not replace
 * (immutable, on a read-only mount) is found then too.
 */
final class SysctlSave implements AutoCloseable {
    private final Path target;
    private final FolderLock lock;
    private Path temporary;

    private SysctlSave(Path target, FolderLock lock) {
        this.target = target;
        this.lock = lock;
    }

    /**
     * Waits for other runs that save in the target's folder.
     *
     * @param target a path from {@link SysctlConf#target}: no link, its folder's real path
     */
    static SysctlSave lock(Path target) throws IOException {
        return new SysctlSave(target, FolderLock.exclusive(target.getParent()));
    }

    Path target() {
        return target;
    }

    /** The file's bytes as they are now that no other run can change them, or null when there is no file. */
    byte[] read() throws IOException {
        return SysctlConf.read(target);
    }

    /**
     * Writes the new text to the temporary file and syncs it; mode and owner of the file it replaces are kept.
     * Fails, leaving nothing behind, if the file could not be replaced.
     */
    void stage(byte[] text) throws IOException {
        PosixFileAttributes old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            checkWritable(target);
            old = Files.readAttributes(target, PosixFileAttributes.class);
        }
        temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        Set<PosixFilePermission> mode = old != null ? old.permissions() : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, mode);
        if (old != null) {
            keepOwner(temporary, old.owner(), old.group());
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** Renames the staged file over the target. */
    void commit() throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        temporary = null;
    }

    /** Makes the rename itself reach the disk. */
    void syncFolder() throws IOException {
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    /** Removes a staged file that was not put in place, and lets the next run in. */
    @Override
    public void close() {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // left behind under a name that no sysctl reader takes up; the failure that led here is the news
        } finally {
            lock.close();
        }
    }

    /**
     * access(2) says what would stop a write (EPERM for an immutable file, EROFS on a read-only mount) without
     * opening the file, which would tell watchers of the file that it was written.
     */
    private static void checkWritable(Path file) throws IOException {
        try {
            file.getFileSystem().provider().checkAccess(file, AccessMode.WRITE);
        } catch (AccessDeniedException e) {
            throw new FileSystemException(file.toString(), null, "Permission denied");
        }
    }

    private static void keepOwner(Path file, UserPrincipal owner, GroupPrincipal group) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        if (!now.owner().equals(owner)) {
            view.setOwner(owner);
        }
        if (!now.group().equals(group)) {
            view.setGroup(group);
        }
    }
}
