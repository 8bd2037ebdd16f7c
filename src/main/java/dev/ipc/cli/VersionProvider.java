// The version Maven built, so --version never disagrees with the build.
package dev.ipc.cli;

import picocli.CommandLine.IVersionProvider;

public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ipc " + BuildVersion.VERSION};
    }
}
