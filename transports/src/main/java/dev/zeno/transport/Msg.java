package dev.zeno.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A whole multipart message as it travels through pipes and onto the wire: one or more frames.
 *
 * <p>This is the one message type from the socket to the wire: pipes carry it whole (so a
 * multipart message arrives whole or not at all), inproc hands the same instance to the peer
 * and a publisher hands the same instance to every subscriber. Frame arrays are therefore
 * never modified after a message is sent; the structural operations that a socket needs on
 * receive ({@link #withFrontFrame}, {@link #withoutFrontFrame}) return new messages that
 * share the frame arrays rather than copying their bytes.
 */
public final class Msg {
    private static final byte[][] NO_FRAMES = new byte[0][];

    /**
     * The frames, or null for a single-frame message made by {@link #Msg(byte[])}, whose frame
     * is {@link #only}: most messages have one frame, and holding it directly saves the array
     * (24 of the 48 bytes a message cost on the send path).
     */
    private byte[][] frames;
    /** The frame of a single-frame message while {@link #frames} is null. */
    private byte[] only;
    private int count;

    /** An empty message with room for a few frames, to be filled with {@link #add}. */
    public Msg() {
        this.frames = NO_FRAMES;
    }

    /** A single-frame message. The array is taken, not copied. */
    public Msg(byte[] frame) {
        this.only = requireFrame(frame);
        this.count = 1;
    }

    private Msg(byte[][] frames, int count) {
        this.frames = frames;
        this.count = count;
    }

    /** A message of the given frames, in order. The arrays are taken, not copied. */
    public static Msg of(byte[]... frames) {
        byte[][] copy = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            copy[i] = requireFrame(frames[i]);
        }
        return new Msg(copy, copy.length);
    }

    /**
     * A two-frame message, {@code first} then {@code second} (taken, not copied): one frame
     * list, no varargs copy (ROUTER's identity in front of a single frame).
     */
    public static Msg of(byte[] first, byte[] second) {
        return new Msg(new byte[][] {requireFrame(first), requireFrame(second)}, 2);
    }

    /** A single-frame message holding the UTF-8 bytes of {@code text}. */
    public static Msg ofString(String text) {
        return new Msg(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a frame; only for the message's builder, before it is sent. Returns this. */
    public Msg add(byte[] frame) {
        requireFrame(frame);
        spill();
        if (count == frames.length) {
            frames = Arrays.copyOf(frames, Math.max(4, count * 2));
        }
        frames[count++] = frame;
        return this;
    }

    /** The number of frames. */
    public int frameCount() {
        return count;
    }

    /** Frame {@code index} (0 is the first); the array is shared, do not modify it. */
    public byte[] frame(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("frame " + index + " of a " + count + "-frame message");
        }
        return frames == null ? only : frames[index];
    }

    /** The first frame. */
    public byte[] first() {
        return frame(0);
    }

    /** The last frame. */
    public byte[] last() {
        return frame(count - 1);
    }

    /** A new message with {@code frame} in front of these frames (frame arrays shared). */
    public Msg withFrontFrame(byte[] frame) {
        byte[][] next = new byte[count + 1][];
        next[0] = requireFrame(frame);
        System.arraycopy(frameArray(), 0, next, 1, count);
        return new Msg(next, count + 1);
    }

    /** A new message without the first {@code n} frames (frame arrays shared). */
    public Msg withoutFrontFrames(int n) {
        if (n < 0 || n > count) {
            throw new IndexOutOfBoundsException("cannot drop " + n + " of " + count + " frames");
        }
        return new Msg(Arrays.copyOfRange(frameArray(), n, count), count - n);
    }

    /** A new message without the first frame (frame arrays shared). */
    public Msg withoutFrontFrame() {
        return withoutFrontFrames(1);
    }

    /** A new message holding frames {@code from} (inclusive) to {@code to} (exclusive). */
    public Msg slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + count + " frames");
        }
        return new Msg(Arrays.copyOfRange(frameArray(), from, to), to - from);
    }

    /** A copy of the frame list that shares the frame arrays, for a caller who wants to add. */
    public Msg copyFrameList() {
        return new Msg(Arrays.copyOf(frameArray(), Math.max(count, 1)), count);
    }

    /**
     * A new message of {@code head}'s frames followed by {@code tail}'s, in one exactly sized
     * frame list (frame arrays shared): for envelopes and frames collected before a send.
     */
    public static Msg concat(Msg head, Msg tail) {
        byte[][] joined = new byte[head.count + tail.count][];
        for (int i = 0; i < head.count; i++) {
            joined[i] = head.frame(i);
        }
        for (int i = 0; i < tail.count; i++) {
            joined[head.count + i] = tail.frame(i);
        }
        return new Msg(joined, joined.length);
    }

    /** The sum of the frames' lengths in bytes. */
    public long byteSize() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += frame(i).length;
        }
        return total;
    }

    /** The frames as an array (a single frame is put in one, for the rare structural copies). */
    private byte[][] frameArray() {
        return frames == null ? new byte[][] {only} : frames;
    }

    /** Moves a single frame held directly into an array, before the message grows. */
    private void spill() {
        if (frames == null) {
            frames = new byte[][] {only};
            only = null;
        }
    }

    private static byte[] requireFrame(byte[] frame) {
        if (frame == null) {
            throw new NullPointerException("a frame must not be null (use an empty array)");
        }
        return frame;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Msg[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(frame(i).length).append('B');
        }
        return text.append(']').toString();
    }
}
