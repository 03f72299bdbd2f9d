package dev.zeno.examples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a role that runs "until killed" stops cleanly. When the JVM is asked to stop (Ctrl-C,
 * SIGTERM) — or {@link #request()} is called — it closes what it was given (the role's
 * context), which wakes the role from a blocking receive with a {@code SocketClosedException};
 * the role sees {@link #isRequested()}, finishes its own work (the recorder commits its last
 * batch) and closes this signal, which the shutdown hook waits for, a few seconds at most.
 */
public final class StopSignal implements AutoCloseable {
    private static final long CLEANUP_WAIT_SECONDS = 5;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private final Thread hook;

    private StopSignal(boolean onShutdown) {
        if (onShutdown) {
            hook = new Thread(this::stopFromHook, "zeno-examples-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        } else {
            hook = null;
        }
    }

    /** A signal raised when the JVM shuts down, or by {@link #request()}. */
    public static StopSignal onShutdown() {
        return new StopSignal(true);
    }

    /** A signal raised only by {@link #request()} (tests, the demo). */
    public static StopSignal manual() {
        return new StopSignal(false);
    }

    /** Closes {@code resource} when a stop is requested (typically the role's context). */
    public void closeOnStop(AutoCloseable resource) {
        toClose.add(resource);
        if (requested.get()) {
            closeQuietly(resource);
        }
    }

    /** True once a stop was requested: a closed socket then means "stop", not "fail". */
    public boolean isRequested() {
        return requested.get();
    }

    /** Requests a stop: closes the resources handed to {@link #closeOnStop}. Idempotent. */
    public void request() {
        if (requested.compareAndSet(false, true)) {
            for (AutoCloseable resource : toClose) {
                closeQuietly(resource);
            }
        }
    }

    /** Tells the shutdown hook that the role has finished its cleanup, and unregisters it. */
    @Override
    public void close() {
        finished.countDown();
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already: it only waits for the countDown above
            }
        }
    }

    private void stopFromHook() {
        request();
        try {
            finished.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // stopping: there is nobody left to tell
        }
    }
}
