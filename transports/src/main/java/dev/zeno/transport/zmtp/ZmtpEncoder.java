package dev.zeno.transport.zmtp;

import dev.zeno.transport.Msg;
import java.nio.ByteBuffer;

/**
 * Writes messages and commands as ZMTP frames into caller-supplied buffers, one item at a time,
 * resumable: when the buffer fills up mid-item, the encoder remembers where it stopped and the
 * next call continues there (after the engine has written and cleared the buffer).
 *
 * <p>Frames get the MORE flag on all but the last frame of a message, the short size form for
 * bodies up to 255 bytes and the long (8-byte) form above; commands are single frames with the
 * COMMAND flag.
 *
 * <h2>Two ways to drive it</h2>
 *
 * <p><b>Copying</b>: {@link #encode(ByteBuffer)} copies everything into the buffer; many small
 * messages batch into one buffer, one write system call for all of them.
 *
 * <p><b>Copying small frames, handing over large ones</b>: {@link #fill(ByteBuffer)} copies
 * headers and small frame bodies like {@code encode}, but for a frame body of at least the
 * direct-write threshold it stops and returns a read-only buffer over (a chunk of) the frame's own
 * array. The engine then writes its buffer and that chunk, in that order, e.g. with one
 * gathering write, and only then calls {@code fill} again. The chunk is bounded
 * ({@code maxDirectChunk}) because the JDK copies a heap buffer into a temporary direct buffer
 * of the same size on every channel write.
 *
 * <pre>{@code
 * ByteBuffer out = ByteBuffer.allocateDirect(8192);
 * for (;;) {
 *     if (!encoder.isBusy()) {
 *         Msg next = pipe.read();
 *         if (next == null) break;            // nothing left: write what out holds
 *         encoder.start(next);                // or start(command), or ZmtpSubscriptions.start(...)
 *     }
 *     ByteBuffer direct = encoder.fill(out);
 *     if (direct != null) {                   // out's bytes, then direct's, then carry on
 *         out.flip();
 *         writeFully(new ByteBuffer[] {out, direct});
 *         out.clear();
 *     } else if (encoder.isBusy()) {          // out is full: flush it, then continue the item
 *         out.flip();
 *         writeFully(new ByteBuffer[] {out});
 *         out.clear();
 *     }
 * }
 * }</pre>
 *
 * <p>(A non-blocking engine keeps the unwritten buffers and returns to the loop when the channel
 * is writable again; the encoder holds no reference to {@code out}.) Frame arrays are read, never
 * modified, so a message shared with other peers may be encoded by several encoders at once.
 * No allocation per message or frame, except one buffer view per large frame. Not thread-safe.
 */
public final class ZmtpEncoder {
    /** Frames of at least this many bytes are handed over by {@link #fill} rather than copied. */
    public static final int DEFAULT_DIRECT_THRESHOLD = 8 * 1024;
    /** The largest chunk of a frame that {@link #fill} hands over at once. */
    public static final int DEFAULT_MAX_DIRECT_CHUNK = 256 * 1024;

    private final int directThreshold;
    private final int maxDirectChunk;

    private boolean busy;
    private Msg msg;
    private int frameIndex;
    private int frameCount;

    private final byte[] header = new byte[9];
    private int headerLength;
    private int headerPos;
    private byte[] body;
    private int bodyPos;
    /** A read-only view over the current large frame, reused for each of its chunks. */
    private ByteBuffer directView;

    /** An encoder with the default direct-write threshold (8 KiB) and chunk (256 KiB). */
    public ZmtpEncoder() {
        this(DEFAULT_DIRECT_THRESHOLD, DEFAULT_MAX_DIRECT_CHUNK);
    }

    /**
     * An encoder whose {@link #fill} hands over frames of at least {@code directThreshold} bytes,
     * {@code maxDirectChunk} bytes at a time.
     */
    public ZmtpEncoder(int directThreshold, int maxDirectChunk) {
        if (directThreshold < 1 || maxDirectChunk < 1) {
            throw new IllegalArgumentException("direct threshold and chunk must be positive: "
                    + directThreshold + ", " + maxDirectChunk);
        }
        this.directThreshold = directThreshold;
        this.maxDirectChunk = maxDirectChunk;
    }

    /** Whether an item has been started and not yet completely encoded. */
    public boolean isBusy() {
        return busy;
    }

    /**
     * Starts encoding {@code message}.
     *
     * @throws IllegalStateException if the previous item is not finished
     * @throws IllegalArgumentException if the message has no frames
     */
    public void start(Msg message) {
        requireIdle();
        if (message.frameCount() == 0) {
            throw new IllegalArgumentException("a message needs at least one frame");
        }
        msg = message;
        frameIndex = 0;
        frameCount = message.frameCount();
        prepareFrame(message.frame(0), frameCount > 1 ? ZmtpFlags.MORE : 0);
        busy = true;
    }

