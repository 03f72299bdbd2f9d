package dev.zeno.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.QueueProgressIndicators;
import org.jctools.queues.SpscArrayQueue;
import org.jctools.queues.SpscUnboundedArrayQueue;

/**
 * One direction of a connection: a lock-free single-producer single-consumer queue of whole
 * messages with a high-water mark, like libzmq's ypipe.
 *
 * <p>Exactly one thread at a time writes and one reads. The writer counts what it wrote; the
 * reader publishes what it read in batches, so the high-water check costs the writer a plain
 * comparison until the pipe looks full. Waking is batched too: {@link #write} only enqueues;
 * {@link #flush} publishes with one full fence and then wakes the reader, whose waker returns
 * at once when nobody is parked. A steady stream therefore costs no system call per message.
 * A writer parked at the high-water mark is woken only once the reader has drained the pipe to
 * half of it (libzmq's low-water mark), so a writer that outruns its reader parks once per
 * half a pipe, not once per publish.
 *
 * <p>An element is a {@link Msg}, or a single frame's {@code byte[]} written bare by
 * {@link #writeFrame}: the common one-frame message then costs no wrapper object on either
 * side ({@link #readElement}); {@link #read()} wraps a bare frame for readers that want a Msg.
 *
 * <p>Either end may terminate the pipe: the writer {@link #closeWriter() closes} it (the
 * reader still drains what was queued, which is how linger works for inproc), or the reader
 * {@link #closeReader() abandons} it (further writes are dropped and the writer detaches).
 */
public final class Pipe extends PipePad3 {
    private static final VarHandle READ_PUBLISHED;

