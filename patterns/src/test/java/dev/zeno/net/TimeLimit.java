package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.function.Executable;

/**
 * Like {@code assertTimeoutPreemptively}, but a body that runs out of time has every thread's
 * stack printed first, before it is interrupted, so a rare hang can be read from the build log
 * (JUnit's own version interrupts first, and the stuck stack is gone).
 */
final class TimeLimit {
    private TimeLimit() {
    }

    /** Runs {@code body} on a thread of its own; fails, with a thread dump on stderr, if it lasts longer than {@code limit}. */
    static void within(Duration limit, Executable body) {
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "time-limited test body");
            thread.setDaemon(true);
            return thread;
        });
        Future<?> result = runner.submit(() -> {
            try {
                body.execute();
            } catch (Throwable failure) {
                throw TimeLimit.<RuntimeException>sneaky(failure); // comes back as the cause below
            }
            return null;
        });
        try {
            result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException timedOut) {
            System.err.println("timed out after " + limit + "; every thread's stack:\n" + threadDump());
            result.cancel(true);
            fail("timed out after " + limit + " (thread dump on stderr)");
        } catch (ExecutionException failed) {
            throw sneaky(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the test body");
        } finally {
            runner.shutdownNow();
        }
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }

    /** Rethrows the body's own failure (an assertion, an exception) as it was. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable failure) throws T {
        throw (T) failure;
    }
}
