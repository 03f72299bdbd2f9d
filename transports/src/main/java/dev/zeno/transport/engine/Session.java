package dev.zeno.transport.engine;

import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import dev.zeno.transport.SocketOptions;

/**
 * The socket-facing half of one connection, on its I/O thread (libzmq's session): the peer's
 * pipes, the wakers on their engine-side ends, the current engine, and linger.
 *
 * <p>The split matters on the connecting side, where the peer and its pipes outlive engines:
 * messages queue while the connection is down and go out on the next one. When the socket
 * closes its side of the pipes, the session lets the engine send what is queued for up to the
 * socket's linger, then closes; when the session ends for good it closes the inbound pipe's
 * writer and the outbound pipe's reader, so the socket drains and detaches the peer.
 */
abstract class Session implements IoObject, EngineListener {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    protected final IoThread io;
    protected final PeerOwner owner;
    protected final SocketOptions options;
    /** The connection's endpoint, for logs and for the peer. */
    protected final String endpoint;
    protected Peer peer;
    protected ZmtpEngine engine;
    private PipeWaker inboundWaker;
    private PipeWaker outboundWaker;
    private final HandoffLock outputLock = new HandoffLock();
    private boolean lingering;
    private Timer lingerTimer;
    private boolean ended;

    Session(IoThread io, PeerOwner owner, String endpoint) {
        this.io = io;
        this.owner = owner;
        this.options = owner.options();
        this.endpoint = endpoint;
    }

    /** Adopts {@code peer}'s pipes: puts this session's wakers on their engine-side ends. */
    protected final void bindPeer(Peer peer) {
        this.peer = peer;
        this.inboundWaker = new PipeWaker(io, this::pipeEvent, peer, false);
        this.outboundWaker = new PipeWaker(io, this::pipeEvent, peer, true);
        peer.inbound().setWriterWaker(inboundWaker);
        peer.outbound().setReaderWaker(outboundWaker);
    }

    /**
     * Hands the peer's pipes to {@code engine} for its data phase, with the session's output
     * lock: one per session, not per engine, because whoever holds it reads the outbound pipe,
     * which outlives engines on the connecting side.
     */
    protected final void attachEngine(ZmtpEngine engine) {
        engine.attachPipes(peer.inbound(), inboundWaker, peer.outbound(), outboundWaker, outputLock);
        outboundWaker.startWriteThrough(engine);
        peer.setInputReader(engine.callerInput());
        peer.setOutputWriter(engine.callerOutput());
    }

    /** True once the session has ended. */
    final boolean isEnded() {
        return ended;
    }

    /** True while the session only waits for queued messages to go out. */
    final boolean isLingering() {
        return lingering;
    }

    /** A waker fired: messages queued, room made, or the socket closed its side. I/O thread. */
    final void pipeEvent() {
        if (ended || io.isTerminated()) {
            return;
        }
        if (!lingering && (peer.outbound().isWriterClosed() || peer.inbound().isReaderClosed())) {
            startLinger("the socket closed the connection");
            if (ended) {
                return;
            }
        }
        if (engine != null) {
            engine.pipeEvent();
        }
    }

    /**
     * The socket is done with this connection (closed, disconnected, or the context is shutting
     * down): if a connection is up, send what is queued within the linger, then end.
     */
    protected final void startLinger(String why) {
        if (lingering || ended) {
            return;
        }
        lingering = true;
        long linger = options.lingerMillis;
        // linger applies to a connection that is up or being made (a connect under way, or the
        // handshake); messages queued while none is are not waited for. libzmq waits for those
        // too, which is how zmq_ctx_term hangs forever on an endpoint that never answers: Zeno
        // chooses not to. A connect under way counts: a program that connects, sends and
        // closes at once must not lose its messages to the connect's few microseconds.
        boolean connection = engine != null || connectInProgress();
        if (linger == 0 || io.isTerminated() || !connection || nothingToSend()) {
            end(why);
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> endpoint + ": lingering " + (linger < 0 ? "until sent" : linger + " ms"));
        if (linger > 0) {
            lingerTimer = io.schedule(linger, () -> end(why + "; linger of " + linger + " ms expired"));
        }
        if (engine != null) {
            engine.pipeEvent();
        }
    }

    private boolean nothingToSend() {
        if (engine != null && engine.isWritingOnCallerThread()) {
            return false; // the socket's thread is sending; the pump it hands over to decides
        }
        // (reading the lock first also makes what the socket's thread did with the pipe visible)
        boolean pipeEmpty = peer == null || !peer.outbound().hasMessage();
        return pipeEmpty && (engine == null || !engine.isActive() || !engine.hasUnsentOutput());
    }

    @Override
    public final void outputIdle(ZmtpEngine from) {
        if (lingering && from == engine && !from.hasUnsentOutput() && (peer == null || !peer.outbound().hasMessage())) {
            end("queued messages sent");
        }
    }

    /**
     * Ends the session for good: closes the engine, and the pipes' engine-side ends so the
     * socket detaches the peer. Idempotent.
     */
    protected final void end(String why) {
        if (ended) {
            return;
        }
        ended = true;
        LOG.log(System.Logger.Level.DEBUG, () -> endpoint + ": session ended: " + why);
        if (lingerTimer != null) {
            lingerTimer.cancel();
        }
        onEnd();
        ZmtpEngine current = engine;
        engine = null;
        if (current != null) {
            current.close(why, System.Logger.Level.DEBUG);
        }
        if (peer != null) {
            peer.setInputReader(null);
            peer.setOutputWriter(null);
            peer.inbound().closeWriter();
            peer.outbound().closeReader();
        }
        io.unregister(this);
    }

    /** True while a connect is under way (the connecting side, before its engine exists). */
    protected boolean connectInProgress() {
        return false;
    }

    /** Subclass hook when the session ends: cancel timers, close a half-open channel. */
    protected void onEnd() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + endpoint + (lingering ? ", lingering" : "")
                + (peer == null ? "" : ", in " + peer.inbound().size() + ", out " + peer.outbound().size())
                + (inboundWaker == null ? "" : ", wakers " + inboundWaker + "/" + outboundWaker)
                + ", engine " + engine + "]";
    }
}
