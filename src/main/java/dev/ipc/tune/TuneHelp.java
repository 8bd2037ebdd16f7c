// Help text the three tune commands share; %n breaks lines, which fit 80 columns.
package dev.ipc.tune;

final class TuneHelp {
    static final String DESCRIPTION = "With no values, shows each limit, what it means and how much of it is in use "
            + "now. With values, checks them all, changes them, reads them back and shows old -> new.";

    static final String PRESETS = "Presets (minimums; a limit already higher is kept), and where they come from:";

    /** The last paragraphs of each footer. */
    static final String COMMON = "%n"
            + "Values are plain decimal: the kernel would read 0777 as octal and 0x10 as%n"
            + "hexadecimal, and ignore what follows a number, so those are refused.%n"
            + "Lowering a limit is refused unless --force (vendor guides often ask for less%n"
            + "than today's defaults), and the message says what would break, such as a%n"
            + "value below what is in use. Values that contradict each other are set, with%n"
            + "a warning.%n"
            + "%n"
            + "The limits belong to the IPC namespace: in a container or `unshare --ipc` a%n"
            + "change applies to that namespace only, and a --persist file is applied at%n"
            + "boot to the initial one.%n"
            + "%n"
            + "Exit status: 0 done, or nothing to change; 1 refused (see --force), no%n"
            + "permission, the kernel did not take a value, or the --persist file could not%n"
            + "be saved (the previous values are then restored); 2 bad usage or a bad value.";

    private TuneHelp() {
    }
}
