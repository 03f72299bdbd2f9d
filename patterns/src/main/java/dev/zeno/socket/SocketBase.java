package dev.zeno.socket;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.Transport;
import dev.zeno.transport.TransportContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.MpscUnboundedArrayQueue;

/**
 * The machinery every socket type shares: its options, its peers, bind and connect, blocking
 * send and receive with timeouts, and close. A socket type is a small subclass that says what
 * a send and a receive mean, composed from the routing strategies in {@code dev.zeno.routing}.
 *
 * <p>One thread at a time uses a socket. Events from other threads (a peer attached by a
 * transport, a reconnect) arrive through an MPSC mailbox and are handled on the user's thread
 * at the start of the next operation (a flag says when there are any), so routing state is
 * single-threaded and needs no lock.
 */
public abstract class SocketBase implements PeerOwner {
    /**
     * How many times a blocking send or receive retries, without announcing itself to wakers,
     * before it parks, when a peer is in this process (inproc). A retry costs far less than a
     * park and an unpark (a futex call on each side, and 40-45 us before the woken thread runs
     * on a VM whose idle cores halt), and once one side has parked, the other soon parks too,
     * waiting for the first to wake. So the spin lasts about as long as a wake-up: a thousand
     * tries, about 35 us at a pause and a few nanoseconds per try. It is counted in tries, so
     * a cheaper try makes it shorter: when the one-peer path made tries cheaper, 200 tries
     * no longer covered a round trip's gaps, and inproc REQ/REP latency (inproc_lat, 1 M round
     * trips, 3 runs) went from 1.4-2.2 to 3.2-5.6 us; with 1,000 tries it is 0.40-0.58 us
     * (500: 0.36-0.80), and inproc PUSH/PULL throughput did not move (medians 49.2 and 48.6 M
     * msg/s over 6 runs). No spinning on a single core, where it would only delay the peer.
     *
     * <p>No spinning either when every peer is behind an I/O thread (tcp, ipc): that thread is
     * busy moving the very messages we wait for, and on a loaded machine the spin takes its core.
     * tcp PUSH/PULL 16 B between two processes, 10 alternating runs each: median 6.35 M msg/s
     * spinning 200 times, 7.5 M spinning 20 times, 7.65 M not spinning.
     */
    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;
    private static final int SPIN_TRIES = MULTICORE ? 1000 : 0;
    /**
     * How long a REQ polls its connection for the reply before it sleeps. On a VM whose idle
     * cores halt, waking a thread on another core costs 40-45 us, and a tcp round trip had four
     * such wake-ups; polling saves the I/O thread's and our own. A reply later than this comes
     * the usual way. Measured on 2 cores, Zeno REQ/REP over tcp: p50 96-120 -> 39-48 us, p99
     * 181-187 us; polling 100 us gave p99 155-218, 150 us 226-240. A REP polling for the next
     * request too got p50 17-31 us but p99 354-375 us: two pollers and two I/O threads on two
     * cores. (Raw channels: a 10 us poll caught too few replies.)
     */
    private static final long READ_THROUGH_NANOS = 60_000;

    // No yield phase after the spin (Aeron's spin, yield, park): measured on two cores, 20
    // yields before parking cut tcp PUSH/PULL 16 B from 2.5-2.8 to 1.8 M msg/s, because the
    // yielding user thread takes the core its own I/O thread needs; inproc gained nothing sure.

    /** A blocking wait with no time limit. */
    public static final long FOREVER = -1;

    /** This socket's options, shared with the transports. */
    protected final SocketOptions options;
    private final TransportContext transports;
    private final SocketWaker waker = new SocketWaker();
    private final MpscUnboundedArrayQueue<Runnable> mailbox = new MpscUnboundedArrayQueue<>(64);
    private final List<Peer> peers = new ArrayList<>();
    /** How many of {@link #peers} are inproc: only for those is a spin worth it. */
    private int inprocPeers;
    private final Map<String, Transport.Binding> bindings = new LinkedHashMap<>();
    private final Map<String, List<Transport.Connection>> connections = new LinkedHashMap<>();
    private volatile boolean closed;
    /** The peer this thread last read through, until it stops ({@link #endReadingThrough()}). */
    private Peer readingThrough;
    /**
     * Set (after the fact) by a command posted to the mailbox and by close: something needs
     * the user thread before its next send or receive. One volatile read then replaces the
     * check of both on every message; measured on inproc_thr 16 B, 50 M messages, 29-36 M
     * became 36-38 M msg/s.
     */
    private volatile boolean attention;
    private final AtomicBoolean released = new AtomicBoolean();
    private String lastEndpoint;

