// Presets print what a product's installation guide asks for and, with --apply, set it, never lowering a limit.
package dev.ipc.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.libc.PageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.ipc.tune.Runs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(PrivateLimits.class)
class TunePresetTest {
    private static final long GIB = 1L << 30;

    @Test
    void oracle_asks_less_than_todays_defaults_so_nothing_is_lowered() {
        CommandResult result = ok("sem", "tune", "--preset", "oracle", "--apply");

        assertTrue(result.out().startsWith("Oracle Database with "), result.out());
        assertTrue(result.out().contains("(Oracle Database 23ai Installation Guide for Linux, Minimum Parameter "
                + "Settings for Installation)\n"
                + "NAME          NOW GUIDE SETTING\n"
                + "SEMMSL      32000   250 32000 (kept)\n"
                + "SEMMNS 1024000000 32000 1024000000 (kept)\n"
                + "SEMOPM        500   100 500 (kept)\n"
                + "SEMMNI      32000   128 32000 (kept)\n"
                + "Nothing to raise: every limit is already at least what the guide asks.\n"), result.out());
        assertEquals(PrivateLimits.DEFAULTS.get("sem"), PrivateLimits.read("sem"));
    }

    @Test
    void prints_without_apply_and_changes_nothing() {
        PrivateLimits.write(Map.of("sem", "100 16000 50 64"));

        CommandResult result = ok("sem", "tune", "--preset", "oracle");

        assertTrue(result.out().contains("NAME     NOW GUIDE SETTING\nSEMMSL   100   250 250\n"), result.out());
        assertTrue(result.out().endsWith("Run again with --apply to set these values.\n"), result.out());
        assertEquals("100 16000 50 64", PrivateLimits.read("sem"));
    }

    @Test
    void oracle_raises_what_is_below_its_guide_and_keeps_what_is_above() {
        PrivateLimits.write(Map.of("sem", "300 16000 50 64"));

        CommandResult result = ok("sem", "tune", "--preset", "oracle", "--apply");

        assertEquals("300 32000 100 128", PrivateLimits.read("sem"));
        assertTrue(result.out().contains("SEMMSL 300 (unchanged)\nSEMMNS 16000 -> 32000\nSEMOPM 50 -> 100\n"
                + "SEMMNI 64 -> 128\n"), result.out());
    }

    @Test
    void postgresql_needs_a_set_of_17_semaphores_per_16_processes() {
        PrivateLimits.write(Map.of("sem", "10 100 32 4"));

        ok("sem", "tune", "--preset", "postgresql", "--connections", "1000", "--apply");

        // ceil((1000 + 3 + 10 + 8 + 7) / 16) = 65 sets, 65 x 17 = 1105 semaphores; SEMOPM is not asked for
        assertEquals("17 1105 32 65", PrivateLimits.read("sem"));
    }

    @Test
    void postgresql_asks_nothing_of_message_queues(@TempDir Path dir) {
        Map<String, String> before = PrivateLimits.read();
        Path file = dir.resolve("60-ipc-limits.conf");

        CommandResult result = ok("msg", "tune", "--preset", "postgresql", "--connections", "100", "--apply",
                "--persist=" + file);

        assertTrue(result.out().endsWith("The guide asks nothing of the message queue limits.\n"), result.out());
        assertEquals(before, PrivateLimits.read());
        assertTrue(Files.notExists(file), "nothing asked, nothing to save");
    }

    @Test
    void db2_scales_with_memory_and_never_lowers() {
        ok("msg", "tune", "--preset", "db2", "--ram", "16G", "--apply");

        assertEquals("65536", PrivateLimits.read("msgmax"));
        assertEquals("65536", PrivateLimits.read("msgmnb"));
        assertEquals("32000", PrivateLimits.read("msgmni"), "1024 x 16 = 16384 is below the current 32000");
    }

    /** The formulas take bytes: `--ram 64` is 64 bytes, surely meant as 64G. */
    @Test
    void a_ram_below_64m_is_refused_with_a_hint() {
        CommandResult result = Ipc.run("sem", "tune", "--preset", "db2", "--ram", "64");

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("ipc: invalid --ram '64': expected a size such as 4096, 64K or 1.5G (K, M, G, T count 1024s), "
                + "at least 67108864 bytes: the machine's memory, which the guides' formulas take, did you mean 64G?\n",
                result.err());
    }

    @Test
    void a_negative_ram_and_a_zero_ram_get_the_same_kind_of_message() {
        CommandResult negative = Ipc.run("shm", "tune", "--preset", "oracle", "--ram", "-5G");
        CommandResult zero = Ipc.run("shm", "tune", "--preset", "oracle", "--ram", "0");

        assertEquals(2, negative.exitCode(), negative.toString());
        assertEquals(2, zero.exitCode(), zero.toString());
        String expected = "': expected a size such as 4096, 64K or 1.5G (K, M, G, T count 1024s), at least "
                + "67108864 bytes: the machine's memory, which the guides' formulas take\n";
        assertEquals("ipc: invalid --ram '-5G" + expected, negative.err());
        assertEquals("ipc: invalid --ram '0" + expected, zero.err());
    }

    @Test
    void db2_caps_identifier_counts_at_ipcmni() {
        PrivateLimits.write(Map.of("sem", "10 100 10 10"));

        ok("sem", "tune", "--preset", "db2", "--ram", "256G", "--apply");

        // SEMMNI = min(256 x 256, 32768); SEMMNS = max(SEMMNI, 256000)
        assertEquals("250 256000 32 32768", PrivateLimits.read("sem"));
    }

    @Test
    void db2_and_oracle_size_shared_memory_from_ram() {
        long page = PageSize.get();
        PrivateLimits.write(Map.of("shmmax", "1024", "shmall", "10", "shmmni", "10"));

        ok("shm", "tune", "--preset", "oracle", "--ram", "16G", "--apply");
        assertEquals(Long.toString(8 * GIB), PrivateLimits.read("shmmax"));
        assertEquals(Long.toString(8 * GIB / page), PrivateLimits.read("shmall"));
        assertEquals("4096", PrivateLimits.read("shmmni"));

        ok("shm", "tune", "--preset", "db2", "--ram", "16G", "--apply");
        assertEquals(Long.toString(16 * GIB), PrivateLimits.read("shmmax"));
        assertEquals(Long.toString(2 * 16 * GIB / page), PrivateLimits.read("shmall"));
        assertEquals("4096", PrivateLimits.read("shmmni"));
    }

    @Test
    void applies_and_persists_together(@TempDir Path dir) throws Exception {
        PrivateLimits.write(Map.of("sem", "100 16000 50 64"));
        Path file = dir.resolve("60-ipc-limits.conf");

        ok("sem", "tune", "--preset", "oracle", "--apply", "--persist=" + file);

        assertTrue(Files.readString(file).endsWith("\nkernel.sem = 250 32000 100 128\n"));
    }

    @Test
    void json_gives_now_guide_and_setting() throws Exception {
        PrivateLimits.write(Map.of("sem", "100 16000 50 64"));

        JsonNode json = new ObjectMapper().readTree(ok("sem", "tune", "--preset", "oracle", "--json").out());

        JsonNode preset = json.get("preset");
        assertEquals("oracle", preset.get("name").asText());
        assertTrue(preset.get("source").asText().startsWith("Oracle Database 23ai Installation Guide"));
        JsonNode semmsl = preset.get("limits").get(0);
        assertEquals(100, semmsl.get("now").asLong());
        assertEquals(250, semmsl.get("guide").asLong());
        assertEquals(250, semmsl.get("setting").asLong());
    }
}