    static {
        try {
            READ_PUBLISHED = MethodHandles.lookup()
                    .findVarHandle(PipeReaderFields.class, "readPublished", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Capacity of a pipe whose high-water mark is 0 (no limit). */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** Where the reader gives back bare frames it copied out; null if nobody takes them. */
    private final FrameRecycler frameRecycler;

    // The fields are in PipeLayout.java, padded apart by owner: see there why.

    /**
     * A pipe holding at most {@code highWaterMark} messages; 0 means no limit (the ZeroMQ
     * convention).
     */
    public Pipe(long highWaterMark) {
        this(highWaterMark, false);
    }

    /**
     * A pipe holding at most {@code highWaterMark} messages (0: no limit), with a
     * {@link FrameRecycler} if {@code recycleFrames}: for a connection's inbound pipe, whose
     * writer decodes every frame into an array of its own.
     */
    public Pipe(long highWaterMark, boolean recycleFrames) {
        super(queueFor(checkHighWaterMark(highWaterMark)), capacityFor(highWaterMark),
                publishBatchFor(capacityFor(highWaterMark)));
        this.frameRecycler = recycleFrames ? new FrameRecycler(capacityFor(highWaterMark)) : null;
    }

    private static long checkHighWaterMark(long highWaterMark) {
        if (highWaterMark < 0) {
            throw new IllegalArgumentException("high-water mark must be >= 0: " + highWaterMark);
        }
        return highWaterMark;
    }

    private static long capacityFor(long highWaterMark) {
        return highWaterMark == 0 ? UNLIMITED : highWaterMark;
    }

    private static MessagePassingQueue<Object> queueFor(long highWaterMark) {
        long capacity = capacityFor(highWaterMark);
        if (capacity == UNLIMITED || capacity > (1 << 20)) {
            return new SpscUnboundedArrayQueue<>(1024);
        }
        return new SpscArrayQueue<>((int) Math.max(capacity, 4));
    }

    /**
     * How many reads the reader makes before it publishes its count. Small enough that a
     * writer at the high-water mark finds room within its spin (see SocketBase) while the
     * reader is draining: when the spin lasted about 6 us, 256 reads at 50-100 ns each took
     * longer, so a full pipe always sent the writer to park and made the reader pay for an
     * unpark.
     * A publish is one ordered store and a fence, so every 64 reads costs next to nothing.
     */
    private static long publishBatchFor(long capacity) {
        return capacity == UNLIMITED ? 256 : Math.max(1, Math.min(64, capacity / 4));
    }

    /** The high-water mark in messages, or {@link #UNLIMITED}. */
    public long capacity() {
        return capacity;
    }

    /** Sets who is woken when messages arrive or the writer closes. */
    public void setReaderWaker(Waker waker) {
        this.readerWaker = waker == null ? Waker.NONE : waker;
        wakeReader();
    }

    /** Sets who is woken when room is made or the reader abandons the pipe. */
    public void setWriterWaker(Waker waker) {
        this.writerWaker = waker == null ? Waker.NONE : waker;
        wakeWriter();
    }

    // =====================================================================================
    // Writer side
    // =====================================================================================

    /**
     * Enqueues {@code msg} unless the pipe is at its high-water mark. Does not wake the
     * reader: call {@link #flush()} after a batch. A pipe whose reader has gone accepts and
     * drops the message (the writer should detach it; see {@link #isReaderClosed()}).
     *
     * @return false if the pipe is full
     */
    public boolean write(Msg msg) {
        return writeElement(msg);
    }

    /** Like {@link #write}, for a single-frame message given as its bare frame (no wrapper). */
    public boolean writeFrame(byte[] frame) {
        return writeElement(frame);
    }

    /**
     * Like {@link #write}, for an element as {@link #readElement} returns it: a {@link Msg} or a
     * bare single frame ({@code byte[]}); for a writer that passes elements on unopened.
     */
    public boolean writeElement(Object element) {
        if (readerClosed) {
            return true;
        }
        if (!hasRoom()) {
            return false;
        }
        queue.relaxedOffer(element);
        written++;
        return true;
    }

    /** How many messages a write would take now ({@link #UNLIMITED} for no limit). Writer side only. */
    public long room() {
        if (capacity == UNLIMITED) {
            return UNLIMITED;
        }
        readSeenByWriter = readPublished;
        return Math.max(0, capacity - (written - readSeenByWriter));
    }

    /** True if a write would be accepted now. Writer side only. */
    public boolean hasRoom() {
        if (written - readSeenByWriter < capacity) {
            return true;
        }
        readSeenByWriter = readPublished;
        return written - readSeenByWriter < capacity;
    }

    /**
     * Publishes what was written and wakes the reader if it sleeps. Unless the reader's waker
     * says it needs none ({@link Waker#needsFence()}), a full fence orders our stores before
     * the read of the reader's waiting state (Dekker-style), so a reader that announced itself
     * and then found the pipe empty is always woken.
     */
    public void flush() {
        // The fence is most of what a hand-off costs once the fields are padded apart
        // (inproc_thr 16 B on 2 cores: 18 M msg/s with it, 53-64 M without), but where the
        // waker needs it, it cannot be skipped or made conditional on reader-side state:
        // without a StoreLoad barrier the read of the reader's arming may be satisfied before
        // our queue store is visible, while the reader arms, re-checks, finds nothing and
        // parks: a lost wake-up. A socket's waker closes that gap by time instead
        // (SocketWaker). A writer of many pipes can share one fence: see flushAfterFence.
        Waker waker = readerWaker;
        if (waker.needsFence()) {
            VarHandle.fullFence();
        }
        waker.wake();
    }

    /** Whether the reader's waker needs a fence before it is woken (see {@link #flushAfterFence}). */
    public boolean readerNeedsFence() {
        return readerWaker.needsFence();
    }

    /**
     * The second half of {@link #flush()}, for a writer that wrote to many pipes and then
     * called {@link VarHandle#fullFence()} itself once, after its last write to any of them (a
     * publisher fanning one message out), if any of their readers {@link #readerNeedsFence()
     * needed it}: wakes the reader if it sleeps. The one fence orders every pipe's stores
     * before every waker's read, which is all the Dekker handshake with each reader's arm
     * needs; without such a fence a wake-up can be lost.
     */
    public void flushAfterFence() {
        readerWaker.wake();
    }

    /** Writes and flushes one message. */
    public boolean send(Msg msg) {
        if (!write(msg)) {
            return false;
        }
        flush();
        return true;
    }

    /** The writer will write no more; the reader drains what is queued, then sees the end. */
    public void closeWriter() {
        writerClosed = true;
        wakeReader();
    }

    /** True once the reader has abandoned the pipe. */
    public boolean isReaderClosed() {
        return readerClosed;
    }

    // =====================================================================================
    // Reader side
    // =====================================================================================

    /**
     * The next message, or null if none is queued now (a bare frame comes wrapped).
     */
    public Msg read() {
        return toMsg(readElement());
    }

    /**
     * The next element as written: a {@link Msg}, or a bare single frame ({@code byte[]}); null
     * if none is queued now.
     *
     * <p>Finding the pipe empty publishes nothing: a reader that keeps up finds it empty about
     * once per message, and a publish there (a fence and a wake) cost the hand-off 15 %. It is
     * not needed either: the count is published every {@code publishBatch} reads and the batch
     * is at most a quarter of the capacity, so a writer that sees the pipe full always has
     * publishes still to come, and the one that finds half the pipe or less queued wakes it.
     */
    public Object readElement() {
        Object element = queue.relaxedPoll();
        if (element == null) {
            return null;
        }
        read++;
        if (capacity != UNLIMITED && read - readPublished >= publishBatch) {
            publishRead();
        }
        return element;
    }

    /** An element from {@link #readElement} as a Msg (a bare frame is wrapped); null stays null. */
    public static Msg toMsg(Object element) {
        return element instanceof byte[] ? new Msg((byte[]) element) : (Msg) element;
    }

    /**
     * Reader side: gives back a bare frame read from this pipe whose bytes the reader copied
     * out and which nothing else refers to, for the writer to decode into again (see
     * {@link FrameRecycler}). Does nothing on a pipe without a recycler.
     */
    public void recycle(byte[] frame) {
        if (frameRecycler != null) {
            frameRecycler.give(frame);
        }
    }

    /** The recycler of this pipe's frames, for its writer's decoder; null if it has none. */
    public FrameRecycler frameRecycler() {
        return frameRecycler;
    }

    /** True if a message is queued now. Reader side only. */
    public boolean hasMessage() {
        return queue.relaxedPeek() != null;
    }

    /**
     * True when the writer has closed and everything it wrote has been read: the pipe is done.
     * Reader side only.
     */
    public boolean isDrained() {
        return writerClosed && queue.isEmpty();
    }

    /** True once the writer has closed (messages may still be queued). */
    public boolean isWriterClosed() {
        return writerClosed;
    }

    /**
     * The reader leaves: queued and future messages are dropped (left to the collector with the
     * pipe, since another thread may close a socket), and a blocked writer is woken.
     */
    public void closeReader() {
        readerClosed = true;
        wakeWriter();
    }

    /** Approximate number of queued messages (for diagnostics and tests). */
    public int size() {
        return queue.size();
    }

    private void publishRead() {
        // An unlimited pipe never makes its writer wait for room, so the count (and the fence
        // and wake that go with it) would be pure cost: a reader that keeps up finds the pipe
        // empty about once per message.
        if (capacity != UNLIMITED && readPublished != read) {
            READ_PUBLISHED.setRelease(this, read);
            // Wake a parked writer only at the low-water mark: a spinning writer sees the count
            // anyway, and a parked one woken for 64 slots parks again at once. Waking it each
            // publish made a tcp sender's threads switch twice as often (16 B: 7.1 -> 8.2 M msg/s).
            // What is queued, from the producer index: queue.size() clamps a racy reading
            // with branches that C2 had compiled out, and taking one seconds into a run threw
            // the compiled receive path away (up to four times per 20 M-message tcp run).
            // (SpscArrayQueue and SpscUnboundedArrayQueue, the queues a Pipe uses, both are
            // progress indicators, counting one per element)
            long enqueued = ((QueueProgressIndicators) queue).currentProducerIndex();
            if (enqueued - read <= capacity / 2) {
                // Pairs with the writer's fence in the socket's wait: a writer that parked
                // because the pipe was full must see either this count or be woken.
                VarHandle.fullFence();
                writerWaker.wake();
            }
        }
    }

    private void wakeReader() {
        VarHandle.fullFence();
        readerWaker.wake();
    }

    private void wakeWriter() {
        VarHandle.fullFence();
        writerWaker.wake();
    }
}
