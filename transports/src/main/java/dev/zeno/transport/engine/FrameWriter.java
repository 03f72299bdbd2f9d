package dev.zeno.transport.engine;

import dev.zeno.transport.Msg;
import dev.zeno.transport.zmtp.ZmtpCommand;
import dev.zeno.transport.zmtp.ZmtpEncoder;
import dev.zeno.transport.zmtp.ZmtpFlags;
import dev.zeno.transport.zmtp.ZmtpSubscriptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * The outgoing side of one connection: a direct batch buffer that the encoder fills with many
 * small frames (one write system call for all of them), plus, for a large frame, a view of
 * the frame's own array written after the batch with one gathering write instead of being
 * copied into it.
 *
 * <p>Why 64 KiB to start with and not libzmq's 8 KiB: the system call, not the copy, is what
 * a write costs. Measured on tcp between two processes, 4 KiB messages went from ~165 k to
 * ~260 k msg/s (8 KiB to 64 KiB). A connection whose batches come out nearly full (a stream of
 * mid-sized messages) gets a batch of up to 256 KiB from then on (half the channel's send
 * buffer, see {@link #batchSizeFor}): with a 1 MiB read buffer on the other side, 4 KiB
 * messages over tcp went from 343-372 k to 394-443 k msg/s (3 runs each; a 128 KiB batch
 * gave 388-407 k). Small messages never fill 64 KiB (a pipe's default high-water mark holds
 * 18 KB of 16 B messages), so most connections keep the small batch. A small message still
 * goes out at once: the batch holds only what the pipe had when the engine looked.
 *
 * <p>Cycle: {@link #start} an item, {@link #fill()} until it says the bytes must go out, then
 * {@link #flush} until it reports everything written (the channel may take only part).
 * Not thread-safe: the connection's I/O thread owns it.
 */
final class FrameWriter {
    /** Size of a new connection's batch buffer. */
    static final int BATCH_SIZE = 64 * 1024;
    /** Size of the batch buffer of a connection whose batches fill up, at most. */
    static final int LARGE_BATCH_SIZE = 256 * 1024;

    private ByteBuffer batch = ByteBuffer.allocateDirect(BATCH_SIZE);
    /** What the batch grows to when it fills up ({@link #BATCH_SIZE}: it never grows). */
    private final int largeBatchSize;
    private final ZmtpEncoder encoder = new ZmtpEncoder();
    private final ByteBuffer[] gather = new ByteBuffer[2];
    /** The batch is flipped and being written (with {@link #direct} after it, if set). */
    private boolean flushing;
    /** A chunk of a large frame to write after the batch. */
    private ByteBuffer direct;
    /** The batch must be written before more is encoded (full, or a direct chunk is pending). */
    private boolean mustFlush;
    private long bytesWritten;

    /**
     * A writer whose batch grows to at most {@code largeBatchSize} (no less than
     * {@link #BATCH_SIZE}) once batches fill up: see {@link #batchSizeFor}.
     */
    FrameWriter(int largeBatchSize) {
        this.largeBatchSize = Math.max(BATCH_SIZE, Math.min(LARGE_BATCH_SIZE, largeBatchSize));
    }

    /**
     * The largest batch worth writing to a channel whose send buffer holds {@code sendBuffer}
     * bytes: half of it, so that a batch goes out in one write while the peer reads. Over a
     * Unix socket (a 104 KiB buffer by default) batches stay at 64 KiB: 256 KiB batches made
     * ipc 4 KiB messages slower (5+5 runs, median 361 k against 396 k msg/s), while over tcp
     * loopback (2 MiB) they made them faster.
     */
    static int batchSizeFor(int sendBuffer) {
        return sendBuffer / 2;
    }

    /** Whether an item is started and not yet completely encoded. */
    boolean isBusy() {
        return encoder.isBusy();
    }

    /** Whether bytes are waiting to be written. */
    boolean hasPendingBytes() {
        return flushing || direct != null || batch.position() > 0;
    }

    /** Whether the batch must be written before {@link #fill()} is called again. */
    boolean mustFlush() {
        return mustFlush || flushing;
    }

    /** The size the batch grows to: the most one write takes from it. */
    int largestBatch() {
        return largeBatchSize;
    }

    /** The total number of bytes written to the channel. */
    long bytesWritten() {
        return bytesWritten;
    }

    /**
     * Appends raw bytes (parts of the greeting) after whatever is still unwritten; only between
     * items, with no large frame pending, and with room for them.
     */
    void putRaw(byte[] bytes, int offset, int length) {
        if (encoder.isBusy() || direct != null) {
            throw new IllegalStateException("raw bytes only between items");
        }
        if (flushing) {
            batch.compact(); // back to filling, the unwritten bytes first
            flushing = false;
            mustFlush = false;
        }
        if (batch.remaining() < length) {
            throw new IllegalStateException("no room for " + length + " raw bytes");
        }
        batch.put(bytes, offset, length);
    }

    /** Starts a message. */
    void start(Msg msg) {
        encoder.start(msg);
    }

    /**
     * Starts a single-frame message given as its bare frame; a small one that fits goes into the
     * batch at once. A small one that does not fit waits for the batch to be written and then
     * goes whole into the empty one: a small frame is never split across two batches. The
     * encoder's split path then serves large frames only, so the JIT has one reason less to
     * recompile the batch loop when a batch first fills (C2 compiled it 3 times instead of 5 in
     * a tcp 16 B sender; medians 7.9 -> 8.1 M msg/s, 12+12 runs). It costs at most 256 bytes of
     * a 64 KiB batch.
     */
    void startFrame(byte[] frame) {
        if (flushing || !encoder.encodeWhole(frame, batch)) {
            encoder.startFrame(frame);
            if (!flushing && frame.length <= ZmtpFlags.MAX_SHORT_SIZE) {
                mustFlush = true;
            }
        }
    }

    /** Starts a command. */
    void start(ZmtpCommand command) {
        encoder.start(command);
    }

    /** Starts an internal subscription message as the peer expects it (command for 3.1, message for 3.0). */
    void startSubscription(Msg subscription, boolean peerIsAtLeast31) {
        ZmtpSubscriptions.start(encoder, subscription, peerIsAtLeast31);
    }

    /**
     * Encodes as much of the current item as fits.
     *
     * @return true if the bytes must be written before going on (batch full, or a large
     *     frame's chunk is waiting); false if the item is complete and the batch has room
     */
    boolean fill() {
        if (mustFlush()) {
            return true;
        }
        ByteBuffer chunk = encoder.fill(batch);
        if (chunk != null) {
            direct = chunk;
            mustFlush = true;
        } else if (encoder.isBusy() || !batch.hasRemaining()) {
            mustFlush = true;
        }
        return mustFlush;
    }

    /**
     * Writes pending bytes.
     *
     * @return true if everything pending has been written (the batch is empty again), false if
     *     the channel would take no more now
     */
    boolean flush(GatheringByteChannel channel) throws IOException {
        if (!flushing) {
            if (batch.position() == 0 && direct == null) {
                mustFlush = false;
                return true;
            }
            batch.flip();
            flushing = true;
        }
        boolean nearlyFull = batch.limit() > batch.capacity() / 4 * 3;
        if (direct == null) {
            while (batch.hasRemaining()) {
                int n = channel.write(batch);
                if (n <= 0) {
                    return false;
                }
                bytesWritten += n;
            }
        } else {
            gather[0] = batch;
            gather[1] = direct;
            while (batch.hasRemaining() || direct.hasRemaining()) {
                long n = channel.write(gather, 0, 2);
                if (n <= 0) {
                    return false;
                }
                bytesWritten += n;
            }
            gather[0] = null;
            gather[1] = null;
            direct = null;
        }
        batch.clear();
        if (nearlyFull && batch.capacity() < largeBatchSize) {
            batch = ByteBuffer.allocateDirect(largeBatchSize); // empty now: nothing to carry over
        }
        flushing = false;
        mustFlush = false;
        return true;
    }
}
