// The sysctl.d file: only its own keys change, it is replaced whole, links are followed, and files that would
// override it at boot are named.
package dev.ipc.tune;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SysctlConfTest {
    @TempDir
    Path root;

    /** Edits text given as a string (ASCII here), for readable expectations. */
    private static String edit(String existing, Map<String, String> settings) {
        byte[] bytes = existing == null ? null : existing.getBytes(StandardCharsets.US_ASCII);
        return new String(SysctlConf.edit(bytes, settings), StandardCharsets.US_ASCII);
    }

    /** A whole save, as tune makes it in steps around the change of the kernel. */
    private static void replace(Path target, String text) throws IOException {
        try (SysctlSave save = SysctlSave.lock(target)) {
            save.stage(text.getBytes(StandardCharsets.US_ASCII));
            save.commit();
            save.syncFolder();
        }
    }

    private static Map<String, String> sem(String value) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kernel.sem", value);
        return settings;
    }

    @Test
    void a_new_file_gets_a_comment_and_the_settings() {
        String text = edit(null, sem("250 32000 100 128"));
        assertTrue(text.startsWith("# "), text);
        assertTrue(text.endsWith("\nkernel.sem = 250 32000 100 128\n"), text);
    }

    @Test
    void replaces_only_its_own_keys_and_keeps_comments_blank_lines_and_other_keys() {
        String existing = "# tuned by hand\n"
                + "vm.swappiness=10\n"
                + "\n"
                + "; old style comment\n"
                + "kernel/sem = 1 2 3 4\n"
                + "kernel.shmmni=4096\n"
                + "kernel.sem=5 6 7 8\n"
                + "net.ipv4.conf.eth0/100.rp_filter = 1\n";
        Map<String, String> settings = sem("250 32000 100 128");
        settings.put("kernel.msgmni", "1024");
        String text = edit(existing, settings);
        assertEquals("# tuned by hand\n"
                + "vm.swappiness=10\n"
                + "\n"
                + "; old style comment\n"
                + "kernel.sem = 250 32000 100 128\n"
                + "kernel.shmmni=4096\n"
                + "net.ipv4.conf.eth0/100.rp_filter = 1\n"
                + "kernel.msgmni = 1024\n", text);
    }

    @Test
    void keeps_the_ignore_failure_mark_of_a_setting() {
        assertEquals("-kernel.sem = 1 1 1 1\n", edit("-kernel.sem = 9 9 9 9", sem("1 1 1 1")));
    }

    @Test
    void normalises_keys_as_systemd_does() {
        assertEquals("kernel.sem", SysctlConf.keyOf(" - kernel/sem = 1"));
        assertEquals("net.ipv4.conf.eth0/100.rp_filter", SysctlConf.keyOf("net/ipv4/conf/eth0.100/rp_filter=1"));
        assertEquals(null, SysctlConf.keyOf("# kernel.sem = 1"));
        assertEquals(null, SysctlConf.keyOf("kernel.sem"));
    }

    @Test
    void replaces_the_file_through_a_temporary_name_that_is_not_a_conf_file() throws Exception {
        Path dir = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Path file = dir.resolve("60-ipc-limits.conf");
        Files.writeString(file, "old\n");
        List<String> created = new ArrayList<>();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            replace(file, "new\n");
            WatchKey key;
            while ((key = watcher.poll(1, java.util.concurrent.TimeUnit.SECONDS)) != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        created.add(event.context().toString());
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_MODIFY) {
                        assertFalse(event.context().toString().equals("60-ipc-limits.conf"),
                                "the file itself was written in place");
                    }
                }
                key.reset();
            }
        }
        assertEquals("new\n", Files.readString(file));
        assertTrue(created.stream().anyMatch(name -> name.startsWith(".60-ipc-limits.conf.")),
                "no temporary file in the same directory: " + created);
        for (String name : created) {
            if (!name.equals("60-ipc-limits.conf")) {
                assertTrue(name.startsWith(".60-ipc-limits.conf.") && !name.endsWith(".conf"), name);
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "a temporary file was left behind");
        }
    }

    @Test
    void a_new_file_is_readable_by_all_and_an_old_one_keeps_its_mode() throws IOException {
        Path fresh = root.resolve("new.conf");
        replace(fresh, "x\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path old = root.resolve("old.conf");
        Files.writeString(old, "x\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
        replace(old, "y\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        assertEquals("y\n", Files.readString(old));
    }

    @Test
    void follows_symbolic_links_instead_of_replacing_them() throws IOException {
        Path real = Files.createDirectories(root.resolve("srv/conf")).resolve("ipc.conf");
        Files.writeString(real, "vm.swappiness=10\n");
        Path dir = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Path middle = Files.createSymbolicLink(dir.resolve("middle.link"), Path.of("../../srv/conf/ipc.conf"));
        Path link = Files.createSymbolicLink(dir.resolve("60-ipc-limits.conf"), Path.of("middle.link"));

        Path target = SysctlConf.target(link);
        assertEquals(real.toRealPath(), target);
        replace(target, edit(new String(SysctlConf.read(target), StandardCharsets.US_ASCII), sem("1 2 3 4")));

        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(middle));
        assertEquals("vm.swappiness=10\nkernel.sem = 1 2 3 4\n", Files.readString(link));
    }

    @Test
    void a_dangling_link_leads_to_the_file_it_names() throws IOException {
        Path dir = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Files.createDirectories(root.resolve("srv"));
        Path link = Files.createSymbolicLink(dir.resolve("60-ipc-limits.conf"), root.resolve("srv/ipc.conf"));
        assertEquals(root.toRealPath().resolve("srv/ipc.conf"), SysctlConf.target(link));
    }

    @Test
    void names_a_later_file_and_sysctl_conf_that_set_the_same_key() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Path usr = Files.createDirectories(root.resolve("usr/lib/sysctl.d"));
        Files.writeString(etc.resolve("10-early.conf"), "kernel.sem = 1 1 1 1\n");
        Files.writeString(usr.resolve("80-late.conf"), "# a vendor's\nkernel.sem = 7 7 7 7\n");
        Files.writeString(usr.resolve("90-other.conf"), "kernel.shmmax = 1\n");
        Files.writeString(root.resolve("etc/sysctl.conf"), "kernel.sem=2 2 2 2\n");
        SysctlConf conf = new SysctlConf(root);

        List<String> warnings = conf.conflicts(SysctlConf.target(etc.resolve("60-ipc-limits.conf")),
                Set.of("kernel.sem"));

        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(usr.resolve("80-late.conf") + " sets kernel.sem = 7 7 7 7"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith(root.resolve("etc/sysctl.conf") + " sets kernel.sem = 2 2 2 2"),
                warnings.get(1));
    }

    @Test
    void reads_other_files_whatever_the_encoding_of_their_comments() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Files.write(etc.resolve("80-late.conf"), "# r\u00e9glages\nkernel.sem = 7 7 7 7\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        List<String> warnings = new SysctlConf(root).conflicts(SysctlConf.target(etc.resolve("60-ipc-limits.conf")),
                Set.of("kernel.sem"));

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(etc.resolve("80-late.conf") + " sets kernel.sem = 7 7 7 7"),
                warnings.get(0));
    }

    @Test
    void names_sysctl_conf_once_when_a_link_in_sysctl_d_reads_it() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Files.writeString(root.resolve("etc/sysctl.conf"), "kernel.sem=2 2 2 2\n");
        Files.createSymbolicLink(etc.resolve("99-sysctl.conf"), Path.of("../sysctl.conf"));

        List<String> warnings = new SysctlConf(root).conflicts(SysctlConf.target(etc.resolve("60-ipc.conf")),
                Set.of("kernel.sem"));

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("99-sysctl.conf (" + root.toRealPath().resolve("etc/sysctl.conf") + ")"),
                warnings.get(0));
    }

    @Test
    void a_file_read_under_a_later_name_too_is_not_its_own_conflict() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Path usr = Files.createDirectories(root.resolve("usr/lib/sysctl.d"));
        Path real = usr.resolve("zz-ipc.conf");
        Files.writeString(real, "kernel.sem = 1 2 3 4\n");
        Files.writeString(etc.resolve("80-late.conf"), "kernel.sem = 7 7 7 7\n");
        Files.createSymbolicLink(etc.resolve("60-ipc-limits.conf"), real);

        List<String> warnings = new SysctlConf(root).conflicts(SysctlConf.target(etc.resolve("60-ipc-limits.conf")),
                Set.of("kernel.sem"));

        assertEquals(List.of(), warnings, "zz-ipc.conf is read last, after 80-late.conf");
    }

    @Test
    void says_when_the_file_is_hidden_or_not_read_at_boot() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc/sysctl.d"));
        Path usr = Files.createDirectories(root.resolve("usr/lib/sysctl.d"));
        Files.writeString(etc.resolve("60-ipc-limits.conf"), "# masks the vendor's file\n");
        SysctlConf conf = new SysctlConf(root);

        List<String> hidden = conf.conflicts(SysctlConf.target(usr.resolve("60-ipc-limits.conf")),
                Set.of("kernel.sem"));
        assertEquals(1, hidden.size());
        assertTrue(hidden.get(0).contains("is not read at boot: " + etc.resolve("60-ipc-limits.conf")), hidden.get(0));

        List<String> elsewhere = conf.conflicts(SysctlConf.target(root.resolve("ipc.conf")), Set.of("kernel.sem"));
        assertTrue(elsewhere.get(0).contains("is not read at boot: systemd-sysctl and sysctl --system read only"));

        List<String> notConf = conf.conflicts(SysctlConf.target(etc.resolve("ipc.txt")), Set.of("kernel.sem"));
        assertTrue(notConf.get(0).contains("is not read at boot"));
    }
}
