package dev.zeno.transport.engine;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MpscUnboundedArrayQueue;

/**
 * One I/O thread: a {@link Selector} loop with a multi-producer task queue and timers. Every
 * listener, session and engine belongs to one I/O thread and is touched only from it; other
 * threads reach them through {@link #execute}.
 *
 * <p>Waking the thread is cheap: {@link #execute} enqueues and calls {@link Selector#wakeup()}
 * only if the thread announced that it is about to block in {@code select} (a Dekker-style
 * handshake on a volatile state word), and only once per such sleep. A busy thread, which
 * finds tasks in its queue before it would block, is never woken by a system call.
 *
 * <p>The thread is a daemon named {@code zeno-io-N}. It stops after {@link #requestShutdown()}
 * once its listeners and sessions are gone; tasks arriving after that run on the caller's
 * thread in "terminated" mode, where sessions and listeners only close what they own.
 */
public final class IoThread {
    private static final System.Logger LOG = System.getLogger(IoThread.class.getName());
    private static final int AWAKE = 0;
    private static final int SLEEPING = 1;
    private static final VarHandle STATE;
    /** Tasks run per loop turn before the selector is polled again, for fairness. */
    private static final int TASK_BATCH = 4096;
    /** Read buffers lent out at most at once: 16 x 1 MiB of direct memory per I/O thread. */
    static final int MAX_LENT_READ_BUFFERS = 16;
    /** Lent buffers kept for reuse once given back; more are left to the collector. */
    private static final int MAX_SPARE_READ_BUFFERS = 2;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(IoThread.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final MpscUnboundedArrayQueue<Runnable> tasks = new MpscUnboundedArrayQueue<>(256);
    private final Timers timers = new Timers();
    /**
     * One read buffer for all the thread's connections (each decodes what it read at once), or
     * null while lent out ({@link #lendReadBuffer}) until the next read needs one.
     */
    private ByteBuffer readBuffer;
    /** Lent read buffers given back, for the next read that needs one. */
    private final ArrayDeque<ByteBuffer> spareReadBuffers = new ArrayDeque<>(MAX_SPARE_READ_BUFFERS);
    private int lentReadBuffers;
    /** Listeners and sessions; changed on the I/O thread only, readable by others for diagnostics. */
    private final Set<IoObject> live = ConcurrentHashMap.newKeySet();
    private final Object terminationLock = new Object();
    private volatile int state = AWAKE;
    private volatile boolean terminated;
    private boolean shutdownRequested;

    /** Opens the selector and makes (but does not start) the thread called {@code name}. */
    IoThread(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The thread's name, e.g. "zeno-io-0". */
    public String name() {
        return thread.getName();
    }

    /**
     * Runs {@code task} on this I/O thread, soon. Any thread may call it; it never blocks and
     * makes a system call only when the I/O thread sleeps in select.
     */
    public void execute(Runnable task) {
        tasks.offer(task);
        // offer's CAS on the producer index is ordered before this volatile read (and the
        // thread's volatile store of SLEEPING before its emptiness check): one of us sees the other.
        if (state == SLEEPING && STATE.compareAndSet(this, SLEEPING, AWAKE)) {
            selector.wakeup();
        }
        if (terminated) {
            drainAfterTermination();
        }
    }

    /** True when called on this I/O thread. */
    public boolean inThread() {
        return Thread.currentThread() == thread;
    }

    /** True once the loop has ended; objects then only close what they own. */
    public boolean isTerminated() {
        return terminated;
    }

    /** Runs {@code action} after {@code delayMillis} on this thread. I/O thread only. */
    public Timer schedule(long delayMillis, Runnable action) {
        return timers.schedule(TimeUnit.MILLISECONDS.toNanos(delayMillis), action);
    }

    /**
     * The thread's shared read buffer ({@code size} bytes, direct; the same size on every call).
     * A connection reads into it and decodes everything before its handler returns; bytes it
     * must keep (while its inbound pipe is full) it copies out, or keeps the buffer itself
     * ({@link #lendReadBuffer}). I/O thread only.
     */
    ByteBuffer readBuffer(int size) {
        if (readBuffer == null) {
            ByteBuffer spare = spareReadBuffers.poll();
            readBuffer = spare != null ? spare : ByteBuffer.allocateDirect(size);
        }
        return readBuffer;
    }

    /**
     * Lets a connection keep {@code buffer}, the shared read buffer it has just read into, for
     * the bytes its full inbound pipe could not take yet; the next read gets another buffer.
     * Refused once {@value #MAX_LENT_READ_BUFFERS} are out (the connection copies its bytes
     * instead), which bounds what lending adds to that many buffers per I/O thread. I/O thread
     * only.
     *
     * @return true if the buffer is the connection's until it {@link #returnReadBuffer returns} it
     */
    boolean lendReadBuffer(ByteBuffer buffer) {
        if (buffer != readBuffer || lentReadBuffers >= MAX_LENT_READ_BUFFERS) {
            return false;
        }
        readBuffer = null;
        lentReadBuffers++;
        return true;
    }

    /** A lent buffer's bytes are decoded (or its connection closed): it is the thread's again. I/O thread only. */
    void returnReadBuffer(ByteBuffer buffer) {
        lentReadBuffers--;
        if (spareReadBuffers.size() < MAX_SPARE_READ_BUFFERS) {
            spareReadBuffers.push(buffer);
        }
    }

    /** The selector channels of this thread register with. I/O thread only. */
    Selector selector() {
        return selector;
    }

    /** Records a live listener or session. I/O thread only. */
    void register(IoObject object) {
        live.add(object);
        if (shutdownRequested) {
            object.shutdown();
        }
    }

    /** Forgets a listener or session that has closed. I/O thread only (or after termination). */
    void unregister(IoObject object) {
        if (!terminated) {
            live.remove(object);
        }
    }

    /**
     * Processes cancelled keys now, so channels closed on this thread really release their
     * sockets (a bound port, an ipc file) before the caller goes on. Must not be called from
     * inside a selection-key handler. I/O thread only.
     */
    void flushCancelledKeys() {
        try {
            selector.selectNow(this::dispatch);
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(System.Logger.Level.DEBUG, "selectNow after close failed", e);
        }
    }

    /** Asks the thread to stop once its listeners and sessions have closed. */
    void requestShutdown() {
        execute(() -> {
            shutdownRequested = true;
            for (IoObject object : new ArrayList<>(live)) {
                try {
                    object.shutdown();
                } catch (Throwable t) {
                    LOG.log(System.Logger.Level.WARNING, "shutdown of " + object + " failed", t);
                }
            }
        });
    }

    /** Waits up to {@code millis} for the thread to end; true if it has. */
    boolean join(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** What keeps the thread alive, for a diagnostic when a shutdown takes long. */
    String describeLive() {
        return live.toString();
    }

    private void loop() {
        try {
            while (true) {
                runTasks();
                long wait = timers.runDue(System.nanoTime());
                // after the timers: a linger timer may just have ended the last session
                if (shutdownRequested && live.isEmpty()) {
                    break;
                }
                try {
                    if (!tasks.isEmpty()) {
                        selector.selectNow(this::dispatch);
                        continue;
                    }
                    state = SLEEPING;
                    if (!tasks.isEmpty()) {
                        state = AWAKE;
                        selector.selectNow(this::dispatch);
                        continue;
                    }
                    long millis = wait < 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
                    selector.select(this::dispatch, millis);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, thread.getName() + ": select failed", e);
                } finally {
                    state = AWAKE;
                }
            }
        } catch (Throwable fatal) {
            LOG.log(System.Logger.Level.ERROR, thread.getName() + ": I/O loop failed", fatal);
        } finally {
            terminate();
        }
    }

    private void runTasks() {
        for (int i = 0; i < TASK_BATCH; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            runSafely(task);
        }
    }

    private void dispatch(SelectionKey key) {
        Object attachment = key.attachment();
        if (!(attachment instanceof IoHandler)) {
            return;
        }
        IoHandler handler = (IoHandler) attachment;
        try {
            if (key.isValid()) {
                handler.ready(key.readyOps());
            }
        } catch (Throwable t) {
            try {
                handler.failed(t);
            } catch (Throwable again) {
                LOG.log(System.Logger.Level.WARNING, "closing a failed handler failed", again);
            }
        }
    }

    private void terminate() {
        terminated = true;
        drainAfterTermination();
        for (IoObject object : new ArrayList<>(live)) {
            try {
                object.shutdown();
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "shutdown of " + object + " failed", t);
            }
        }
        live.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the selector failed", e);
        }
        drainAfterTermination();
    }

    private void drainAfterTermination() {
        synchronized (terminationLock) {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                runSafely(task);
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "I/O task failed", t);
        }
    }

    @Override
    public String toString() {
        return thread.getName();
    }
}
