// jffi's stub library, loaded before any other jffi class is used, under the one locale that formats for free.
package dev.ipc.libc;

import com.kenai.jffi.Invoker;
import com.kenai.jffi.MemoryIO;

import java.util.Locale;

/**
 * jffi names its stub library with String.format("jffi-%d.%d"), and a format in any locale but en_US loads the
 * JDK's locale data (CLDR) for its digits: C.UTF-8, de_DE and most others paid that on every native command. The
 * loader runs once, here, with en_US as the format locale; the locale is put back at once.
 */
final class JffiStub {
    static {
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        if (!format.equals(Locale.US)) {
            Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        }
        try {
            Class.forName("com.kenai.jffi.internal.StubLoader", true, JffiStub.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // jffi itself reports a missing stub loader when first used
        } finally {
            if (!format.equals(Locale.US)) {
                Locale.setDefault(Locale.Category.FORMAT, format);
            }
        }
    }

    private JffiStub() {
    }

    /** jffi's memory access, its stub loaded first. */
    static MemoryIO memory() {
        return MemoryIO.getInstance();
    }

    /** jffi's call layer, its stub loaded first. */
    static Invoker invoker() {
        return Invoker.getInstance();
    }
}
