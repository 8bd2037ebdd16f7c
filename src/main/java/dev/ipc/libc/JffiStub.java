// jffi's stub library, loaded before any other jffi class is used: from the folder the launcher names, without jffi's
// own loader where that can be done.
package dev.ipc.libc;

import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Platform;
import com.kenai.jffi.Version;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Locale;

/**
 * jffi's loader (StubLoader, run by its Init through reflection) names the stub with String.format: the JDK's
 * Formatter compiles a regular expression and links the first lambdas of the run, and from JDK 21 on formats a
 * number with the locale's data read from CLDR. Where the launcher names the folder the stub was extracted to
 * ({@code jffi.boot.library.path}) and the platform is one the jar carries, the stub is loaded here with
 * System.load and Init is told it is loaded, so jffi's loader never runs. Anywhere else (another platform, no
 * folder, a jffi whose Init has no such field) jffi's loader runs as before, with en_US as the format locale, the one
 * that costs least on JDK 17.
 */
final class JffiStub {
    /** Whether the stub was loaded here; false where jffi's own loader ran. */
    static final boolean LOADED_DIRECTLY;

    static {
        LOADED_DIRECTLY = loadDirectly();
        if (LOADED_DIRECTLY) {
            platformWithoutVersionParse();
        } else {
            loadThroughJffi(); // jffi's loader makes Platform itself
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

    /** A library jffi opens (and keeps), with jffi's cleaner shared first (see {@link #shareCleaner}). */
    static Library library(String name, int flags) {
        shareCleaner();
        return Library.getCachedInstance(name, flags);
    }

    /**
     * jffi registers every Library it opens with a java.lang.ref.Cleaner, which it makes through reflection when the
     * first one opens: a thread of its own, and the reflective call's set-up parsing the annotations of
     * Cleaner.create. It is given the cleaner the JDK already runs for its own buffers (CleanerFactory's, started
     * before main by the class path's set-up) instead, whose thread then closes the library should jffi drop it; it
     * never does for libc. Where that cleaner cannot be read, jffi makes its own as before.
     */
    private static void shareCleaner() {
        sun.misc.Unsafe unsafe = TheUnsafe.UNSAFE;
        if (unsafe == null) {
            return;
        }
        try {
            Field commonField = Class.forName("jdk.internal.ref.CleanerFactory").getDeclaredField("commonCleaner");
            Object common = unsafe.getObject(unsafe.staticFieldBase(commonField),
                    unsafe.staticFieldOffset(commonField));
            Field jffiField = Class.forName("com.kenai.jffi.internal.Cleaner", true, JffiStub.class.getClassLoader())
                    .getDeclaredField("cleaner");
            Object base = unsafe.staticFieldBase(jffiField);
            long offset = unsafe.staticFieldOffset(jffiField);
            if (common instanceof java.lang.ref.Cleaner && jffiField.getType() == Object.class
                    && unsafe.getObjectVolatile(base, offset) == null) {
                unsafe.putObjectVolatile(base, offset, common);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // jffi makes a cleaner of its own
        }
    }

    private static boolean loadDirectly() {
        String folder = System.getProperty("jffi.boot.library.path");
        String platform = platform();
        if (folder == null || folder.isEmpty() || platform == null || TheUnsafe.UNSAFE == null) {
            return false;
        }
        File stub = new File(folder, platform + "/libjffi-" + Version.MAJOR + "." + Version.MINOR + ".so");
        if (!stub.isFile()) {
            return false;
        }
        Field loaded;
        try {
            // initialised first: its initialiser sets the field to false
            loaded = Class.forName("com.kenai.jffi.Init", true, JffiStub.class.getClassLoader())
                    .getDeclaredField("loaded");
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
        if (loaded.getType() != boolean.class) {
            return false;
        }
        try {
            System.load(stub.getAbsolutePath());
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
        sun.misc.Unsafe unsafe = TheUnsafe.UNSAFE;
        try {
            unsafe.putBooleanVolatile(unsafe.staticFieldBase(loaded), unsafe.staticFieldOffset(loaded), true);
        } catch (LinkageError | RuntimeException gone) {
            // a JDK without these methods: jffi's loader finds the library loaded already, from the same path
            return false;
        }
        return true;
    }

    /**
     * jffi's Platform, made while java.version is hidden. Its constructor reads the Java version from that property
     * with split("[^0-9.]"), the first regular expression of a native command's run (with the JVM's lambda
     * machinery behind it), then takes what follows the first dot: "17.0.15" and "25.0.1" fail to parse and give
     * 8, as a missing property does; the number is only returned by Platform.getJavaMajorVersion, which neither
     * jffi nor ipc calls. ipc reads the property nowhere, and this runs once, before any native call.
     */
    private static void platformWithoutVersionParse() {
        String version = System.getProperty("java.version");
        if (version == null) {
            return;
        }
        System.clearProperty("java.version");
        try {
            Platform.getPlatform();
        } finally {
            System.setProperty("java.version", version);
        }
    }

    /** jffi's folder name for this JVM's platform, for the two the jar carries; null for any other. */
    private static String platform() {
        if (!"Linux".equals(System.getProperty("os.name"))) {
            return null;
        }
        String arch = System.getProperty("os.arch");
        if ("amd64".equals(arch) || "x86_64".equals(arch)) {
            return "x86_64-Linux";
        }
        if ("aarch64".equals(arch)) {
            return "aarch64-Linux";
        }
        return null;
    }

    private static void loadThroughJffi() {
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
}
