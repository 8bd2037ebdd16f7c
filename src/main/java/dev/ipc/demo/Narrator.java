// What a demo's process says about itself: its steps, the system calls it makes, and facts for the verdict.
package dev.ipc.demo;

public interface Narrator {
    /** Whether --trace was given: then {@link #trace} lines are shown. */
    boolean tracing();

    /** One line of the given kind (say, trace or fact), stamped with the time it is told (System.nanoTime). */
    default void emit(String kind, String text) {
        emit(System.nanoTime(), kind, text);
    }

    /** One line stamped with the given System.nanoTime(), such as when the call it tells of began. */
    void emit(long nanos, String kind, String text);

    /** A step, and why, in the words of the documents. */
    default void say(String text) {
        emit("say", text);
    }

    /** A system call as strace writes it, e.g. "semop(3, [{sem_num=0, sem_op=-1, sem_flg=0}], 1) = 0". */
    default void trace(String call) {
        if (tracing()) {
            emit("trace", call);
        }
    }

    /** A system call on a kernel object named for --diagram ("socket 3"): shown as {@link #trace(String)}. */
    default void trace(String object, String call) {
        trace(object, call, System.nanoTime());
    }

    /**
     * As above, stamped with when the call began: calls of different processes then stand in the order the
     * kernel saw them (a connect before the accept it woke), not in the order they were told.
     */
    default void trace(String object, String call, long began) {
        if (tracing()) {
            emit(began, "trace", object + "\t" + call);
        }
    }

    /** A named value for the parent's checks; the name holds no space. */
    default void fact(String name, String value) {
        emit("fact", name + " " + value);
    }
}
