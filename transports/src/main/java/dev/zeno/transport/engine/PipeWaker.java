package dev.zeno.transport.engine;

import dev.zeno.transport.Peer;
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
 *
 * <p>Write-through: on the outbound pipe of a socket that {@link Peer#prefersWriteThrough()
 * asked for it} (REQ, REP), a wake that finds the engine idle lets the socket's thread write
 * the message itself ({@link ZmtpEngine#writeOnCallerThread}) instead of waking the I/O
 * thread; the engine re-arms this waker when it is done, as the I/O thread would.
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
    private final Peer peer;
    private final Pipe pipe;
    private final boolean engineReads;
    private volatile int armed;
    private volatile int endSignalled;
    /** The engine the socket's thread may write through, while one is in its data phase. */
    private volatile ZmtpEngine writeThrough;

    /**
     * @param io the session's I/O thread
     * @param onEvent what to run there
     * @param peer the connection's peer
     * @param engineReads true for the outbound pipe, which the engine reads (its end is the
     *     writer closing), false for the inbound one, which it writes (its end is the reader closing)
     */
    PipeWaker(IoThread io, Runnable onEvent, Peer peer, boolean engineReads) {
        this.io = io;
        this.onEvent = onEvent;
        this.peer = peer;
        this.pipe = engineReads ? peer.outbound() : peer.inbound();
        this.engineReads = engineReads;
    }

    @Override
    public void wake() {
        if (armed != 0 && ARMED.compareAndSet(this, 1, 0) && !writtenByCaller()) {
            io.execute(this);
            return;
        }
        if (endSignalled == 0 && ended() && END_SIGNALLED.compareAndSet(this, 0, 1)) {
            io.execute(this);
        }
    }

    /** Whether the calling (socket) thread wrote the pipe's messages itself; see the class comment. */
    private boolean writtenByCaller() {
        ZmtpEngine engine = writeThrough;
        return engine != null && peer.prefersWriteThrough() && engine.writeOnCallerThread();
    }

    /** Lets the socket's thread write through {@code engine}, now in its data phase. I/O thread. */
    void startWriteThrough(ZmtpEngine engine) {
        writeThrough = engine;
    }

    /** {@code engine} is closing: no more writes through it. I/O thread. */
    void stopWriteThrough(ZmtpEngine engine) {
        if (writeThrough == engine) {
            writeThrough = null;
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
