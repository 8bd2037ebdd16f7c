// Work on a thread of its own: its answer, what it throws, and an interrupt while the caller waits.
package dev.ipc.util;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundTest {
    @Test
    void the_answer_comes_from_another_daemon_thread() throws Exception {
        Background<Thread> work = Background.start("test work", Thread::currentThread);
        Thread ran = work.answer();
        assertTrue(ran != Thread.currentThread() && ran.isDaemon(), ran::toString);
        assertEquals("test work", ran.getName());
    }

    @Test
    void what_the_work_throws_is_thrown_to_the_caller_as_it_was() {
        IOException checked = new IOException("no such file");
        IllegalArgumentException unchecked = new IllegalArgumentException("bad");
        AssertionError error = new AssertionError("broken");
        assertSame(checked, assertThrows(IOException.class, () -> Background.start("io", failing(checked)).answer()));
        assertSame(unchecked, assertThrows(IllegalArgumentException.class,
                () -> Background.start("arg", failing(unchecked)).uncheckedAnswer()));
        assertSame(error, assertThrows(AssertionError.class, () -> Background.start("err", failing(error)).answer()));
        IllegalStateException wrapped = assertThrows(IllegalStateException.class,
                () -> Background.start("io", failing(checked)).uncheckedAnswer());
        assertSame(checked, wrapped.getCause());
    }

    @Test
    void an_interrupt_waits_for_the_answer_and_is_kept_for_the_caller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Background<String> work = Background.start("slow", () -> {
            release.await();
            return "done";
        });
        Thread.currentThread().interrupt();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            release.countDown();
        });
        releaser.start();
        assertEquals("done", work.answer());
        assertTrue(Thread.interrupted(), "the interrupt is still set");
        releaser.join();
    }

    private static <T> Callable<T> failing(Throwable thrown) {
        return () -> {
            if (thrown instanceof Exception exception) {
                throw exception;
            }
            throw (Error) thrown;
        };
    }
}
