package dev.zeno.socket;

import dev.zeno.routing.FairQueue;
import dev.zeno.routing.RoutingTable;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.TransportContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ROUTER: messages carry the peer's identity as their first frame. A received message gets
 * the sender's identity in front; a sent message's first frame is popped and names the peer
 * it goes to. Identities come from a {@link RoutingTable}: the one the peer announced, or a
 * generated one.
 *
 * <p>A message for an unknown identity, or for a peer at its high-water mark, is dropped
 * silently; with {@linkplain #setRouterMandatory mandatory routing} the first fails with
 * {@code UnroutableMessageException} and the second waits (a send with a timeout returns
 * false), as libzmq's ROUTER_MANDATORY does.
 *
 * <p>A peer is identified once its handshake is done (its socket type is known) or it has
 * sent something, so an identity announced late (an inproc connect made before the bind, a
 * tcp handshake) is still used; a reconnect re-keys the peer if its identity changed.
 */
public final class RouterSocket extends SocketBase {
    private final FairQueue fairQueue = new FairQueue(this::peerEnded);
    private final RoutingTable routingTable = new RoutingTable();
    /** Peers attached but not yet identified. */
    private final List<Peer> anonymous = new ArrayList<>();
    private boolean mandatory;

    /** A ROUTER socket on the given transports. */
    public RouterSocket(TransportContext transports) {
        super("ROUTER", transports);
    }

    @Override
    public void setRouterMandatory(boolean mandatory) {
        this.mandatory = mandatory;
    }

    @Override
    protected void onAttach(Peer peer) {
        if (isIdentifiable(peer)) {
            identify(peer);
        } else {
            anonymous.add(peer);
        }
    }

    @Override
    protected void onReconnect(Peer peer) {
        if (anonymous.remove(peer)) {
            identify(peer);
        } else {
            routingTable.reidentify(peer);
        }
    }

    @Override
    protected void onDetach(Peer peer) {
        anonymous.remove(peer);
        fairQueue.remove(peer);
        routingTable.remove(peer);
    }

    @Override
    protected Msg tryReceive() {
        identifyLateComers();
        Object element = fairQueue.receiveElement();
        if (element == null) {
            return null;
        }
        byte[] identity = routingTable.identityOf(fairQueue.lastPeer());
        // a bare frame gets the identity in one message, not wrapped first and then copied
        return element instanceof byte[] frame ? Msg.of(identity, frame) : ((Msg) element).withFrontFrame(identity);
    }

    @Override
    protected boolean trySend(Msg msg) {
        identifyLateComers();
        if (msg.frameCount() < 2) {
            return true; // an identity with no body: libzmq drops it too
        }
        byte[] identity = msg.first();
        Peer peer = routingTable.lookup(identity);
        if (peer != null && peer.outbound().isReaderClosed()) {
            if (peer.inbound().isDrained()) {
                peerEnded(peer);
            }
            peer = null; // until what it sent is received, it keeps its identity for those messages
        }
        if (peer == null) {
            if (mandatory) {
                throw SocketErrors.unroutable("ROUTER socket has no peer with identity "
                        + RoutingTable.describe(identity));
            }
            return true;
        }
        Pipe out = peer.outbound();
        if (!out.write(msg.withoutFrontFrame())) {
            return !mandatory; // mandatory: wait for room; else the message is dropped
        }
        out.flush();
        return true;
    }

    @Override
    protected boolean canSend() {
        if (!mandatory) {
            return true;
        }
        identifyLateComers();
        for (Peer peer : peers()) {
            if (routingTable.identityOf(peer) != null && !peer.outbound().isReaderClosed()
                    && peer.outbound().hasRoom()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected boolean canReceive() {
        identifyLateComers();
        return fairQueue.hasMessage();
    }

    private void identify(Peer peer) {
        routingTable.identify(peer);
        fairQueue.add(peer);
    }

    private void identifyLateComers() {
        for (int i = anonymous.size() - 1; i >= 0; i--) {
            Peer peer = anonymous.get(i);
            if (isIdentifiable(peer)) {
                anonymous.remove(i);
                identify(peer);
            }
        }
    }

    /** Its handshake is done (the other side's type is known), or it has already sent. */
    private static boolean isIdentifiable(Peer peer) {
        return peer.remoteSocketType() != null || peer.inbound().hasMessage();
    }
}
