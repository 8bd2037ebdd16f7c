// Makes completions/ and man/ from a command tree: `scripts/generate-docs` writes them (through dev.ipc.GenerateDocs,
// which owns the tree), and DocsTest checks that the files in the repository are what it makes now.
package dev.ipc.docs;

import dev.ipc.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

public final class Generate {
    /** Where the generated files live, relative to the project directory. */
    public static final String COMPLETIONS = "completions";
    public static final String MAN = "man";

    private Generate() {
    }

    /**
     * The schema of a command's --json output, docs/schema/NAME.json, or null when it has no --json: NAME is the
     * command's words after ipc joined by '-' (msg-stat, pipe-demo-hello), and tune for the three tune commands.
     */
    public static String jsonSchema(CommandSpec spec) {
        if (spec.findOption("--json") == null) {
            return null;
        }
        String name = spec.qualifiedName("-").replaceFirst("^ipc-", "");
        return "docs/schema/" + (name.endsWith("-tune") ? "tune" : name) + ".json";
    }

    /** The schemas of every command that has --json, by command (ipc msg stat). */
    public static Map<String, String> jsonSchemas(CommandLine root) {
        Map<String, String> schemas = new TreeMap<>();
        for (CommandLine command : CommandText.commands(root)) {
            String schema = jsonSchema(command.getCommandSpec());
            if (schema != null && !CommandText.isHelp(command)) {
                schemas.put(command.getCommandSpec().qualifiedName(), schema);
            }
        }
        return schemas;
    }

    /** Every generated file, by its path relative to the project directory, from the commands as they are now. */
    public static Map<String, String> files(CommandLine root) throws IOException {
        String version = new VersionProvider().getVersion()[0];
        Map<String, String> files = new TreeMap<>();
        files.put(COMPLETIONS + "/ipc.bash", ShellCompletion.bash(root));
        files.put(COMPLETIONS + "/_ipc", ShellCompletion.zsh(root));
        files.put(COMPLETIONS + "/ipc.fish", FishCompletion.of(root));
        for (CommandLine command : CommandText.commands(root)) {
            if (!CommandText.isHelp(command)) {
                files.put(MAN + "/" + ManPage.fileName(command), ManPage.of(command, version));
            }
        }
        return files;
    }

    /** Writes the files into the project and removes pages of commands that no longer exist. */
    public static void write(Path project, Map<String, String> files) throws IOException {
        for (String directory : new String[] {COMPLETIONS, MAN}) {
            Path dir = project.resolve(directory);
            Files.createDirectories(dir);
            try (DirectoryStream<Path> existing = Files.newDirectoryStream(dir)) {
                for (Path file : existing) {
                    if (!files.containsKey(directory + "/" + file.getFileName())) {
                        Files.delete(file);
                        System.out.println("removed " + project.relativize(file));
                    }
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = project.resolve(file.getKey());
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(path) || !java.util.Arrays.equals(Files.readAllBytes(path), content)) {
                Files.write(path, content);
                System.out.println("wrote " + file.getKey());
            }
        }
    }
}
