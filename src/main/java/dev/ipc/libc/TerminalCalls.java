// A terminal's size and its input modes, for a full-screen view: TIOCGWINSZ, tcgetattr and tcsetattr.
package dev.ipc.libc;

/** The constants are those of x86_64 glibc (asm-generic/ioctls.h, termios.h); FileLayoutsTest checks them. */
public final class TerminalCalls {
    public static final int TIOCGWINSZ = 0x5413;
    public static final int TCSANOW = 0;
    public static final int ISIG = 0000001;
    public static final int ICANON = 0000002;
    public static final int ECHO = 0000010;
    public static final int IEXTEN = 0100000;
    public static final int IXON = 0002000;
    public static final int ICRNL = 0000400;
    public static final int VTIME = 5;
    public static final int VMIN = 6;

    private TerminalCalls() {
    }

    /** Rows and columns of a terminal. */
    public record Size(int rows, int columns) {
    }

    /** null when fd is not a terminal or the terminal does not know its size (0 x 0). */
    public static Size size(int fd) {
        Pointer winsize = Native.allocate(Layouts.WINSIZE_SIZE);
        if (Native.libc().ioctl(fd, TIOCGWINSZ, winsize) != 0) {
            return null;
        }
        int rows = Short.toUnsignedInt(winsize.getShort(Layouts.WINSIZE_ROW));
        int columns = Short.toUnsignedInt(winsize.getShort(Layouts.WINSIZE_COL));
        return rows == 0 || columns == 0 ? null : new Size(rows, columns);
    }

    /** The terminal's modes now, to give back to {@link #restore}; null when fd is not a terminal. */
    public static byte[] modes(int fd) {
        Pointer termios = Native.allocate(Layouts.TERMIOS_SIZE);
        if (Native.libc().tcgetattr(fd, termios) != 0) {
            return null;
        }
        byte[] saved = new byte[Layouts.TERMIOS_SIZE];
        for (int i = 0; i < saved.length; i++) {
            saved[i] = termios.getByte(i);
        }
        return saved;
    }

    /**
     * Keys one at a time, unechoed, Ctrl-C and Ctrl-S as bytes rather than signals, a read returning as soon as
     * one byte is there: what top sets. Output processing stays as it was.
     */
    public static void keysOneByOne(int fd, byte[] saved) {
        Pointer termios = filled(saved);
        termios.putInt(Layouts.TERMIOS_LFLAG,
                termios.getInt(Layouts.TERMIOS_LFLAG) & ~(ICANON | ECHO | ISIG | IEXTEN));
        termios.putInt(Layouts.TERMIOS_IFLAG, termios.getInt(Layouts.TERMIOS_IFLAG) & ~(IXON | ICRNL));
        termios.putByte(Layouts.TERMIOS_CC + VMIN, (byte) 1);
        termios.putByte(Layouts.TERMIOS_CC + VTIME, (byte) 0);
        Native.check("tcsetattr", Native.libc().tcsetattr(fd, TCSANOW, termios));
    }

    /** Puts back the modes {@link #modes} saved; false when the terminal refused (it is gone). */
    public static boolean restore(int fd, byte[] saved) {
        return Native.libc().tcsetattr(fd, TCSANOW, filled(saved)) == 0;
    }

    /** Reads what is there, at most buffer.length bytes; 0 at end of input or on a failure. */
    public static int read(int fd, byte[] buffer) {
        Pointer memory = Native.allocate(buffer.length);
        long n = Native.libc().read(fd, memory, buffer.length);
        for (int i = 0; i < n; i++) {
            buffer[i] = memory.getByte(i);
        }
        return (int) Math.max(n, 0);
    }

    private static Pointer filled(byte[] saved) {
        Pointer termios = Native.allocate(Layouts.TERMIOS_SIZE);
        for (int i = 0; i < saved.length; i++) {
            termios.putByte(i, saved[i]);
        }
        return termios;
    }
}
