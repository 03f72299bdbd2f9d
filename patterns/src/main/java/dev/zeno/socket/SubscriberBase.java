package dev.zeno.socket;

import dev.zeno.routing.Distributor;
import dev.zeno.routing.FairQueue;
import dev.zeno.routing.SubscriptionMessages;
import dev.zeno.routing.SubscriptionTrie;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.TransportContext;

/**
 * What SUB and XSUB share: a {@link SubscriptionTrie} of their own filters, sent upstream to
 * every peer as subscription messages (all of them to each newly attached or reconnected
 * peer), and a fair-queued receive that drops what matches no filter (the publisher filters
 * too, but a subscription may still be on its way, or the publisher may not filter).
 */
public abstract class SubscriberBase extends SocketBase {
    private final SubscriptionTrie subscriptions = new SubscriptionTrie();
    private final Distributor upstream = new Distributor(this::readerGone);
    private final FairQueue fairQueue = new FairQueue(this::peerEnded);
    /** A matching message read ahead by {@link #canReceive()}: a Msg or a bare frame. */
    private Object prefetched;

    /** A subscriber of the given ZMTP type ("SUB", "XSUB"). */
    protected SubscriberBase(String zmtpType, TransportContext transports) {
        super(zmtpType, transports);
    }

    @Override
    public final void subscribe(byte[] topic) {
        checkOpen();
        processCommands();
        applySubscription(SubscriptionMessages.subscribe(topic));
    }

    @Override
    public final void unsubscribe(byte[] topic) {
        checkOpen();
        processCommands();
        applySubscription(SubscriptionMessages.cancel(topic));
    }

    /**
     * Records a subscription message and passes it upstream: every subscribe (the publisher
     * keeps a set per peer, so repeats are harmless), and a cancel only when the last
     * reference to its topic goes (as libzmq's XSUB).
     */
    protected final void applySubscription(Msg msg) {
        byte[] topic = SubscriptionMessages.topic(msg);
        if (SubscriptionMessages.isSubscribe(msg)) {
            subscriptions.add(topic);
            upstream.sendToAll(msg);
        } else if (subscriptions.remove(topic)) {
            upstream.sendToAll(msg);
        }
    }

    /** Sends {@code msg} to every peer as it is (a peer at its high-water mark misses it). */
    protected final void sendUpstream(Msg msg) {
        upstream.sendToAll(msg);
    }

    @Override
    protected final void onAttach(Peer peer) {
        upstream.add(peer);
        fairQueue.add(peer);
        sendSubscriptionsTo(peer);
    }

    @Override
    protected final void onReconnect(Peer peer) {
        sendSubscriptionsTo(peer);
    }

    @Override
    protected final void onDetach(Peer peer) {
        upstream.remove(peer);
        fairQueue.remove(peer);
    }

    @Override
    protected final Msg tryReceive() {
        return Pipe.toMsg(tryReceiveElement());
    }

    /** A single-frame message may come bare, as the engine or an inproc publisher wrote it. */
    @Override
    protected final Object tryReceiveElement() {
        Object element = prefetched != null ? prefetched : nextMatching();
        prefetched = null;
        return element;
    }

    @Override
    public final void recycleFrame(byte[] frame) {
        fairQueue.recycle(frame);
    }

    @Override
    protected final boolean canReceive() {
        if (prefetched == null) {
            prefetched = nextMatching();
        }
        return prefetched != null;
    }

    private Object nextMatching() {
        Object element;
        while ((element = fairQueue.receiveElement()) != null) {
            byte[] first = element instanceof byte[] ? (byte[]) element : ((Msg) element).first();
            if (subscriptions.matches(first)) {
                return element;
            }
            if (element instanceof byte[]) {
                fairQueue.recycle(first); // dropped unseen: its array can be decoded into again
            }
        }
        return null;
    }

    private void sendSubscriptionsTo(Peer peer) {
        Pipe out = peer.outbound();
        subscriptions.forEachTopic(topic -> out.write(SubscriptionMessages.subscribe(topic)));
        out.flush();
    }

    /** The publisher stopped reading: send it no more, but receive what it published first. */
    private void readerGone(Peer peer) {
        upstream.remove(peer);
        if (peer.inbound().isDrained()) {
            peerEnded(peer);
        }
    }
}
