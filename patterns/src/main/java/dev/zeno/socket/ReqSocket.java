package dev.zeno.socket;

import dev.zeno.routing.FairQueue;
import dev.zeno.routing.LoadBalancer;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.TransportContext;

/**
 * REQ: strict request-reply. Each request goes round-robin to a peer with room, behind an
 * empty delimiter frame; then the only thing allowed is to receive the reply, which is
 * accepted only from the peer the request went to and only behind an empty delimiter (which
 * is stripped). Anything else that arrives is dropped, as libzmq does.
 */
public final class ReqSocket extends SocketBase {
    private static final byte[] DELIMITER = new byte[0];

    private final LoadBalancer loadBalancer = new LoadBalancer(this::readerGone);
    private final FairQueue fairQueue = new FairQueue(this::peerEnded);
    /** True between a request and its reply. */
    private boolean awaitingReply;
    /** The peer the outstanding request went to; null if it has gone. */
    private Peer replyPeer;
    /** A valid reply read ahead by {@link #canReceive()}. */
    private Msg prefetched;

    /** A REQ socket on the given transports. */
    public ReqSocket(TransportContext transports) {
        super("REQ", transports);
    }

    @Override
    protected void onAttach(Peer peer) {
        peer.preferWriteThrough(); // each request is followed by a wait for its reply
        loadBalancer.add(peer);
        fairQueue.add(peer);
    }

    /**
     * No spin on the pipe while the reply comes from another process: it comes through the
     * connection, which a receive polls instead (see {@link #readThroughPeer()}): a pipe spin
     * kept the CPU from the I/O thread (tcp p50 171 us with it, 134 us without, before
     * read-through).
     * An inproc peer answers within the spin (5 us vs 35 us).
     */
    @Override
    protected int receiveSpinTries() {
        return replyPeer == null || replyPeer.isInproc() ? super.receiveSpinTries() : 0;
    }

    /** Reads the reply off its connection for a while before sleeping: see SocketBase. */
    @Override
    protected Peer readThroughPeer() {
        return awaitingReply ? replyPeer : null;
    }

    @Override
    protected void onDetach(Peer peer) {
        loadBalancer.remove(peer);
        fairQueue.remove(peer);
        if (peer == replyPeer) {
            replyPeer = null; // the reply cannot come; a receive waits until its timeout
        }
    }

    @Override
    protected boolean trySend(Msg msg) {
        if (awaitingReply) {
            throw SocketErrors.illegalState("a REQ socket must receive the reply before sending another request");
        }
        Peer peer = loadBalancer.send(msg.withFrontFrame(DELIMITER));
        if (peer == null) {
            return false;
        }
        awaitingReply = true;
        replyPeer = peer;
        return true;
    }

    @Override
    protected Msg tryReceive() {
        if (!awaitingReply) {
            throw SocketErrors.illegalState("a REQ socket must send a request before receiving");
        }
        Msg reply = prefetched != null ? prefetched : nextReply();
        prefetched = null;
        if (reply != null) {
            awaitingReply = false;
            replyPeer = null;
        }
        return reply;
    }

    @Override
    protected boolean canSend() {
        return !awaitingReply && loadBalancer.hasRoom();
    }

    @Override
    protected boolean canReceive() {
        if (!awaitingReply) {
            return false;
        }
        if (prefetched == null) {
            prefetched = nextReply();
        }
        return prefetched != null;
    }

    /** Reads until a valid reply from the reply peer; drops everything else. */
    private Msg nextReply() {
        Msg msg;
        while ((msg = fairQueue.receive()) != null) {
            if (fairQueue.lastPeer() == replyPeer && replyPeer != null
                    && msg.frameCount() >= 2 && msg.first().length == 0) {
                return msg.withoutFrontFrame();
            }
        }
        return null;
    }

    /** The peer stopped reading: send no more, but receive what it sent before it ended. */
    private void readerGone(Peer peer) {
        loadBalancer.remove(peer);
        if (peer.inbound().isDrained()) {
            peerEnded(peer);
        }
    }
}
