// The sysctl.d file format: where the file is, its new text with only our keys changed, and the files that would
// override it at boot.
package dev.ipc.tune;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * At boot systemd-sysctl reads the *.conf files of /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d and
 * /usr/lib/sysctl.d (a name in an earlier directory hides the same name in later ones), sorted by file name, and
 * the last setting of a key wins. procps `sysctl --system` does the same and applies /etc/sysctl.conf last;
 * systemd-sysctl reads that file only through a link such as Debian's 99-sysctl.conf.
 *
 * <p>Everything is relative to a root directory, "/" unless the system property ipc.sysctl.root names another
 * (tests use a temporary one).
 */
public final class SysctlConf {
    /** Directories in the order they hide each other's files. */
    static final List<String> DIRECTORIES = List.of("etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d",
            "usr/lib/sysctl.d", "lib/sysctl.d");
    static final String SYSCTL_CONF = "etc/sysctl.conf";
    static final String DEFAULT_FILE = "etc/sysctl.d/60-ipc-limits.conf";

    private static final int MAX_LINKS = 40;

    private final Path root;

    public SysctlConf(Path root) {
        this.root = root;
    }

    public static SysctlConf fromSystemProperties() {
        return new SysctlConf(Path.of(System.getProperty("ipc.sysctl.root", "/")));
    }

    /** /etc/sysctl.d/60-ipc-limits.conf under the root. */
    public Path defaultFile() {
        return root.resolve(DEFAULT_FILE);
    }

