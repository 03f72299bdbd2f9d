package dev.zeno.socket;

import dev.zeno.routing.Distributor;
import dev.zeno.routing.SubscriberTrie;
import dev.zeno.routing.SubscriptionMessages;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.TransportContext;
import java.util.List;
import java.util.function.Consumer;

/**
 * What PUB and XPUB share: subscriptions read from every peer's inbound pipe into a
 * {@link SubscriberTrie}, and each sent message fanned out by a {@link Distributor} to the
 * peers with a matching filter only (ZeroMQ filters on the publisher's side). A peer at its
 * high-water mark misses the message: a send never blocks (though it may write a full pipe
 * out to a tcp or ipc connection that can take it first). When a peer goes, its
 * subscriptions are cancelled.
 */
public abstract class PublisherBase extends SocketBase {
    /** Writes a full pipe out itself before dropping: see {@link Distributor#sendTo}. */
    private final Distributor distributor = new Distributor(this::peerEnded, true);
    private final SubscriberTrie<Peer> subscriptions = new SubscriberTrie<>();
    /** Writes the message being sent to a matching peer (the trie passes each peer once). */
    private final Consumer<Peer> sendToMatching = distributor::sendTo;
    private final Consumer<byte[]> topicGone = this::onTopicGone;

    /** A publisher of the given ZMTP type ("PUB", "XPUB"). */
    protected PublisherBase(String zmtpType, TransportContext transports) {
        super(zmtpType, transports);
    }

    /**
     * A peer subscribed (from its inbound pipe).
     *
     * @param msg the subscription message as it came
     * @param first true if no peer held the topic before
     */
    protected abstract void onSubscribe(Msg msg, boolean first);

    /**
     * A peer cancelled a topic, or (with {@code msg} made here) went away holding it.
     *
     * @param msg the cancel message
     * @param last true if no peer holds the topic any more
     */
    protected abstract void onCancel(Msg msg, boolean last);

    /** A peer sent something that is not a subscription (an XSUB may). */
    protected abstract void onUpstreamMessage(Msg msg);

    @Override
    protected final void onAttach(Peer peer) {
        distributor.add(peer);
    }

    @Override
    protected final void onDetach(Peer peer) {
        distributor.remove(peer);
        subscriptions.removeAll(peer, topicGone);
    }

    /** Sends to the matching peers, after reading the subscriptions that arrived. Never waits. */
    @Override
    protected final boolean trySend(Msg msg) {
        drainUpstream();
        distributor.beginSend(msg);
        subscriptions.match(msg.first(), sendToMatching);
        distributor.endSend();
        return true;
    }

    /** A single frame is fanned out bare: no Msg per publish, none per subscriber's engine. */
    @Override
    protected final boolean routesBareFrames() {
        return true;
    }

    @Override
    protected final boolean trySendFrame(byte[] frame) {
        drainUpstream();
        distributor.beginSendFrame(frame);
        subscriptions.match(frame, sendToMatching);
        distributor.endSend();
        return true;
    }

    /** Always true: a publisher never waits. Reads the subscriptions that arrived meanwhile. */
    @Override
    protected final boolean canSend() {
        drainUpstream();
        return true;
    }

    /** Reads every peer's inbound pipe: subscriptions, cancels, other messages; drops ended peers. */
    protected final void drainUpstream() {
        List<Peer> peers = peers();
        for (int i = peers.size() - 1; i >= 0; i--) {
            Peer peer = peers.get(i);
            Msg msg;
            while ((msg = peer.inbound().read()) != null) {
                handleUpstream(peer, msg);
            }
            if (peer.inbound().isDrained() || peer.outbound().isReaderClosed()) {
                peerEnded(peer);
            }
        }
    }

    private void handleUpstream(Peer peer, Msg msg) {
        if (!SubscriptionMessages.isSubscription(msg)) {
            onUpstreamMessage(msg);
        } else if (SubscriptionMessages.isSubscribe(msg)) {
            onSubscribe(msg, subscriptions.add(SubscriptionMessages.topic(msg), peer));
        } else {
            onCancel(msg, subscriptions.remove(SubscriptionMessages.topic(msg), peer));
        }
    }

    private void onTopicGone(byte[] topic) {
        onCancel(SubscriptionMessages.cancel(topic), true);
    }
}
