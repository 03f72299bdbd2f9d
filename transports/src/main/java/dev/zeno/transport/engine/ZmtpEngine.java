package dev.zeno.transport.engine;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.zmtp.Greeting;
import dev.zeno.transport.zmtp.SocketTypeRules;
import dev.zeno.transport.zmtp.ZmtpCommand;
import dev.zeno.transport.zmtp.ZmtpDecoder;
import dev.zeno.transport.zmtp.ZmtpMetadata;
import dev.zeno.transport.zmtp.ZmtpProtocolException;
import dev.zeno.transport.zmtp.ZmtpSubscriptions;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One ZMTP connection over a stream channel (tcp or ipc), driven by its I/O thread: the
 * non-blocking handshake (greetings, NULL mechanism READY, socket-type check), then the data
 * phase between the channel and the session's two pipes, and heartbeats.
 *
 * <p><b>Reading.</b> Bytes are read into the I/O thread's large read buffer (shared by its
 * connections) and decoded into whole messages, which are written to the inbound pipe; the pipe
 * is flushed (the socket woken) once per read batch. When the pipe is at its high-water mark the
 * engine keeps the message (and a copy of the bytes not yet decoded) and stops reading the
 * channel, so TCP pushes back on the sender, until the socket makes room. The body of a large
 * frame is read straight into its array.
 *
 * <p><b>Writing.</b> Messages are taken from the outbound pipe and encoded into a 64 KiB batch
 * (many small messages per write system call); large frames go out by gathering writes
 * without being copied into the batch. When the pipe is empty the engine arms its waker and
 * sleeps; while the channel is full it waits for OP_WRITE and the socket's flushes cost nothing.
 *
 * <p><b>Write-through.</b> A REQ or REP socket sends one message and then waits for the answer:
 * there is nothing to batch, and waking the I/O thread to write it would cost a thread
 * wake-up each way. So when the engine is idle (in the data phase, nothing pending, its waker
 * armed), the socket's thread writes the message itself ({@link #writeOnCallerThread}). The
 * session's {@link HandoffLock} keeps the two threads from writing at once: every output pump
 * of the I/O thread holds it, and work the I/O thread finds the lock held for (a PONG, a
 * PING, a pipe event) is handed back to it when the socket's thread releases the lock. A
 * partial write or an error is handed back too; the socket never sees them.
 *
 * <p><b>Read-through.</b> A REQ waiting for its reply may read it itself
 * ({@link #readOnCallerThread}, through {@link Peer#readThrough()}): one non-blocking read
 * into a buffer of its own, decoded into the inbound pipe, with no thread to wake. The
 * engine's input {@link HandoffLock} keeps the two threads from reading at once; the I/O
 * thread's reads, its resumption after a full pipe and {@link #close} all hold it (close
 * waits the few microseconds a read-through takes). What the socket's thread must not do, it
 * hands back: a command (PING: the heartbeat and the PONG are the I/O thread's), a full pipe,
 * the end of the stream, an error.
 *
 * <p>A socket that streams (a PULL with one peer) reads through whenever its pipe runs dry, so
 * the two threads would take turns at the channel, each turn a wake-up. So when the I/O thread
 * finds the socket's thread reading, it stops watching the channel and leaves the reading to
 * it: the socket's thread then reads and decodes alone, with no thread to wake either way,
 * until it stops receiving and {@link #endReadOnCallerThread hands the input back}. Should it
 * stop without a word (its user busy elsewhere), the I/O thread takes the input back once a
 * whole {@value #READS_BACK_MILLIS} ms passed without a read-through, so heartbeats and the end
 * of the stream are not missed for longer. tcp PUSH/PULL 16 B: the receiving process went from
 * two busy threads to one.
 *
 * <p><b>Writing a stream on the socket's thread.</b> A sender that streams (a PUSH, DEALER
 * or PAIR with one peer) outruns the I/O thread, so they took turns: the sender filled the
 * pipe and slept, the I/O thread wrote half of it and woke the sender, a wake-up each way per
 * few hundred messages. So when such a send finds the pipe full, the socket's thread writes
 * the whole pipe out itself ({@link #writeFullPipeOnCallerThread}), and from then on each
 * time it fills, while the I/O thread, finding the pipe empty, no longer arms its waker: one
 * write system call per pipe's worth and no wake-up either way. The I/O thread takes the output back when the
 * channel is full or a write fails (handed back, as in write-through), when the socket closes
 * its side (the end always wakes it), and once the socket's thread has written nothing for
 * {@link #WRITES_BACK_NANOS} (a timer looks every millisecond): the tail of a burst, which
 * does not fill the pipe, waits 0.2-1.2 ms. Only for small messages, see
 * {@link #fullPipeFitsOneBatch}.
 *
 * <p><b>Subscriptions.</b> A SUB or XSUB engine sends internal 0x01/0x00 messages as
 * SUBSCRIBE/CANCEL commands to ZMTP 3.1 peers and as-is to 3.0 peers; a PUB or XPUB engine
 * turns received SUBSCRIBE/CANCEL into internal messages (3.0 peers' messages already are).
 *
 * <p>Any protocol violation or I/O error closes this connection only (logged through
 * {@link System.Logger}); the listener is told through {@link EngineListener#engineClosed}.
 */
final class ZmtpEngine implements IoHandler {
    private static final System.Logger LOG = System.getLogger(ZmtpEngine.class.getName());
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /**
     * Read buffer size: many messages per read system call. One buffer per I/O thread, shared
     * by its connections, so it can be large: 4 KiB messages over tcp, 3 runs each with
     * 256 KiB write batches, went from 365-381 k msg/s (256 KiB) and 365-390 k (512 KiB) to
     * 394-432 k (1 MiB). A read takes no more than the inbound pipe can hold, though: see
     * {@link #readSize()}.
     */
    static final int READ_BUFFER_SIZE = 1024 * 1024;
    /** A rest of a read this large keeps the I/O thread's buffer rather than a copy: see {@link #keepLeftover}. */
    private static final int MIN_LENT_LEFTOVER = 64 * 1024;
    /** The least one read takes, whatever the pipe holds (the size every read had before). */
    static final int MIN_READ_SIZE = 64 * 1024;
    /** A frame body this large still to come is read straight into its array. */
    private static final int DIRECT_BODY_MIN = 16 * 1024;
    /** The most read into a frame's array at once (the JDK's staging buffer grows to this). */
    private static final int MAX_DIRECT_BODY_READ = 256 * 1024;
    /** Reads per readiness event before other connections get their turn. */
    private static final int READS_PER_EVENT = 16;
    /** Batches written per readiness event before other connections get their turn. */
    private static final int WRITES_PER_EVENT = 16;
    /** What the socket's thread reads at once in read-through before any message came: a reply or two. */
    private static final int FIRST_CALLER_READ_SIZE = 16 * 1024;
    /** The least the socket's thread reads at once in read-through. */
    private static final int MIN_CALLER_READ_SIZE = 1024;
    /** The most the socket's thread reads at once in read-through (its buffer grows to this). */
    private static final int MAX_CALLER_READ_SIZE = 256 * 1024;
    /** How often the I/O thread looks whether the socket's thread still reads what it left it. */
    private static final long READS_BACK_MILLIS = 1;
    /**
     * How long the socket's thread may go without writing out a pipe left to it before the I/O
     * thread takes the output back. Streaming, it writes every few tens of microseconds.
     */
    private static final long WRITES_BACK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** How often the I/O thread looks (its selector counts milliseconds). */
    private static final long WRITES_BACK_MILLIS = 1;
    /** The largest READY (or ERROR) we accept during the handshake. */
    private static final int HANDSHAKE_COMMAND_LIMIT = 64 * 1024;

    private enum Phase { GREETING, READY, DATA, CLOSED }

    private final IoThread io;
    private final SocketChannel channel;
    private final SocketOptions options;
    private final String socketType;
    private final EngineListener listener;
    private final String name;
    private final FrameWriter writer;
    private final ArrayDeque<ZmtpCommand> commands = new ArrayDeque<>(4);
    private final byte[] peerGreetingBytes = new byte[Greeting.SIZE];
    /** Our greeting; sent in libzmq's three steps (see {@link #readGreeting}). */
    private final byte[] greeting = Greeting.encode();
    /** How much of our greeting has been queued: the signature, then the major version, then all. */
    private int greetingQueued;
    private final Heartbeat heartbeat;

    /** Volatile: the socket's thread reads it before writing through. */
    private volatile Phase phase = Phase.GREETING;
    private SelectionKey key;
    private int interest = -1;
    private boolean wantRead = true;
    /**
     * Waiting for the channel to take more (or coming back to write the rest soon). Volatile
     * for a publisher's thread, which then leaves the output alone without touching the lock.
     */
    private volatile boolean wantWrite;
    private int greetingFilled;
    private Greeting peerGreeting;
    private ZmtpDecoder decoder;
    private Timer handshakeTimer;
    /** Volatile: the socket's thread counts what it reads through, the heartbeat reads it. */
    private volatile long bytesReceived;
    /** Messages (and subscriptions) decoded, for the average size behind {@link #readSize()}. */
    private long messagesReceived;
    /** The bytes being decoded: the thread's shared read buffer, or {@link #leftover}. */
    private ByteBuffer input = EMPTY;
    /**
     * Undecoded bytes kept while the inbound pipe is full: a copy (the shared buffer is not ours
     * to keep), or the I/O thread's read buffer itself, lent to us ({@link #leftoverIsLent}).
     */
    private ByteBuffer leftover;
    /** Whether {@link #leftover} is the I/O thread's read buffer, to give back once decoded. */
    private boolean leftoverIsLent;

    // ---- data phase
    private Pipe inbound;
    private Pipe outbound;
    private PipeWaker inboundWaker;
    private PipeWaker outboundWaker;
    private boolean translateOutgoingSubscriptions;
    private boolean translateIncomingSubscriptions;
    /**
     * A decoded message (a Msg or a bare frame, see Pipe.readElement) waiting for room in the
     * inbound pipe; reading is paused meanwhile.
     */
    private Object blocked;
    private boolean inboundUnflushed;
    /** Who writes the output now; the engine's own until the session's is attached. */
    private HandoffLock outputLock = new HandoffLock();
    /** A failure of a write on the socket's thread, for the I/O thread to close the connection with. */
    private volatile Throwable callerWriteFailure;
    /**
     * The socket's thread writes the outbound pipe out whenever it fills, so the I/O thread
     * does not arm the waker when it finds the pipe empty (see the class comment). Set and
     * cleared holding the output lock.
     */
    private volatile boolean writesLeftToCaller;
    /** Messages taken from the outbound pipe, for their average size. Holding the output lock. */
    private long messagesSent;
    /** When the socket's thread last wrote a full pipe out: whether it still streams. */
    private volatile long lastCallerWriteNanos;
    /** Takes the writes back once the socket's thread stopped writing. I/O thread. */
    private Timer writesBackTimer;
    private final Runnable writesBackAction = this::takeWritesBack;

    // ---- read-through (guarded by inputLock)
    /** Who reads the channel and decodes now: the I/O thread, or the socket's thread. */
    private final HandoffLock inputLock = new HandoffLock();
    /** True while the I/O thread holds the input lock (so close does not wait for itself). I/O thread. */
    private boolean ioThreadReading;
    /** True while the socket's thread decodes: a full pipe or a command is left to the I/O thread. */
    private boolean decodingOnCallerThread;
    /** The socket's thread left work to the I/O thread and reads no more until it is done. */
    private boolean inputHandedBack;
    /** A command the socket's thread decoded, for the I/O thread to handle. */
    private ZmtpCommand commandForIoThread;
    /** The socket's thread's read buffer, made on its first read-through. */
    private ByteBuffer callerReadBuffer;
    /** A failure of a read on the socket's thread, for the I/O thread to close the connection with. */
    private volatile Throwable callerReadFailure;
    private final Runnable inputHandback = this::takeInputBack;
    /**
     * The I/O thread stopped watching the channel because the socket's thread was reading
     * through (see the class comment). I/O thread.
     */
    private boolean readsLeftToCaller;
    /** Takes the reads back if the socket's thread has not handed them back meanwhile. I/O thread. */
    private Timer readsBackTimer;
    /** Read-throughs so far, counted by the socket's thread: whether it is still reading. */
    private volatile long callerReads;
    /** {@link #callerReads} when the I/O thread last looked. I/O thread. */
    private long callerReadsSeen;
    private final Runnable readsBackAction = this::takeReadsBack;
    /**
     * The I/O thread asked for the input while the socket's thread was reading, and now waits
     * for it: {@link #endReadOnCallerThread} hands it back. Socket thread.
     */
    private boolean inputOwedToIoThread;

    /**
     * @param io the I/O thread that owns the channel
     * @param channel a connected, non-blocking channel
     * @param options the socket's options (type, identity, limits, heartbeats)
     * @param listener the session to report to
     * @param name the connection's description for logs
     */
    ZmtpEngine(IoThread io, SocketChannel channel, SocketOptions options, EngineListener listener, String name) {
        this.io = io;
        this.channel = channel;
        this.options = options;
        this.socketType = options.socketType;
        this.listener = listener;
        this.name = name;
        this.heartbeat = new Heartbeat(io, this, options);
        this.writer = new FrameWriter(FrameWriter.batchSizeFor(sendBufferSize(channel)));
    }

    /** The channel's send buffer in bytes; the least a batch has if the channel cannot say. */
    private static int sendBufferSize(SocketChannel channel) {
        try {
            return channel.getOption(StandardSocketOptions.SO_SNDBUF);
        } catch (IOException | UnsupportedOperationException e) {
            return FrameWriter.BATCH_SIZE;
        }
    }

    // =====================================================================================
    // Life cycle
    // =====================================================================================

    /** Registers the channel and sends our greeting. I/O thread. */
    void start() {
        try {
            key = channel.register(io.selector(), SelectionKey.OP_READ, this);
            interest = SelectionKey.OP_READ;
            long timeout = options.handshakeTimeoutMillis;
            if (timeout > 0) {
                handshakeTimer = io.schedule(timeout, () -> {
                    if (phase == Phase.GREETING || phase == Phase.READY) {
                        close("no ZMTP handshake within " + timeout + " ms (" + this + ")", System.Logger.Level.INFO);
                    }
                });
            }
            queueGreeting(Greeting.SIGNATURE_SIZE);
            pumpOutput();
        } catch (IOException | RuntimeException e) {
            close("cannot start the connection: " + e, System.Logger.Level.DEBUG);
        }
    }

    /**
     * Gives the engine the session's pipes after the handshake: it writes {@code inbound}
     * (arming {@code inboundWaker} when it is full) and reads {@code outbound} (arming
     * {@code outboundWaker} when it is empty) while holding {@code outputLock}.
     */
    void attachPipes(Pipe inbound, PipeWaker inboundWaker, Pipe outbound, PipeWaker outboundWaker,
                     HandoffLock outputLock) {
        this.inbound = inbound;
        this.inboundWaker = inboundWaker;
        decoder.recycleFramesFrom(inbound.frameRecycler());
        this.outbound = outbound;
        this.outboundWaker = outboundWaker;
        this.outputLock = outputLock;
    }

    /** Whether the connection is open (not yet closed). */
    boolean isOpen() {
        return phase != Phase.CLOSED;
    }

    /** Whether the handshake is done and messages flow. */
    boolean isActive() {
        return phase == Phase.DATA;
    }

    /** The bytes received so far, for heartbeats. */
    long bytesReceived() {
        return bytesReceived;
    }

    /** Whether bytes or a partly encoded message are still waiting to be sent. */
    boolean hasUnsentOutput() {
        return writer.hasPendingBytes() || writer.isBusy() || !commands.isEmpty();
    }

    /** Whether the socket's thread is writing through now (outside an output pump of the I/O thread). */
    boolean isWritingOnCallerThread() {
        return outputLock.isHeld();
    }

    /**
     * Closes the connection now. Messages already decoded stay in the inbound pipe (flushed to
     * the socket); the session is told. Safe to call more than once.
     */
    void close(String reason, System.Logger.Level level) {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        if (!ioThreadReading) {
            while (inputLock.isHeld()) {
                Thread.onSpinWait(); // the socket's thread is reading through: a few microseconds
            }
        }
        LOG.log(level, () -> name + ": connection closed: " + reason);
        heartbeat.stop();
        if (readsBackTimer != null) {
            readsBackTimer.cancel();
        }
        if (writesBackTimer != null) {
            writesBackTimer.cancel();
        }
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        if (inboundWaker != null) {
            inboundWaker.disarm();
        }
        if (outboundWaker != null) {
            outboundWaker.stopWriteThrough(this);
            outboundWaker.disarm();
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a channel failed", e);
        }
        flushInbound();
        blocked = null;
        dropLeftover();
        input = EMPTY;
        listener.engineClosed(this, reason);
    }

    // =====================================================================================
    // Events
    // =====================================================================================

    @Override
    public void ready(int readyOps) throws IOException {
        if ((readyOps & (SelectionKey.OP_READ)) != 0 && phase != Phase.CLOSED) {
            readInput();
        }
        if (phase != Phase.CLOSED && ((readyOps & SelectionKey.OP_WRITE) != 0 || !commands.isEmpty())) {
            pumpOutput();
        }
    }

    @Override
    public void failed(Throwable cause) {
        if (cause instanceof ZmtpProtocolException) {
            close("protocol error: " + cause.getMessage(), System.Logger.Level.INFO);
        } else if (cause instanceof IOException) {
            close(String.valueOf(cause.getMessage()), System.Logger.Level.DEBUG);
        } else {
            LOG.log(System.Logger.Level.WARNING, name + ": unexpected failure", cause);
            close("unexpected failure: " + cause, System.Logger.Level.INFO);
        }
    }

    /**
     * The session's pipes changed (messages to send, room in the inbound pipe, an end), or the
     * socket's thread handed output work back. I/O thread.
     */
    void pipeEvent() {
        if (phase != Phase.DATA) {
            return;
        }
        try {
            Throwable failure = callerWriteFailure;
            if (failure != null) {
                failed(failure);
                return;
            }
            if (blocked != null) {
                readInput();
            }
            if (phase == Phase.DATA) {
                pumpOutput();
            }
        } catch (Throwable t) {
            failed(t);
        }
    }

    /** Queues a command (PING, PONG) ahead of the next message and sends it soon. */
    void sendCommand(ZmtpCommand command) {
        if (phase == Phase.CLOSED) {
            return;
        }
        commands.add(command);
        try {
            pumpOutput();
        } catch (Throwable t) {
            failed(t);
        }
    }

    /** Called by the heartbeat when the peer has gone silent. */
    void heartbeatExpired(String reason) {
        close("heartbeat: " + reason, System.Logger.Level.INFO);
    }

    // =====================================================================================
    // Reading
    // =====================================================================================

    /**
     * I/O thread: goes on with the input (see {@link #readOrContinueInput}) holding the input
     * lock, or leaves the lock a note if the socket's thread is reading through: it hands the
     * input back when done.
     */
    private void readInput() throws IOException {
        if (!inputLock.acquireOrDefer()) {
            leaveReadsToCaller();
            return;
        }
        ioThreadReading = true;
        try {
            readOrContinueInput();
        } finally {
            ioThreadReading = false;
            inputLock.releaseByIoThread();
        }
    }

    /**
     * The socket's thread is reading through: stop watching the channel, whose level-triggered
     * readiness would wake us again at once while it drains it, until it hands the input back
     * (our note in the lock tells it to) or stops reading through for a whole
     * {@value #READS_BACK_MILLIS} ms ({@link #takeReadsBack}).
     */
    private void leaveReadsToCaller() {
        readsLeftToCaller = true;
        setWantRead(false);
        if (readsBackTimer == null || readsBackTimer.isDone()) {
            callerReadsSeen = callerReads;
            readsBackTimer = io.schedule(READS_BACK_MILLIS, readsBackAction);
        }
    }

    /**
     * I/O thread: takes back the reading left to the socket's thread if it has not read
     * through since the last look. Not sooner: taking it back every millisecond from a thread
     * still reading set the two threads taking turns again (tcp 16 B, 4 runs each: median
     * 12.0 M msg/s, against 15.3 M never taking it back).
     */
    private void takeReadsBack() {
        if (!readsLeftToCaller || phase == Phase.CLOSED) {
            return;
        }
        long reads = callerReads;
        if (reads != callerReadsSeen) {
            callerReadsSeen = reads;
            readsBackTimer = io.schedule(READS_BACK_MILLIS, readsBackAction);
            return;
        }
        takeInputBack();
    }

    /**
     * Holding the input lock: goes on with the input, whoever left it how: after what the
     * socket's thread handed back, with a message blocked on a full pipe, or reading.
     */
    private void readOrContinueInput() throws IOException {
        if (inputHandedBack) {
            continueHandedBackInput();
        } else if (blocked != null) {
            resumeInput();
        } else {
            readOwnedInput();
        }
    }

    private void readOwnedInput() throws IOException {
        for (int i = 0; i < READS_PER_EVENT && blocked == null && phase != Phase.CLOSED; i++) {
            int wanted;
            int n;
            // everything read before has been decoded (or we would be blocked, not reading)
            ByteBuffer body = phase == Phase.DATA ? decoder.bodyReadTarget(DIRECT_BODY_MIN) : null;
            if (body != null) {
                // the JDK stages a heap read in a cached direct buffer of the same size: bound it
                body.limit(body.position() + Math.min(body.remaining(), MAX_DIRECT_BODY_READ));
                input = EMPTY;
                wanted = body.remaining();
                n = channel.read(body);
                if (n > 0) {
                    decoder.bodyRead(n);
                }
            } else {
                input = io.readBuffer(READ_BUFFER_SIZE);
                input.clear().limit(readSize());
                wanted = input.remaining();
                try {
                    n = channel.read(input);
                } finally {
                    input.flip();
                }
            }
            if (n < 0) {
                processInput();
                flushInbound();
                close(phase == Phase.DATA ? "the peer closed the connection"
                        : "the peer closed the connection during the handshake", System.Logger.Level.DEBUG);
                return;
            }
            if (n == 0) {
                break;
            }
            bytesReceived += n;
            processInput();
            keepLeftover(true); // input is the I/O thread's buffer, or empty
            if (n < wanted) {
                // drained: another read would find nothing, and cost a system call before the
                // socket is woken (the latency of a request-reply round trip)
                break;
            }
        }
        flushInbound();
    }

    /**
     * How much one read takes: about what the inbound pipe holds at this connection's average
     * message size so far, between {@link #MIN_READ_SIZE} and {@link #READ_BUFFER_SIZE}. What
     * the pipe cannot take is copied out ({@link #keepLeftover}) and decoded again later: with
     * every read taking up to 1 MiB, subscribers of 64 B messages (their pipes hold 66 KB)
     * received 513-978 k msg/s each instead of 711-861 k.
     */
    private int readSize() {
        if (inbound == null) {
            return MIN_READ_SIZE; // the handshake: no pipes yet
        }
        return readSizeFor(inbound.capacity(), bytesReceived, messagesReceived);
    }

    /**
     * The read size for an inbound pipe of {@code pipeCapacity} messages ({@link Pipe#UNLIMITED}
     * for no limit) on a connection that has brought {@code messagesReceived} messages in
     * {@code bytesReceived} bytes (0 and 0 before the first).
     */
    static int readSizeFor(long pipeCapacity, long bytesReceived, long messagesReceived) {
        long average = messagesReceived == 0 ? 0 : bytesReceived / messagesReceived;
        // a capacity of up to 2^31 times an average under READ_BUFFER_SIZE cannot overflow
        long fits = pipeCapacity == Pipe.UNLIMITED || average >= READ_BUFFER_SIZE
                ? READ_BUFFER_SIZE : pipeCapacity * average;
        return (int) Math.max(MIN_READ_SIZE, Math.min(READ_BUFFER_SIZE, fits));
    }

    /**
     * Keeps the undecoded rest of a read (when blocked on a full pipe, or a command was handed
     * back): the read buffer is shared (the I/O thread's) or reused (the caller's), so the rest
     * is copied out; a rest of {@link #MIN_LENT_LEFTOVER} or more in the I/O thread's buffer
     * keeps the buffer itself if the thread can lend it. tcp 4 KiB, 7+7 alternating runs:
     * median 393 k msg/s copying, 415 k lending; a full pipe had cost allocating, zeroing and
     * copying up to 1 MiB. 16 B messages (rests under 64 KiB) showed no difference.
     *
     * @param inIoThreadBuffer whether {@link #input} is the I/O thread's read buffer
     */
    private void keepLeftover(boolean inIoThreadBuffer) {
        if (!input.hasRemaining() || input == leftover || phase == Phase.CLOSED) {
            return;
        }
        if (inIoThreadBuffer && input.remaining() >= MIN_LENT_LEFTOVER && io.lendReadBuffer(input)) {
            leftover = input;
            leftoverIsLent = true;
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(input.remaining());
        copy.put(input).flip();
        leftover = copy;
        input = copy;
    }

    /** The leftover is decoded (or dropped on close): a lent buffer goes back to the I/O thread. */
    private void dropLeftover() {
        if (leftoverIsLent) {
            leftoverIsLent = false;
            io.returnReadBuffer(leftover);
        }
        leftover = null;
    }

    private void processInput() throws IOException {
        if (phase == Phase.GREETING && !readGreeting()) {
            return;
        }
        if (phase == Phase.READY && !readReady()) {
            return;
        }
        if (phase == Phase.DATA) {
            decodeMessages();
        }
    }

    /**
     * Collects the peer's greeting; rejects a bad signature as soon as its bytes arrive. Ours
     * goes out in libzmq's three steps: the signature at once, the major version once the
     * peer's signature is in, the rest once the peer's major version is in (and known to be 3
     * or more). Peers written against libzmq see exactly the exchange they expect, and a
     * non-ZMTP peer gets 10 bytes, not 64.
     */
    private boolean readGreeting() throws IOException {
        int n = Math.min(input.remaining(), Greeting.SIZE - greetingFilled);
        input.get(peerGreetingBytes, greetingFilled, n);
        greetingFilled += n;
        Greeting.checkPrefix(peerGreetingBytes, greetingFilled);
        int queuedBefore = greetingQueued;
        if (greetingFilled >= Greeting.SIGNATURE_SIZE && greetingQueued < Greeting.SIGNATURE_SIZE + 1) {
            queueGreeting(Greeting.SIGNATURE_SIZE + 1);
        }
        if (greetingFilled > Greeting.SIGNATURE_SIZE && greetingQueued < Greeting.SIZE) {
            queueGreeting(Greeting.SIZE);
        }
        if (greetingQueued != queuedBefore) {
            pumpOutput();
        }
        if (greetingFilled < Greeting.SIZE) {
            return false;
        }
        peerGreeting = Greeting.parse(peerGreetingBytes);
        decoder = new ZmtpDecoder(HANDSHAKE_COMMAND_LIMIT);
        phase = Phase.READY;
        commands.add(ZmtpCommand.ready(socketType, options.identityCopy()));
        pumpOutput();
        return phase == Phase.READY;
    }

    /** Queues our greeting up to byte {@code end}. */
    private void queueGreeting(int end) {
        writer.putRaw(greeting, greetingQueued, end - greetingQueued);
        greetingQueued = end;
    }

    /** Reads the peer's READY, checks its socket type, and enters the data phase. */
    private boolean readReady() throws IOException {
        ZmtpDecoder.Result result = decoder.decode(input);
        if (result == ZmtpDecoder.Result.NEED_MORE) {
            return false;
        }
        if (result == ZmtpDecoder.Result.MESSAGE) {
            throw new ZmtpProtocolException("expected READY from the peer, got a message");
        }
        ZmtpCommand ready = decoder.takeCommand();
        if (ready.kind() == ZmtpCommand.Kind.ERROR) {
            throw new ZmtpProtocolException("the peer refused the handshake: ERROR " + ready.errorReason());
        }
        String peerType;
        try {
            peerType = SocketTypeRules.checkPeer(socketType, ready);
        } catch (ZmtpProtocolException e) {
            sendErrorAndClose(e.getMessage());
            return false;
        }
        byte[] identity = ready.metadata().get(ZmtpMetadata.IDENTITY);
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        decoder = new ZmtpDecoder(options.maxMessageSize < 0 ? ZmtpDecoder.UNLIMITED : options.maxMessageSize);
        translateOutgoingSubscriptions = "SUB".equals(socketType) || "XSUB".equals(socketType);
        translateIncomingSubscriptions = "PUB".equals(socketType) || "XPUB".equals(socketType);
        phase = Phase.DATA;
        LOG.log(System.Logger.Level.DEBUG, () -> name + ": handshake done with a " + peerType + " peer ("
                + peerGreeting + ")");
        listener.handshakeDone(this, peerType, identity);
        if (phase != Phase.DATA) {
            return false;
        }
        heartbeat.start();
        pumpOutput();
        return phase == Phase.DATA;
    }

    /** Sends ERROR (best effort, without waiting) and closes: a peer of the wrong socket type. */
    private void sendErrorAndClose(String reason) {
        if (outputLock.acquireOrDefer()) {
            try {
                sendError(reason);
            } finally {
                outputLock.releaseByIoThread();
            }
        }
        close("handshake refused: " + reason, System.Logger.Level.INFO);
    }

    private void sendError(String reason) {
        try {
            if (!writer.isBusy()) {
                writer.start(ZmtpCommand.error(reason));
                while (writer.isBusy()) {
                    if (writer.fill() && !writer.flush(channel)) {
                        break;
                    }
                }
                writer.flush(channel);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "sending ERROR failed", e);
        }
    }

    private void decodeMessages() throws IOException {
        while (blocked == null && phase == Phase.DATA) {
            ZmtpDecoder.Result result = decoder.decode(input);
            if (result == ZmtpDecoder.Result.NEED_MORE) {
                return;
            }
            if (result == ZmtpDecoder.Result.MESSAGE) {
                deliver(decoder.takeElement());
            } else if (decodingOnCallerThread) {
                commandForIoThread = decoder.takeCommand();
                return;
            } else {
                handleCommand(decoder.takeCommand());
            }
        }
    }

    private void handleCommand(ZmtpCommand command) throws IOException {
        switch (command.kind()) {
            case PING:
                heartbeat.pingReceived(command.pingTtl());
                commands.add(ZmtpCommand.pong(command.pingContext()));
                break;
            case PONG:
            case UNKNOWN:
                break;
            case SUBSCRIBE:
            case CANCEL:
                if (translateIncomingSubscriptions) {
                    deliver(ZmtpSubscriptions.fromCommand(command));
                }
                break;
            case ERROR:
                throw new ZmtpProtocolException("the peer sent ERROR: " + command.errorReason());
            case READY:
            default:
                throw new ZmtpProtocolException("unexpected " + command.name() + " after the handshake");
        }
    }

    /** Queues a Msg, or a single frame bare (the decoder allocates no Msg for it). */
    private void deliver(Object element) {
        messagesReceived++;
        if (inbound.writeElement(element)) {
            inboundUnflushed = true;
            return;
        }
        blocked = element;
        if (decodingOnCallerThread) {
            return; // the I/O thread waits for room: the socket's thread hands it back
        }
        flushInbound(); // the socket must see what is queued to make room
        retryBlocked();
    }

    /**
     * Delivers the blocked message if the inbound pipe has room; otherwise waits for room, not
     * reading the channel meanwhile. The one place for the arm-then-recheck handshake with the
     * socket: room made before the arm is seen by the re-check, room made after it wakes us.
     *
     * @return true once the message is delivered; false while waiting (reading is off)
     */
    private boolean retryBlocked() {
        while (true) {
            if (inbound.writeElement(blocked)) {
                inboundUnflushed = true;
                blocked = null;
                return true;
            }
            inboundWaker.arm();
            if (!inbound.hasRoom() && !inbound.isReaderClosed()) {
                setWantRead(false);
                return false;
            }
            inboundWaker.disarm();
        }
    }

    /** Room was made: deliver the blocked message, decode what was kept, read again. */
    private void resumeInput() throws IOException {
        inboundWaker.disarm();
        if (!retryBlocked()) {
            return;
        }
        decodeLeftover();
        flushInbound();
        if (blocked == null && phase == Phase.DATA) {
            setWantRead(true);
        }
    }

    /** Decodes the bytes kept while the pipe was full (or a command was handed back). */
    private void decodeLeftover() throws IOException {
        if (leftover != null) {
            input = leftover;
            decodeMessages();
            if (!leftover.hasRemaining()) {
                dropLeftover();
                input = EMPTY;
            }
        }
    }

    // =====================================================================================
    // Read-through
    // =====================================================================================

    /**
     * Socket thread (read-through): reads what the channel has now and decodes it into the
     * inbound pipe, unless the I/O thread is reading; see the class comment.
     *
     * @return true if bytes were read (messages may be in the inbound pipe now)
     */
    boolean readOnCallerThread() {
        if (phase != Phase.DATA || !inputLock.tryAcquire()) {
            return false;
        }
        callerReads++; // only this thread writes it, holding the lock
        int read = 0;
        boolean handedBackBefore = inputHandedBack;
        try {
            read = readIdleInput();
        } catch (Throwable t) {
            // not the caller's to see: the I/O thread closes the connection, as for its own reads
            callerReadFailure = t;
            inputHandedBack = true;
        }
        boolean ioThreadNeeded = inputHandedBack && !handedBackBefore;
        if (inputLock.releaseBySocketThread()) {
            inputOwedToIoThread = true; // it stopped watching the channel: we read on until we stop
        }
        if (ioThreadNeeded) {
            handInputBack();
        }
        return read > 0;
    }

    /** This engine's writes on the socket's thread, for its peer: see {@link Peer#writeQueuedNow()}. */
    Peer.OutputWriter callerOutput() {
        return new Peer.OutputWriter() {
            @Override
            public boolean writeNow() {
                return writeQueuedOnCallerThread();
            }

            @Override
            public boolean writeFullPipeNow() {
                return writeFullPipeOnCallerThread();
            }
        };
    }

    /** This engine's read-through, for its peer: see {@link Peer#readThrough()}. */
    Peer.InputReader callerInput() {
        return new Peer.InputReader() {
            @Override
            public boolean readNow() {
                return readOnCallerThread();
            }

            @Override
            public void endReads() {
                endReadOnCallerThread();
            }
        };
    }

    /**
     * Socket thread: it stops reading through for now (it is about to sleep, or returns empty
     * handed); if the I/O thread left the reading to it meanwhile, the I/O thread takes it back.
     */
    void endReadOnCallerThread() {
        if (inputOwedToIoThread) {
            handInputBack();
        }
    }

    private void handInputBack() {
        inputOwedToIoThread = false;
        io.execute(inputHandback);
    }

    /**
     * One non-blocking read into the caller's buffer, decoded into the inbound pipe. Holding
     * the input lock.
     *
     * @return the bytes read (0 if none, or if the input is the I/O thread's to go on with)
     */
    private int readIdleInput() throws IOException {
        if (phase != Phase.DATA || inputHandedBack || blocked != null || leftover != null) {
            return 0;
        }
        ByteBuffer buffer = callerReadBuffer(callerReadSize());
        int n = channel.read(buffer);
        buffer.flip();
        if (n <= 0) {
            inputHandedBack = n < 0; // the end of the stream: the I/O thread reads it again and closes
            return 0;
        }
        bytesReceived += n;
        input = buffer;
        decodingOnCallerThread = true;
        try {
            decodeMessages();
        } finally {
            decodingOnCallerThread = false;
        }
        keepLeftover(false); // after a full pipe or a command: the caller's buffer is reused
        if (leftover == null) {
            input = EMPTY;
        }
        flushInbound();
        inputHandedBack = blocked != null || commandForIoThread != null;
        return n;
    }

    /**
     * How much the socket's thread reads at once: what half the room in the inbound pipe takes
     * at the average message size so far, between {@link #MIN_CALLER_READ_SIZE} and
     * {@link #MAX_CALLER_READ_SIZE}. Half, because messages smaller than the average would
     * fill the pipe, and a full pipe hands the input back to the I/O thread. (Reads of the
     * whole room measured the same, tcp 16 B median 16.7 M msg/s over 6 runs each, where
     * every message has the average size.)
     */
    private int callerReadSize() {
        if (messagesReceived == 0) {
            return FIRST_CALLER_READ_SIZE;
        }
        long average = Math.min(bytesReceived / messagesReceived, MAX_CALLER_READ_SIZE);
        long room = inbound.room();
        long fits = room == Pipe.UNLIMITED ? MAX_CALLER_READ_SIZE : room / 2 * average;
        return (int) Math.max(MIN_CALLER_READ_SIZE, Math.min(MAX_CALLER_READ_SIZE, fits));
    }

    /** The socket's thread's read buffer, cleared and limited to {@code size} bytes; grown when too small. */
    private ByteBuffer callerReadBuffer(int size) {
        ByteBuffer buffer = callerReadBuffer;
        if (buffer == null || buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(Integer.highestOneBit(size - 1) << 1);
            callerReadBuffer = buffer;
        }
        buffer.clear().limit(size);
        return buffer;
    }

    /**
     * I/O thread: the socket's thread released the input with work for us (a command, a full
     * pipe, the end of the stream, a failure), or stopped reading what we left it; or we
     * take back the reading we left it.
     */
    private void takeInputBack() {
        if (phase == Phase.CLOSED) {
            return;
        }
        if (readsLeftToCaller) {
            readsLeftToCaller = false;
            if (blocked == null) {
                setWantRead(true);
            }
        }
        try {
            Throwable failure = callerReadFailure;
            if (failure != null) {
                failed(failure);
                return;
            }
            readInput(); // if the socket's thread took the input again, it hands back again
            if (phase == Phase.DATA && !commands.isEmpty()) {
                pumpOutput();
            }
        } catch (Throwable t) {
            failed(t);
        }
    }

    /**
     * I/O thread, holding the input lock: takes over what the socket's thread left (a command,
     * a message blocked on a full pipe, undecoded bytes), then reads on.
     */
    private void continueHandedBackInput() throws IOException {
        inputHandedBack = false;
        ZmtpCommand command = commandForIoThread;
        if (command != null) {
            commandForIoThread = null;
            handleCommand(command);
        }
        if (blocked != null) {
            resumeInput();
        } else {
            decodeLeftover();
            flushInbound();
        }
        if (phase != Phase.CLOSED && blocked == null && leftover == null) {
            readOwnedInput();
        }
    }

    private void flushInbound() {
        if (inboundUnflushed) {
            inboundUnflushed = false;
            inbound.flush();
        }
    }

    // =====================================================================================
    // Writing
    // =====================================================================================

    /** I/O thread: sends what is queued, holding the output lock (or leaving it a note). */
    private void pumpOutput() throws IOException {
        if (!outputLock.acquireOrDefer()) {
            return; // the socket's thread is writing; it hands this back to us when it is done
        }
        try {
            pumpOwnedOutput();
        } finally {
            outputLock.releaseByIoThread();
        }
    }

    private void pumpOwnedOutput() throws IOException {
        for (int round = 0; round < WRITES_PER_EVENT && phase != Phase.CLOSED; round++) {
            fillBatch(true);
            if (!writer.hasPendingBytes()) {
                setWantWrite(false);
                if (phase != Phase.DATA) {
                    return;
                }
                if (writesLeftToCaller) {
                    watchWritesLeftToCaller();
                    listener.outputIdle(this);
                    return;
                }
                outboundWaker.arm();
                if (outbound.hasMessage() || !commands.isEmpty()) {
                    outboundWaker.disarm();
                    continue;
                }
                listener.outputIdle(this);
                return;
            }
            if (!writer.flush(channel)) {
                setWantWrite(true);
                return;
            }
        }
        // more to send, but others get a turn first: the channel is writable, so this comes back soon
        setWantWrite(phase != Phase.CLOSED);
    }

    /**
     * Socket thread (write-through): writes what the outbound pipe holds, when the output is
     * idle, instead of waking the I/O thread to do it; see the class comment.
     *
     * @return true if the call took care of the messages (written, or handed to the I/O
     *     thread); false if the I/O thread holds the output: wake it as before
     */
    boolean writeOnCallerThread() {
        if (!outputLock.tryAcquire()) {
            return false;
        }
        boolean ioThreadNeeded;
        try {
            ioThreadNeeded = !writeIdleOutput();
        } catch (Throwable t) {
            ioThreadNeeded = callerWriteFailed(t);
        }
        releaseOutputByCaller(ioThreadNeeded);
        return true;
    }

    /**
     * Socket thread (a publisher's full pipe): encodes one batch from the outbound pipe and
     * writes it, unless the I/O thread holds the output or bytes are already waiting for the
     * channel; what does not go out is the I/O thread's to finish. Unlike
     * {@link #writeOnCallerThread} the waker is left as it is: the I/O thread was not idle
     * (the pipe filled up without it draining it), so a wake is already on its way.
     *
     * @return true if messages were taken from the pipe
     */
    boolean writeQueuedOnCallerThread() {
        if (wantWrite || phase != Phase.DATA || !outputLock.tryAcquire()) {
            return false;
        }
        boolean outputIdle = phase == Phase.DATA && !writer.hasPendingBytes() && !writer.isBusy();
        boolean ioThreadNeeded = false;
        if (outputIdle) {
            try {
                fillBatch(false);
                ioThreadNeeded = !writer.flush(channel) || writer.isBusy();
            } catch (Throwable t) {
                ioThreadNeeded = callerWriteFailed(t);
            }
        }
        releaseOutputByCaller(ioThreadNeeded);
        return outputIdle;
    }

    /**
     * Socket thread, whose send found the outbound pipe full (PUSH, DEALER or PAIR, one peer):
     * writes the whole pipe out and leaves the output to itself from then on, see the class
     * comment. Like
     * {@link #writeQueuedOnCallerThread} it does nothing if the I/O thread holds the output or
     * bytes already wait for the channel; a channel that takes not all, or a failure, goes
     * back to the I/O thread, as in write-through.
     *
     * @return true if messages were taken from the pipe (it may have room again)
     */
    boolean writeFullPipeOnCallerThread() {
        if (wantWrite || phase != Phase.DATA) {
            return false; // the I/O thread is at it: it drains the pipe and wakes us
        }
        if (!outputLock.tryAcquire()) {
            if (writesLeftToCaller) {
                // The I/O thread holds the output while left out of it: it may be about to
                // stop at an empty pipe it found a moment ago, not arming its waker. Make it
                // look again, or this full pipe waits for the timer.
                io.execute(outboundWaker);
            }
            return false;
        }
        boolean outputIdle = phase == Phase.DATA && !writer.hasPendingBytes() && !writer.isBusy()
                && fullPipeFitsOneBatch();
        boolean ioThreadNeeded = false;
        if (outputIdle) {
            try {
                ioThreadNeeded = !writeWholePipe();
            } catch (Throwable t) {
                ioThreadNeeded = callerWriteFailed(t);
            }
            // The first time, the I/O thread must learn it is left out: it then watches (the timer).
            boolean leftNow = !ioThreadNeeded && !writesLeftToCaller;
            writesLeftToCaller = !ioThreadNeeded;
            lastCallerWriteNanos = System.nanoTime();
            ioThreadNeeded |= leftNow;
        }
        releaseOutputByCaller(ioThreadNeeded);
        return outputIdle;
    }

    /**
     * Whether a full outbound pipe, at the average size of the messages sent so far, fits in
     * one batch: small messages, whose encoding is most of the work. A pipe of larger ones
     * takes several writes and copies a kernel buffer's worth per pipe, which the I/O thread
     * does better beside the sending thread: tcp 4 KiB, 4 runs each, median 498 k msg/s with
     * the I/O thread writing and 453 k with the socket's thread writing every full pipe.
     */
    private boolean fullPipeFitsOneBatch() {
        if (messagesSent == 0) {
            return false; // no average yet
        }
        long averageSize = writer.bytesWritten() / messagesSent;
        return averageSize <= writer.largestBatch() / outbound.capacity();
    }

    /**
     * Encodes and writes the outbound pipe until it is empty; false if the channel took not
     * all. Holding the output lock.
     */
    private boolean writeWholePipe() throws IOException {
        do {
            fillBatch(false); // commands are the I/O thread's: it queued them, it sends them
            if (!writer.flush(channel)) {
                return false;
            }
        } while (writer.isBusy() || outbound.hasMessage());
        return true;
    }

    /** I/O thread, left out of the writing: looks every millisecond whether the socket's thread still writes. */
    private void watchWritesLeftToCaller() {
        if (writesBackTimer == null || writesBackTimer.isDone()) {
            writesBackTimer = io.schedule(WRITES_BACK_MILLIS, writesBackAction);
        }
    }

    /**
     * I/O thread: takes the output back from a socket's thread that has not written a full
     * pipe out for {@link #WRITES_BACK_NANOS}: it stopped, or slowed down to a pace the I/O
     * thread keeps up with. Writes what the pipe holds (the tail of a burst waits here, 0.2-1.2
     * ms) and arms the waker again.
     */
    private void takeWritesBack() {
        if (!writesLeftToCaller || phase != Phase.DATA) {
            return;
        }
        if (System.nanoTime() - lastCallerWriteNanos < WRITES_BACK_NANOS) {
            writesBackTimer = io.schedule(WRITES_BACK_MILLIS, writesBackAction);
            return;
        }
        if (!outputLock.acquireOrDefer()) {
            return; // writing now: the release hands us the output, and the pump watches again
        }
        Throwable failure = null;
        try {
            writesLeftToCaller = false;
            pumpOwnedOutput();
        } catch (Throwable t) {
            failure = t;
        } finally {
            outputLock.releaseByIoThread();
        }
        if (failure != null) {
            failed(failure);
        }
    }

    /** Not the caller's to see: the I/O thread closes the connection, as for its own writes. Returns true. */
    private boolean callerWriteFailed(Throwable failure) {
        callerWriteFailure = failure;
        return true;
    }

    /** Socket thread: releases the output lock, handing the output to the I/O thread if it asked meanwhile or must go on. */
    private void releaseOutputByCaller(boolean ioThreadNeeded) {
        if (outputLock.releaseBySocketThread() || ioThreadNeeded) {
            io.execute(outboundWaker);
        }
    }

    /**
     * Encodes and writes the outbound pipe's messages, then arms the waker as the I/O thread
     * does when it finds the pipe empty. Holding the output lock.
     *
     * @return true if everything went out and the output is idle again; false if the I/O
     *     thread must go on (not in the data phase, output already pending, channel full)
     */
    private boolean writeIdleOutput() throws IOException {
        if (phase != Phase.DATA || writer.hasPendingBytes() || writer.isBusy()) {
            return false;
        }
        while (true) {
            fillBatch(false); // commands are the I/O thread's: it queued them, it sends them
            if (!writer.flush(channel)) {
                return false; // the I/O thread registers OP_WRITE and writes the rest
            }
            if (writer.isBusy()) {
                continue; // a large message: its next part
            }
            outboundWaker.arm();
            if (!outbound.hasMessage()) {
                return true;
            }
            outboundWaker.disarm();
        }
    }

    /** Encodes items into the batch until it must be written or there is nothing more. */
    private void fillBatch(boolean withCommands) {
        while (!writer.mustFlush()) {
            if (!writer.isBusy() && !(withCommands && startCommand()) && !startMessage()) {
                return;
            }
            writer.fill();
        }
    }

    /** Starts encoding the next queued command; false if there is none. */
    private boolean startCommand() {
        ZmtpCommand command = commands.poll();
        if (command == null) {
            return false;
        }
        writer.start(command);
        return true;
    }

    /** Starts encoding the next message of the outbound pipe; false if there is none. */
    private boolean startMessage() {
        if (phase != Phase.DATA) {
            return false;
        }
        while (true) {
            Object element = outbound.readElement();
            if (element == null) {
                return false;
            }
            messagesSent++;
            if (element instanceof byte[] && !translateOutgoingSubscriptions) {
                writer.startFrame((byte[]) element); // a bare single frame: no Msg to unwrap
                return true;
            }
            Msg msg = Pipe.toMsg(element);
            if (msg.frameCount() == 0) {
                continue;
            }
            if (translateOutgoingSubscriptions && ZmtpSubscriptions.isSubscription(msg)) {
                writer.startSubscription(msg, peerGreeting.isAtLeast31());
            } else {
                writer.start(msg);
            }
            return true;
        }
    }

    // =====================================================================================
    // Interest
    // =====================================================================================

    private void setWantRead(boolean on) {
        wantRead = on;
        updateInterest();
    }

    private void setWantWrite(boolean on) {
        wantWrite = on;
        updateInterest();
    }

    private void updateInterest() {
        if (key == null || phase == Phase.CLOSED) {
            return;
        }
        int ops = (wantRead ? SelectionKey.OP_READ : 0) | (wantWrite ? SelectionKey.OP_WRITE : 0);
        if (ops != interest && key.isValid()) {
            key.interestOps(ops);
            interest = ops;
        }
    }

    @Override
    public String toString() {
        return name + "[" + phase + (phase == Phase.GREETING ? " " + greetingFilled + "/64" : "")
                + (blocked != null ? ", blocked on a full pipe" : "")
                + (leftover != null ? ", " + leftover.remaining() + " bytes kept" : "")
                + ", interest " + interest + ", received " + bytesReceived + " B, sent "
                + writer.bytesWritten() + " B" + (hasUnsentOutput() ? ", output pending" : "") + "]";
    }
}
