// One libc function: looked up, and its call interface prepared, on its first call only.
package dev.ipc.libc;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;

/**
 * Arguments and results travel as longs (ints, sizes, addresses); jffi converts them to the C types named here.
 * Functions that can fail save errno right after the call, before the JVM can change it: read it with
 * {@link Native#errno()}.
 */
final class NativeFunction {
    private static final Invoker INVOKER = JffiStub.invoker();

    private final String name;
    private final Type result;
    private final int fixed;
    private final Type[] parameters;
    private final boolean savesErrno;
    /** Racy on purpose: two threads may both bind, and either result is right; Bound's fields are final. */
    private Bound bound;

    private record Bound(long address, CallContext context) {
    }

    private NativeFunction(String name, boolean savesErrno, Type result, int fixed, Type... parameters) {
        this.name = name;
        this.savesErrno = savesErrno;
        this.result = result;
        this.fixed = fixed;
        this.parameters = parameters;
    }

    /** A call that can fail: errno is saved. */
    static NativeFunction checked(String name, Type result, Type... parameters) {
        return new NativeFunction(name, true, result, parameters.length, parameters);
    }

    /** A variadic call that can fail: the first fixed parameters are declared, the others passed as varargs. */
    static NativeFunction variadic(String name, int fixed, Type result, Type... parameters) {
        return new NativeFunction(name, true, result, fixed, parameters);
    }

    /** A call that cannot fail, or reports its error as its result (posix_spawn): errno is not saved. */
    static NativeFunction plain(String name, Type result, Type... parameters) {
        return new NativeFunction(name, false, result, parameters.length, parameters);
    }

    /** Looks the function up and prepares its call now rather than on its first call. */
    void bind() {
        bound();
    }

    private Bound bound() {
        Bound b = bound;
        if (b == null) {
            long address = Libc.LIBRARY.getSymbolAddress(name);
            if (address == 0) {
                throw new UnsatisfiedLinkError("libc has no " + name + ": " + Library.getLastError());
            }
            CallContext context = fixed == parameters.length
                    ? CallContext.getCallContext(result, parameters, CallingConvention.DEFAULT, savesErrno)
                    : CallContext.getCallContext(result, fixed, parameters, CallingConvention.DEFAULT, savesErrno);
            bound = b = new Bound(address, context);
        }
        return b;
    }

    long call() {
        Bound b = bound();
        return INVOKER.invokeN0(b.context, b.address);
    }

    long call(long a) {
        Bound b = bound();
        return INVOKER.invokeN1(b.context, b.address, a);
    }

    long call(long a, long c) {
        Bound b = bound();
        return INVOKER.invokeN2(b.context, b.address, a, c);
    }

    long call(long a, long c, long d) {
        Bound b = bound();
        return INVOKER.invokeN3(b.context, b.address, a, c, d);
    }

    long call(long a, long c, long d, long e) {
        Bound b = bound();
        return INVOKER.invokeN4(b.context, b.address, a, c, d, e);
    }

    long call(long a, long c, long d, long e, long f) {
        Bound b = bound();
        return INVOKER.invokeN5(b.context, b.address, a, c, d, e, f);
    }

    long call(long a, long c, long d, long e, long f, long g) {
        Bound b = bound();
        return INVOKER.invokeN6(b.context, b.address, a, c, d, e, f, g);
    }

    /** libc.so.6 (glibc 2.34 and later hold the POSIX IPC calls too), opened when the first function binds. */
    private static final class Libc {
        static final Library LIBRARY = JffiStub.library("libc.so.6", Library.LAZY | Library.LOCAL);
    }
}
