// Writes completions/ and man/ from the whole command tree: `scripts/generate-docs` runs it.
package dev.ipc;

import dev.ipc.docs.Generate;

import java.io.IOException;
import java.nio.file.Path;

public final class GenerateDocs {
    private GenerateDocs() {
    }

    /** Usage: GenerateDocs PROJECT_DIR. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: dev.ipc.GenerateDocs PROJECT_DIR");
            System.exit(2);
        }
        Generate.write(Path.of(args[0]), Generate.files(CommandTree.full()));
    }
}
