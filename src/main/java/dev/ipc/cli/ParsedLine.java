// The values one command line gave a command built in code: from picocli's parse, or from the start-up fast path.
package dev.ipc.cli;

/**
 * What a command reads of its line, so that the object commands a script runs in a loop can also be run
 * without picocli (dev.ipc.FastPath): picocli's parse is read through {@link CommandSpecs#parsed}.
 */
public interface ParsedLine {
    /** The value of the option of this name: as given, else its default, else null. */
    String text(String option);

    /** Whether the flag of this name was given. */
    boolean given(String flag);

    /** Whether the option of this name appears on the line (with or without a value). */
    boolean matched(String option);

    /** The value of the positional parameter at this index: a String, or a List for one of many values. */
    <T> T positional(int index);
}
