package dev.zeno.bench.jmh;

import dev.zeno.bench.peer.BenchSocket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A background thread that receives from a socket and counts, for the throughput benchmarks:
 * each frame as a new array, or copied into one reused buffer. The receive timeout lets it
 * notice {@link #stop()}.
 */
final class Drainer implements Runnable {
    private final BenchSocket socket;
    private final Thread thread;
    /** The reused buffer to receive into; null to receive each frame as an array. */
    private final byte[] buffer;
    final AtomicLong received = new AtomicLong();
    private volatile boolean stop;
    private volatile Throwable failure;

    Drainer(BenchSocket socket, String name) {
        this(socket, name, 0);
    }

    /** A drainer receiving into a reused buffer of {@code bufferSize} bytes (0: new arrays). */
    Drainer(BenchSocket socket, String name, int bufferSize) {
        this.socket = socket;
        this.buffer = bufferSize > 0 ? new byte[bufferSize] : null;
        socket.setReceiveTimeoutMillis(100);
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    Drainer start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        long count = 0;
        try {
            while (!stop) {
                boolean got = buffer != null ? socket.receiveInto(buffer) >= 0 : socket.receive() != null;
                if (got) {
                    received.lazySet(++count);
                }
            }
        } catch (Throwable t) {
            if (!stop) {
                failure = t;
            }
        } finally {
            socket.close();
        }
    }

    /** Waits until {@code target} messages have arrived. */
    void await(long target) {
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("receiver failed", t);
        }
        Idle.awaitAtLeast(received, target, 30_000);
    }

    /** Stops the thread and waits for it (it closes its socket). */
    void stop() throws InterruptedException {
        stop = true;
        thread.join(5_000);
    }
}