    /**
     * The file a write must replace: the given one, or the file its symbolic links lead to (the link is kept,
     * not replaced by a regular file), in its directory's real path.
     */
    public static Path target(Path file) throws IOException {
        Path path = file.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(path); links++) {
            if (links == MAX_LINKS) {
                throw new IOException(file + ": Too many levels of symbolic links");
            }
            Path parent = path.getParent();
            path = parent.resolve(Files.readSymbolicLink(path));
        }
        Path directory = path.getParent();
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such directory");
        }
        return directory.toRealPath().resolve(path.getFileName());
    }

    /** The file's bytes, or null when there is no such file. */
    public static byte[] read(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(target)) {
            throw new IOException(target + ": not a regular file");
        }
        return Files.readAllBytes(target);
    }

    /**
     * The new text: each key's first setting replaced in place (a leading '-' kept), later settings of it
     * dropped, keys not yet there appended; comments, blank lines and other keys kept byte for byte, whatever
     * their encoding (sysctl reads bytes: a Latin-1 comment is as good as any).
     *
     * @param existing the file's bytes, or null for a new file
     */
    public static byte[] edit(byte[] existing, Map<String, String> settings) {
        List<byte[]> lines = new ArrayList<>();
        if (existing == null) {
            lines.add(ascii("# Kernel IPC limits for the next boot, kept by `ipc sem|msg|shm tune --persist`."));
            lines.add(ascii("# A file that sorts after this one and sets the same key wins; so does /etc/sysctl.conf "
                    + "under `sysctl --system`."));
        } else {
            lines.addAll(lines(existing));
        }
        Set<String> written = new HashSet<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            String text = text(line);
            String key = keyOf(text);
            if (key == null || !settings.containsKey(key)) {
                out.writeBytes(line);
                out.write('\n');
            } else if (written.add(key)) {
                String ignoreFailure = text.strip().startsWith("-") ? "-" : "";
                out.writeBytes(ascii(ignoreFailure + key + " = " + settings.get(key) + "\n"));
            }
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (!written.contains(setting.getKey())) {
                out.writeBytes(ascii(setting.getKey() + " = " + setting.getValue() + "\n"));
            }
        }
        return out.toByteArray();
    }

    /** The lines of a file, without their newlines; a last line without one counts as a line. */
    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lines.add(Arrays.copyOfRange(bytes, start, end));
            start = end + 1;
        }
        return lines;
    }

    /**
     * A line as text for finding its key: keys and values are ASCII, and ISO-8859-1 maps every other byte to a
     * character of its own, so no line fails to decode.
     */
    private static String text(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Warnings about what would keep the settings in target from taking effect at boot: the file is not read at
     * all, or a file read after it sets one of the same keys. A file reached through links is read under each name
     * that leads to it; the last of those is the one that counts.
     */
    public List<String> conflicts(Path target, Set<String> keys) throws IOException {
        TreeMap<byte[], Path> read = new TreeMap<>(Arrays::compareUnsigned); // by name, as the readers sort
        Set<Path> directories = new LinkedHashSet<>();
        for (String directory : DIRECTORIES) {
            Path dir = root.resolve(directory);
            if (!Files.isDirectory(dir) || !directories.add(dir.toRealPath())) {
                continue; // missing, or the same directory under another name (/lib -> /usr/lib)
            }
            String name = target.getFileName().toString();
            if (dir.toRealPath().equals(target.getParent()) && name.endsWith(".conf")) {
                read.putIfAbsent(bytes(name), target); // as it will be, if it is new
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".conf"))
                        .forEach(f -> read.putIfAbsent(bytes(f.getFileName().toString()), f));
            }
        }
        Path sysctlConf = realPath(root.resolve(SYSCTL_CONF));
        List<String> warnings = new ArrayList<>();
        if (target.equals(sysctlConf)) {
            return warnings; // sysctl --system applies it last; nothing can override it there
        }
        byte[] last = null;
        for (Map.Entry<byte[], Path> entry : read.entrySet()) {
            if (realPath(entry.getValue()).equals(target)) {
                last = entry.getKey();
            }
        }
        if (last == null) {
            Path hiding = read.get(bytes(target.getFileName().toString()));
            if (hiding != null && directories.contains(target.getParent())) {
                warnings.add(target + " is not read at boot: " + hiding + " has the same name in a directory "
                        + "read first, and hides it");
            } else {
                warnings.add(target + " is not read at boot: systemd-sysctl and sysctl --system read only *.conf "
                        + "files in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d and /usr/lib/sysctl.d");
            }
            return warnings;
        }
        Set<Path> reported = new HashSet<>();
        for (Map.Entry<byte[], Path> entry : read.tailMap(last, false).entrySet()) {
            Path file = entry.getValue();
            Path real = realPath(file);
            Map<String, String> theirs = real.equals(target) ? Map.of() : settingsIn(file);
            for (String key : keys) {
                if (theirs.containsKey(key)) {
                    reported.add(real);
                    warnings.add(file + (real.equals(file) ? "" : " (" + real + ")") + " sets " + key + " = "
                            + theirs.get(key) + " and is read later, so its value wins at boot");
                }
            }
        }
        if (Files.isRegularFile(sysctlConf) && !reported.contains(sysctlConf)) {
            Map<String, String> theirs = settingsIn(sysctlConf);
            for (String key : keys) {
                if (theirs.containsKey(key)) {
                    warnings.add(root.resolve(SYSCTL_CONF) + " sets " + key + " = " + theirs.get(key)
                            + ", and sysctl --system applies it last, so its value wins there");
                }
            }
        }
        return warnings;
    }

    /** Each key's last value in the file (the one that counts), keys normalised to dots. */
    static Map<String, String> settingsIn(Path file) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (byte[] bytes : lines(Files.readAllBytes(file))) {
            String line = text(bytes);
            String key = keyOf(line);
            if (key != null) {
                settings.put(key, line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return settings;
    }

    /**
     * The key a line sets, with '/' separators turned into dots (and dots into '/') and a leading '-' (ignore failures) dropped; null
     * for blank lines, comments ('#' or ';') and lines without '='.
     */
    static String keyOf(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
            return null;
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            return null;
        }
        String key = text.substring(0, equals).strip();
        if (key.startsWith("-")) {
            key = key.substring(1).strip();
        }
        int slash = key.indexOf('/');
        int dot = key.indexOf('.');
        if (slash >= 0 && (dot < 0 || slash < dot)) {
            // as systemd's sysctl_normalize: with '/' separators, a '.' is part of a name (eth0.100)
            StringBuilder swapped = new StringBuilder(key.length());
            for (char c : key.toCharArray()) {
                swapped.append(c == '/' ? '.' : c == '.' ? '/' : c);
            }
            key = swapped.toString();
        }
        return key;
    }

    private static Path realPath(Path path) throws IOException {
        return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
