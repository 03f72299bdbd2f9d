package dev.zeno.transport;

import org.jctools.queues.SpscArrayQueue;

/**
 * Gives the arrays of received frames back to the decoder that made them, once the socket's
 * user has copied them out ({@code Socket.receive(byte[])}): a steady stream of small
 * messages over tcp or ipc then allocates nothing per message on either side.
 *
 * <p>One recycler belongs to one connection's inbound pipe. Its two ends are the pipe's two
 * ends: the socket's thread {@link #give gives} (the pipe's reader), the connection's I/O
 * thread {@link #take takes} (the pipe's writer), so a single-producer single-consumer queue
 * carries the arrays; its ordered stores also order the reader's last read of an array before
 * the decoder's first write into it.
 *
 * <p>Only frames of up to {@value #MAX_FRAME_SIZE} bytes are kept, and at most as many as the
 * pipe holds, so an idle connection keeps at most about {@code slots * 272} bytes alive. A
 * given frame must be referenced nowhere else: never give one that came over inproc (a
 * publisher shares one array among its subscribers) or that the user has seen.
 */
public final class FrameRecycler {
    /** Larger frames are left to the collector: copying them costs more than allocating. */
    public static final int MAX_FRAME_SIZE = 256;
    private static final int MAX_SLOTS = 1024;

    private final SpscArrayQueue<byte[]> returned;

    /** A recycler for a pipe of {@code capacity} messages ({@link Pipe#UNLIMITED} for none). */
    public FrameRecycler(long capacity) {
        this.returned = new SpscArrayQueue<>((int) Math.max(16, Math.min(capacity, MAX_SLOTS)));
    }

    /**
     * Reader side: {@code frame} was read from the pipe and copied out, and nothing refers to
     * it any more. Dropped when it is too big or the recycler is full.
     */
    public void give(byte[] frame) {
        if (frame.length > 0 && frame.length <= MAX_FRAME_SIZE) {
            returned.relaxedOffer(frame);
        }
    }

    /**
     * Decoder side: an array of exactly {@code size} bytes to decode a frame into, recycled when
     * the next one given back has that size, new otherwise (a recycled array of another size is
     * dropped, so a change of message size costs one allocation per array, not a search).
     */
    public byte[] take(int size) {
        byte[] recycled = returned.relaxedPoll();
        return recycled != null && recycled.length == size ? recycled : new byte[size];
    }
}