    /** A socket of the given ZMTP type name ("REQ", "PUB", ...) on a context's transports. */
    protected SocketBase(String zmtpType, TransportContext transports) {
        this.options = new SocketOptions(zmtpType);
        this.transports = transports;
    }

    // =====================================================================================
    // What each socket type defines (called on the user's thread only)
    // =====================================================================================

    /** A peer joined: add its pipes to the routing strategies. */
    protected abstract void onAttach(Peer peer);

    /** A peer left (its pipes ended, or it was disconnected): remove it everywhere. */
    protected abstract void onDetach(Peer peer);

    /** A peer's connection was remade: identity may differ, subscriptions must be resent. */
    protected void onReconnect(Peer peer) {
    }

    /**
     * Tries to send {@code msg} without blocking.
     *
     * @return true if it was taken (sent or, per the pattern, dropped), false if it must wait
     * @throws dev.zeno.IllegalSocketStateException (via {@link SocketErrors}) if the pattern forbids it
     */
    protected abstract boolean trySend(Msg msg);

    /** Tries to receive without blocking; null if nothing is ready. */
    protected abstract Msg tryReceive();

    /**
     * True if {@link #sendFrame} may hand this type a single-frame message as its bare frame
     * ({@link #trySendFrame}) rather than wrapped in a {@link Msg}: the types that pass a
     * one-frame message on unchanged (PUSH, DEALER, PAIR, PUB, XPUB). Receiving bare frames
     * is separate: a type that can overrides {@link #tryReceiveElement}.
     */
    protected boolean routesBareFrames() {
        return false;
    }

    /**
     * {@link #trySend} for a bare single frame; only called if {@link #routesBareFrames()}.
     * This default wraps the frame; the types that route bare frames override it.
     */
    protected boolean trySendFrame(byte[] frame) {
        return trySend(new Msg(frame));
    }

    /** {@link #tryReceive}, but a single frame may come bare (a {@code byte[]}) instead of as a Msg. */
    protected Object tryReceiveElement() {
        return tryReceive();
    }

    /**
     * Gives back a bare frame that the last receive returned, once the caller has copied it
     * out and nothing refers to it, to the pipe it came from ({@link Pipe#recycle}); only the
     * types that receive bare frames know that pipe. The default drops it.
     */
    public void recycleFrame(byte[] frame) {
    }

    /** True if a send would not block now (for pollers). */
    protected abstract boolean canSend();

    /** True if a receive would return a message now (for pollers). */
    protected abstract boolean canReceive();

    /**
     * How many times a blocking receive retries before it parks: {@link #SPIN_TRIES} if a
     * peer is inproc, else 0. A type that knows which peer answers may narrow it: see ReqSocket.
     */
    protected int receiveSpinTries() {
        return spinTries();
    }

    /** {@link #SPIN_TRIES} if a peer is inproc, else 0 (see there why). Package-private for a test. */
    int spinTries() {
        return inprocPeers > 0 ? SPIN_TRIES : 0;
    }

    /**
     * The peer whose connection a blocking receive polls before it sleeps, reading the answer
     * off it itself ({@link Peer#readThrough()}): for a type that expects its answer within
     * microseconds from another process. Null (the default) to sleep at once.
     */
    protected Peer readThroughPeer() {
        return null;
    }

    /**
     * How long a receive polls the {@link #readThroughPeer()}'s connection before it sleeps:
     * {@value #READ_THROUGH_NANOS} ns unless the type says otherwise.
     */
    protected long readThroughNanos() {
        return READ_THROUGH_NANOS;
    }

