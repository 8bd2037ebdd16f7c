// The terminal while ipc top runs: the alternate screen, no cursor, keys one by one unechoed; all given back on
// close, or by a shutdown hook when the JVM is ended by a signal.
package dev.ipc.top;

import dev.ipc.cli.Terminal;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Posix;
import dev.ipc.libc.TerminalCalls;
import dev.ipc.util.ShutdownHooks;
import org.fusesource.jansi.Ansi;
import org.fusesource.jansi.Ansi.Attribute;
import org.fusesource.jansi.Ansi.Erase;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

final class Screen implements AutoCloseable {
    private static final int KEYBOARD = 0;
    private static final int DISPLAY = 1;
    private static final String ALTERNATE_SCREEN = "\u001b[?1049h";
    private static final String MAIN_SCREEN = "\u001b[?1049l";
    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";
    private static final int ESCAPE = 27;
    /** When the terminal cannot say its size. */
    private static final TerminalCalls.Size FALLBACK = new TerminalCalls.Size(24, 80);

    private final PrintWriter out;
    private final boolean colour;
    /** The keyboard's modes before we changed them; null when standard input is not a terminal (no keys). */
    private final byte[] savedModes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread restoreOnSignal;
    private final byte[] keys = new byte[64];
    private boolean keyboard;

    private Screen(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
        this.savedModes = TerminalCalls.modes(KEYBOARD);
        this.keyboard = savedModes != null;
        this.restoreOnSignal = new Thread(this::restore, "ipc top: restore the terminal");
    }

    /** Takes the terminal over; {@link #close} gives it back as it was. */
    static Screen open(PrintWriter out, boolean colour) {
        Screen screen = new Screen(out, colour);
        ShutdownHooks.add(screen.restoreOnSignal);
        if (screen.savedModes != null) {
            TerminalCalls.keysOneByOne(KEYBOARD, screen.savedModes);
        }
        out.print(ALTERNATE_SCREEN + HIDE_CURSOR);
        out.flush();
        return screen;
    }

    TerminalCalls.Size size() {
        TerminalCalls.Size size = TerminalCalls.size(DISPLAY);
        return size != null ? size : FALLBACK;
    }

    /** Draws the lines from the top left, each cleared to its end, and clears what is below them. */
    void draw(List<FrameText.Line> lines) {
        Ansi ansi = new Ansi(lines.size() * 100).cursor(1, 1);
        for (int i = 0; i < lines.size(); i++) {
            FrameText.Line line = lines.get(i);
            if (colour) {
                style(ansi, line.style());
            }
            ansi.a(line.text());
            if (colour && line.style() != FrameText.Style.NORMAL) {
                ansi.a(Attribute.RESET);
            }
            ansi.eraseLine(Erase.FORWARD);
            if (i < lines.size() - 1) {
                ansi.a("\r\n"); // not after the last line: the screen would scroll
            }
        }
        ansi.eraseScreen(Erase.FORWARD);
        out.print(ansi);
        out.flush();
    }

    private static void style(Ansi ansi, FrameText.Style style) {
        switch (style) {
            case TITLE, HEADING -> ansi.a(Attribute.INTENSITY_BOLD);
            case CHANGED -> ansi.fgBrightGreen();
            case WARNING -> ansi.fgYellow();
            case FOOTER -> ansi.a(Attribute.NEGATIVE_ON);
            default -> {
            }
        }
    }

    /**
     * The next key pressed within timeoutMillis, or -1. An arrow key reads as &lt; (left) or &gt; (right); other
     * escape sequences are dropped. Without a keyboard it only waits.
     */
    int key(int timeoutMillis) throws InterruptedException {
        if (!keyboard) {
            Thread.sleep(timeoutMillis);
            return -1;
        }
        int events = Posix.poll(KEYBOARD, FileConstants.POLLIN, timeoutMillis);
        if (events == 0) {
            return -1;
        }
        int n = (events & FileConstants.POLLIN) != 0 ? TerminalCalls.read(KEYBOARD, keys) : 0;
        if (n == 0) {
            keyboard = false; // the terminal hung up: go on until a signal ends us
            return -1;
        }
        if (keys[0] != ESCAPE) {
            return keys[0] & 0xff;
        }
        if (n == 3 && keys[1] == '[') {
            return keys[2] == 'D' ? '<' : keys[2] == 'C' ? '>' : -1;
        }
        return -1;
    }

    @Override
    public void close() {
        restore();
        try {
            ShutdownHooks.remove(restoreOnSignal);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run: nothing to remove
        }
    }

    /** Once, whoever comes first: close or the shutdown hook. */
    private void restore() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        out.print((colour ? Terminal.RESET : "") + SHOW_CURSOR + MAIN_SCREEN);
        out.flush();
        if (savedModes != null) {
            TerminalCalls.restore(KEYBOARD, savedModes);
        }
    }
}
