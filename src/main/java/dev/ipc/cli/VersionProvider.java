// Reads the version Maven wrote into the jar, so --version never disagrees with the build.
package dev.ipc.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/ipc/version.txt")) {
            String version = in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return new String[] {"ipc " + version};
        }
    }
}
