package dev.zeno.transport.engine;

import dev.zeno.transport.Pipe;
import dev.zeno.transport.Waker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The waker an engine puts on its end of a pipe. It schedules the session on its I/O thread
 * only when the session asked for it ({@link #arm()}: idle, waiting for messages; or blocked,
 * waiting for room) and only once per arming; otherwise a wake costs one volatile read. The
 * end of the pipe (the socket closed its side) is always signalled, once, so a session that
 * is busy writing still learns of it and starts its linger.
 *
 * <p>Protocol: the I/O thread arms, then re-checks the pipe (the volatile store of the arm is
 * ordered before that check); the socket thread publishes, fences (the pipe does) and calls
 * {@link #wake()}, which reads the arm. One of them sees the other, so no wake-up is lost.
 */
final class PipeWaker implements Waker, Runnable {
    private static final VarHandle ARMED;
    private static final VarHandle END_SIGNALLED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ARMED = lookup.findVarHandle(PipeWaker.class, "armed", int.class);
            END_SIGNALLED = lookup.findVarHandle(PipeWaker.class, "endSignalled", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IoThread io;
    private final Runnable onEvent;
    private final Pipe pipe;
    private final boolean engineReads;
    private volatile int armed;
    private volatile int endSignalled;

    /**
     * @param io the session's I/O thread
     * @param onEvent what to run there
     * @param pipe the pipe this waker is set on
     * @param engineReads true if the engine reads {@code pipe} (its end is the writer closing),
     *     false if it writes it (its end is the reader closing)
     */
    PipeWaker(IoThread io, Runnable onEvent, Pipe pipe, boolean engineReads) {
        this.io = io;
        this.onEvent = onEvent;
        this.pipe = pipe;
        this.engineReads = engineReads;
    }

    @Override
    public void wake() {
        if (armed != 0 && ARMED.compareAndSet(this, 1, 0)) {
            io.execute(this);
            return;
        }
        if (endSignalled == 0 && ended() && END_SIGNALLED.compareAndSet(this, 0, 1)) {
            io.execute(this);
        }
    }

    /** The session waits for this pipe: the next change schedules it. Then re-check the pipe. */
    void arm() {
        armed = 1;
    }

    /** The session no longer waits (it found what it waited for on its re-check). */
    void disarm() {
        armed = 0;
    }

    private boolean ended() {
        return engineReads ? pipe.isWriterClosed() : pipe.isReaderClosed();
    }

    @Override
    public void run() {
        onEvent.run();
    }

    @Override
    public String toString() {
        return (armed != 0 ? "armed" : "idle") + (endSignalled != 0 ? "+ended" : "");
    }
}