    /**
     * Starts encoding a single-frame message given as its bare frame (see
     * {@link dev.zeno.transport.Pipe#writeFrame}): the same bytes as {@code start(new Msg(frame))}.
     *
     * @throws IllegalStateException if the previous item is not finished
     */
    public void startFrame(byte[] frame) {
        requireIdle();
        msg = null;
        frameIndex = 0;
        frameCount = 1;
        prepareFrame(frame, 0);
        busy = true;
    }

    /**
     * Copies a single-frame message given as its bare frame into {@code out} in one go, the
     * common case of a small message; only when no item is in progress, the frame takes the
     * short size form (up to 255 bytes) and all of it fits. Otherwise does nothing: start the
     * frame instead ({@link #startFrame}).
     *
     * @return true if the frame is now completely in {@code out}
     */
    public boolean encodeWhole(byte[] frame, ByteBuffer out) {
        int length = frame.length;
        if (busy || length > ZmtpFlags.MAX_SHORT_SIZE || out.remaining() < 2 + length) {
            return false;
        }
        out.put((byte) 0).put((byte) length).put(frame);
        return true;
    }

    /**
     * Starts encoding {@code command}.
     *
     * @throws IllegalStateException if the previous item is not finished
     */
    public void start(ZmtpCommand command) {
        requireIdle();
        msg = null;
        frameIndex = 0;
        frameCount = 1;
        prepareFrame(command.encode(), ZmtpFlags.COMMAND);
        busy = true;
    }

    /**
     * Copies as much of the current item as fits into {@code out}.
     *
     * @return true if the item is now completely in {@code out} (start the next one), false if
     *     {@code out} filled up first (write it, clear it, call again)
     */
    public boolean encode(ByteBuffer out) {
        step(out, false);
        return !busy;
    }

    /**
     * Like {@link #encode}, but hands over large frame bodies instead of copying them.
     *
     * @return null when the item is complete ({@link #isBusy()} false) or {@code out} is full
     *     ({@link #isBusy()} true); otherwise a read-only buffer over the next chunk of a large
     *     frame body, which must be written after {@code out}'s bytes and before anything a later
     *     call produces (the encoder already counts it as written; the item may even be complete)
     */
    public ByteBuffer fill(ByteBuffer out) {
        return step(out, true);
    }

    /** The number of bytes {@code message} takes on the wire (headers and bodies). */
    public static long encodedLength(Msg message) {
        long total = 0;
        for (int i = 0; i < message.frameCount(); i++) {
            int length = message.frame(i).length;
            total += (length > ZmtpFlags.MAX_SHORT_SIZE ? 9 : 2) + length;
        }
        return total;
    }

    /** The number of bytes {@code command} takes on the wire (header and body). */
    public static long encodedLength(ZmtpCommand command) {
        int length = command.encodedLength();
        return (length > ZmtpFlags.MAX_SHORT_SIZE ? 9 : 2) + length;
    }

    private ByteBuffer step(ByteBuffer out, boolean direct) {
        while (busy) {
            if (headerPos < headerLength) {
                int n = Math.min(out.remaining(), headerLength - headerPos);
                out.put(header, headerPos, n);
                headerPos += n;
                if (headerPos < headerLength) {
                    return null;
                }
            }
            int left = body.length - bodyPos;
            if (left > 0) {
                if (direct && body.length >= directThreshold) {
                    return handOver(left);
                }
                int n = Math.min(out.remaining(), left);
                out.put(body, bodyPos, n);
                bodyPos += n;
                if (n < left) {
                    return null;
                }
            }
            nextFrame();
        }
        return null;
    }

    private ByteBuffer handOver(int left) {
        int chunk = Math.min(left, maxDirectChunk);
        if (directView == null) {
            directView = ByteBuffer.wrap(body).asReadOnlyBuffer();
        }
        ByteBuffer view = directView;
        view.clear();
        view.limit(bodyPos + chunk).position(bodyPos);
        bodyPos += chunk;
        if (bodyPos == body.length) {
            nextFrame();
        }
        return view;
    }

    private void nextFrame() {
        directView = null;
        frameIndex++;
        if (frameIndex < frameCount) {
            prepareFrame(msg.frame(frameIndex), frameIndex < frameCount - 1 ? ZmtpFlags.MORE : 0);
        } else {
            busy = false;
            msg = null;
            body = null;
        }
    }

    private void prepareFrame(byte[] frame, int flags) {
        int length = frame.length;
        if (length <= ZmtpFlags.MAX_SHORT_SIZE) {
            header[0] = (byte) flags;
            header[1] = (byte) length;
            headerLength = 2;
        } else {
            header[0] = (byte) (flags | ZmtpFlags.LONG);
            // a Java array is under 2^31 bytes: the top four bytes of the 8-byte size are zero
            header[1] = 0;
            header[2] = 0;
            header[3] = 0;
            header[4] = 0;
            header[5] = (byte) (length >>> 24);
            header[6] = (byte) (length >>> 16);
            header[7] = (byte) (length >>> 8);
            header[8] = (byte) length;
            headerLength = 9;
        }
        headerPos = 0;
        body = frame;
        bodyPos = 0;
    }

    private void requireIdle() {
        if (busy) {
            throw new IllegalStateException("the previous item is not completely encoded yet");
        }
    }
}