    /**
     * Polls the {@link #readThroughPeer()}'s connection on this thread for up to
     * {@link #readThroughNanos()}: the element received, or null. Only on a machine with
     * more than one core, where the other side has a core of its own meanwhile.
     */
    private Object receiveReadingThrough() {
        Peer peer = readThroughPeer();
        if (!MULTICORE || peer == null || peer.isInproc()) {
            return null;
        }
        readingThrough = peer;
        long deadline = System.nanoTime() + readThroughNanos();
        do {
            peer.readThrough();
            Object element = tryReceiveElement();
            if (element != null) {
                return element;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() - deadline < 0);
        return null;
    }

    /**
     * This thread reads through no more for now: it is about to sleep, or to say there is
     * nothing to receive, so the connection's I/O thread reads again ({@link Peer#endReadThrough()}).
     */
    private void endReadingThrough() {
        Peer peer = readingThrough;
        if (peer != null) {
            readingThrough = null;
            peer.endReadThrough();
        }
    }

    /** A non-blocking receive that found nothing: null, after {@link #endReadingThrough()}. */
    private Object receivedNothing() {
        endReadingThrough();
        return null;
    }

    /** Adds a subscription; only SUB and XSUB accept it. */
    public void subscribe(byte[] prefix) {
        throw SocketErrors.illegalState("subscribe is only for SUB and XSUB sockets, not " + describe());
    }

    /** Removes one subscription; only SUB and XSUB accept it. */
    public void unsubscribe(byte[] prefix) {
        throw SocketErrors.illegalState("unsubscribe is only for SUB and XSUB sockets, not " + describe());
    }

    /** ROUTER's mandatory routing; other types refuse it. */
    public void setRouterMandatory(boolean mandatory) {
        throw SocketErrors.invalidOption("option routerMandatory applies to ROUTER sockets only, not " + describe());
    }

    /** XPUB's verbose subscriptions; other types refuse it. */
    public void setXpubVerbose(boolean verbose) {
        throw SocketErrors.invalidOption("option xpubVerbose applies to XPUB sockets only, not " + describe());
    }

    // =====================================================================================
    // PeerOwner: called by transports on any thread
    // =====================================================================================

    @Override
    public SocketOptions options() {
        return options;
    }

    @Override
    public SocketWaker waker() {
        return waker;
    }

    @Override
    public void attach(Peer peer) {
        if (closed) {
            peer.close();
            return;
        }
        post(() -> attachNow(peer));
    }

    @Override
    public void reconnected(Peer peer) {
        post(() -> {
            if (peers.contains(peer)) {
                onReconnect(peer);
            }
        });
    }

    @Override
    public String describe() {
        return options.socketType + " socket";
    }

    private void post(Runnable command) {
        mailbox.offer(command);
        attention = true;
        waker.wake();
    }

    /**
     * The start of a send or receive: if something happened since the last one, checks that
     * the socket is open and handles the commands. Cleared before the checks, so a command or
     * a close that comes meanwhile sets it again for the next operation.
     */
    private void attend() {
        if (attention) {
            attendNow();
        }
    }

    /** The rare half of {@link #attend()}, apart so the per-message path stays small. */
    private void attendNow() {
        attention = false;
        checkOpen();
        processCommands();
    }

    private void attachNow(Peer peer) {
        if (closed) {
            peer.close();
            return;
        }
        if (peer.isInproc()) {
            waker.settleArms(); // before the pipe has the waker: see SocketWaker
        }
        peer.inbound().setReaderWaker(waker);
        peer.outbound().setWriterWaker(waker);
        peers.add(peer);
        if (peer.isInproc()) {
            inprocPeers++;
        }
        onAttach(peer);
    }

    /** Handles pending events from other threads (a send or receive does it when {@link #attention} says so). */
    protected final void processCommands() {
        Runnable command;
        while ((command = mailbox.relaxedPoll()) != null) {
            command.run();
        }
    }

    /** A routing strategy found that {@code peer}'s pipes have ended: drop the peer. */
    protected final void peerEnded(Peer peer) {
        if (peers.remove(peer)) {
            if (peer.isInproc()) {
                inprocPeers--;
            }
            peer.close();
            onDetach(peer);
        }
    }

    /** The attached peers, in order of arrival. */
    protected final List<Peer> peers() {
        return peers;
    }

    // =====================================================================================
    // Endpoints
    // =====================================================================================

    /** Binds {@code endpoint}; returns the resolved endpoint. */
    public String bind(String endpoint) {
        checkOpen();
        processCommands();
        Endpoint parsed = Endpoint.parse(endpoint);
        Transport.Binding binding = transports.transportFor(parsed).bind(parsed, this);
        String resolved = binding.resolvedEndpoint();
        bindings.put(resolved, binding);
        lastEndpoint = resolved;
        processCommands(); // attach the peers that were waiting for this bind now
        return resolved;
    }

    /** Connects to {@code endpoint}. */
    public void connect(String endpoint) {
        checkOpen();
        processCommands();
        Endpoint parsed = Endpoint.parse(endpoint);
        Transport.Connection connection = transports.transportFor(parsed).connect(parsed, this);
        connections.computeIfAbsent(connection.endpoint(), key -> new ArrayList<>()).add(connection);
        lastEndpoint = connection.endpoint();
        processCommands(); // attach the peer this connect made now (a SUB sends its subscriptions)
    }

    /**
     * Stops listening on {@code endpoint} (as given to bind, or as resolved).
     *
     * @return false if this socket has no such binding
     */
    public boolean unbind(String endpoint) {
        checkOpen();
        processCommands();
        Transport.Binding binding = bindings.remove(endpoint);
        if (binding == null) {
            binding = bindings.remove(Endpoint.parse(endpoint).toString());
        }
        if (binding == null) {
            return false;
        }
        binding.close();
        return true;
    }

    /**
     * Ends the connections made by connect({@code endpoint}) and their peers.
     *
     * @return false if this socket has no such connection
     */
    public boolean disconnect(String endpoint) {
        checkOpen();
        processCommands();
        String key = Endpoint.parse(endpoint).toString();
        List<Transport.Connection> list = connections.remove(key);
        if (list == null) {
            return false;
        }
        for (Transport.Connection connection : list) {
            connection.close();
        }
        for (Peer peer : new ArrayList<>(peers)) {
            if (peer.isOutgoing() && peer.endpoint().equals(key)) {
                peerEnded(peer);
            }
        }
        return true;
    }

    /** The last endpoint bound or connected, resolved; null if none. */
    public String lastEndpoint() {
        return lastEndpoint;
    }

    // =====================================================================================
    // Send and receive
    // =====================================================================================

    /**
     * Sends a whole message, waiting up to {@code timeoutNanos} ({@link #FOREVER}, or 0 for no
     * wait) while the pattern cannot take it.
     *
     * @return false if the time ran out
     */
    public final boolean send(Msg msg, long timeoutNanos) {
        return sendElement(msg, null, timeoutNanos);
    }

    /**
     * Sends a single-frame message given as its frame, like {@link #send}; a type that
     * {@linkplain #routesBareFrames() routes bare frames} passes the array on with no wrapper,
     * so the common send allocates nothing.
     */
    public final boolean sendFrame(byte[] frame, long timeoutNanos) {
        return routesBareFrames() ? sendElement(null, frame, timeoutNanos) : send(new Msg(frame), timeoutNanos);
    }

    /**
     * A send of {@code frame} if it is not null, else of {@code msg}: tries, spins a little
     * (inproc peers only, see {@link #SPIN_TRIES}), then sleeps in {@link #awaitSend}.
     *
     * <p>The first try and the spin share one call site of the pattern's try, for the JIT: C2
     * recompiles this method for each rare branch its early profile never saw (a first full
     * pipe, a first park), 2-4 times a run, on a core the two threads of an inproc pair need.
     * With a copy of the inlined try in the spin as well, inproc_thr spent a median 382 ms in
     * C2; with one, 265 ms (8 runs each).
     */
    private boolean sendElement(Msg msg, byte[] frame, long timeoutNanos) {
        attend();
        int spins = spinTries();
        while (!trySendElement(msg, frame)) {
            if (timeoutNanos == 0) {
                return false;
            }
            if (spins-- <= 0) {
                return awaitSend(msg, frame, timeoutNanos);
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /**
     * The sleeping half of a send: arms the waker and parks until the send is taken or the time
     * is up. The time counts from here, after the spin (tens of microseconds, inproc only).
     */
    private boolean awaitSend(Msg msg, byte[] frame, long timeoutNanos) {
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        try {
            while (true) {
                waker.arm();
                processCommands();
                if (trySendElement(msg, frame)) {
                    return true;
                }
                checkOpen();
                if (!parkUntil(deadline, timeoutNanos, false)) {
                    return false;
                }
            }
        } finally {
            endWait();
        }
    }

    /**
     * Receives a whole message, waiting up to {@code timeoutNanos} ({@link #FOREVER}, or 0
     * for no wait).
     *
     * @return the message, or null if the time ran out
     */
    public final Msg receive(long timeoutNanos) {
        return Pipe.toMsg(receiveElement(timeoutNanos));
    }

    /**
     * Receives like {@link #receive}, but a single-frame message may come as its bare frame
     * (a {@code byte[]}, see {@link #tryReceiveElement()}); otherwise a {@link Msg}; null if
     * the time ran out.
     */
    public final Object receiveElement(long timeoutNanos) {
        attend();
        int spins = receiveSpinTries();
        Object element;
        while ((element = tryReceiveElement()) == null) {
            if (timeoutNanos == 0) {
                return receivedNothing();
            }
            if (spins-- <= 0) {
                return awaitElement(timeoutNanos);
            }
            Thread.onSpinWait();
        }
        return element;
    }

    /**
     * The sleeping half of a receive (small apart for the JIT, as {@link #sendElement}): polls
     * the connection of a {@link #readThroughPeer()}, then arms the waker and parks until an
     * element comes or the time is up. The time counts from here, as for a send.
     */
    private Object awaitElement(long timeoutNanos) {
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        if (timeoutNanos < 0 || timeoutNanos > readThroughNanos()) { // a poll must not outlast the timeout
            Object element = receiveReadingThrough();
            if (element != null) {
                return element;
            }
        }
        endReadingThrough();
        try {
            while (true) {
                waker.arm();
                processCommands();
                Object element = tryReceiveElement();
                if (element != null) {
                    return element;
                }
                checkOpen();
                if (!parkUntil(deadline, timeoutNanos, true)) {
                    return null;
                }
            }
        } finally {
            endWait();
        }
    }

    private boolean trySendElement(Msg msg, byte[] frame) {
        return frame != null ? trySendFrame(frame) : trySend(msg);
    }

    /**
     * The user thread stops waiting. A close from another thread that saw it waiting left the
     * release to it, so release here if the close raced with a successful end of the wait.
     */
    private void endWait() {
        waker.disarm();
        if (closed) {
            releaseResources();
        }
    }

    /**
     * Parks until woken or the deadline; false once the deadline has passed. A park for a
     * message ({@code forMessage}) that begins while the waker's arm is still settling ends
     * when it has settled, for the caller to re-check (see {@link SocketWaker}).
     */
    private boolean parkUntil(long deadline, long timeoutNanos, boolean forMessage) {
        long now = System.nanoTime();
        long limit = timeoutNanos < 0 ? Long.MAX_VALUE : deadline - now;
        if (limit <= 0) {
            return false;
        }
        SocketWaker.park(this, limit, forMessage ? waker.unsettledNanos(now) : 0);
        if (Thread.currentThread().isInterrupted()) {
            // park returns at once while interrupted: report it rather than spin.
            throw SocketErrors.interrupted("interrupted while waiting on a " + describe());
        }
        return true;
    }

    /**
     * For pollers: the poller that armed this socket's waker ({@link SocketWaker#armFor}) stops
     * waiting on it. If the socket was closed meanwhile (the close then left the release to the
     * waiting thread), its peers are released now.
     */
    public final void endPoll() {
        endWait();
    }

    /** For pollers: handles events, then says whether a receive would succeed now. */
    public final boolean pollIn() {
        checkOpen();
        processCommands();
        if (canReceive()) {
            return true;
        }
        endReadingThrough(); // a poller waits for the pipe: the I/O thread must fill it
        return false;
    }

    /** For pollers: handles events, then says whether a send would succeed now. */
    public final boolean pollOut() {
        checkOpen();
        processCommands();
        return canSend();
    }

    // =====================================================================================
    // Close
    // =====================================================================================

    /** True once closed. */
    public final boolean isClosed() {
        return closed;
    }

    /** Throws if the socket is closed. */
    protected final void checkOpen() {
        if (closed) {
            waker.disarm();
            releaseResources();
            throw SocketErrors.closed(describe());
        }
    }

    /**
     * Closes the socket: listeners and connectors stop, every peer's outbound pipe is closed
     * (queued messages still go out, within linger, by the transport) and a thread blocked in
     * this socket is released with {@code SocketClosedException}. Callable from any thread,
     * more than once: another thread may close a socket whose user is blocked in it or idle
     * (that is how a context releases blocked threads), but not while the user is mid-call.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        attention = true;
        if (waker.hasWaiter()) {
            // The blocked user thread releases the peers itself on its way out (checkOpen).
            waker.wake();
        } else {
            releaseResources();
        }
    }

    /** Runs once, on whichever thread gets here first after close. */
    private void releaseResources() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        for (Transport.Binding binding : bindings.values()) {
            binding.close();
        }
        bindings.clear();
        for (List<Transport.Connection> list : connections.values()) {
            for (Transport.Connection connection : list) {
                connection.close();
            }
        }
        connections.clear();
        for (Peer peer : peers) {
            peer.close();
        }
        peers.clear();
        inprocPeers = 0;
        Runnable pending;
        while ((pending = mailbox.relaxedPoll()) != null) {
            pending.run(); // attaches that raced with close: attachNow closes their peers
        }
    }
}
