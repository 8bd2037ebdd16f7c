// The version Maven builds, written into this source by the build (src/main/templates, filtered).
package dev.ipc.cli;

/** A constant, not a resource: reading one from the jar opened the jar on every ipc --version. */
final class BuildVersion {
    static final String VERSION = "${project.version}";

    private BuildVersion() {
    }
}
