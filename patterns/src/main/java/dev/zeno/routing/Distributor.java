package dev.zeno.routing;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fans one message out to many peers: the same {@link Msg} instance is written to each peer's
 * outbound pipe (no copy). A peer at its high-water mark just misses the message, so the
 * sender never blocks, as a ZeroMQ publisher.
 *
 * <p>Peers are sent to all at once ({@link #sendToAll}: a subscriber's subscriptions), or a
 * caller that finds the peers itself (a publisher's subscription match) sends with
 * {@link #beginSend}, {@link #sendTo} per peer and {@link #endSend}, which costs no lookup at
 * all. Either way the message is written to each pipe first and then one full fence covers
 * all of them before the readers are woken, instead of one fence per peer. Used by one thread.
 */
public final class Distributor {
    private final List<Peer> peers = new ArrayList<>();
    private final PeerEndListener endListener;
    /** Whether a full pipe is first written out on the sending thread: see {@link #sendTo}. */
    private final boolean writeQueuedWhenFull;
    private List<Peer> ended;
    /** The message of the send in progress (between beginSend and endSend): a Msg or a bare frame. */
    private Object sending;
    /** The pipes written by the send in progress, woken by endSend. */
    private Pipe[] written = new Pipe[8];
    private int writtenCount;

    /** A distributor that reports peers whose reader has gone to {@code endListener}. */
    public Distributor(PeerEndListener endListener) {
        this(endListener, false);
    }

    /**
     * A distributor that reports peers whose reader has gone to {@code endListener} and, if
     * {@code writeQueuedWhenFull}, writes a full pipe's messages to its connection on the
     * sending thread before it gives up on a peer ({@link Peer#writeQueuedNow()}).
     */
    public Distributor(PeerEndListener endListener, boolean writeQueuedWhenFull) {
        this.endListener = endListener;
        this.writeQueuedWhenFull = writeQueuedWhenFull;
    }

    /** Adds a peer (once). */
    public void add(Peer peer) {
        if (!peers.contains(peer)) {
            peers.add(peer);
        }
    }

    /** Removes a peer (peers come and go rarely: a scan is enough). */
    public void remove(Peer peer) {
        peers.remove(peer);
    }

    /** The number of peers. */
    public int size() {
        return peers.size();
    }

    /**
     * Sends {@code msg} to every peer.
     *
     * @return how many peers took it
     */
    public int sendToAll(Msg msg) {
        beginSend(msg);
        for (int i = 0; i < peers.size(); i++) {
            sendTo(peers.get(i));
        }
        return endSend();
    }

    /** Starts sending {@code msg} to peers chosen with {@link #sendTo}; finish with {@link #endSend}. */
    public void beginSend(Msg msg) {
        sending = msg;
        writtenCount = 0;
    }

    /** {@link #beginSend} for a single-frame message given as its bare frame (no Msg). */
    public void beginSendFrame(byte[] frame) {
        sending = frame;
        writtenCount = 0;
    }

    /**
     * Writes the message of the send in progress to {@code peer}, one of this distributor's
     * peers, unless it is at its high-water mark; a peer whose reader has gone is reported by
     * {@link #endSend}. Call at most once per peer per send. Allocates nothing.
     *
     * <p>With {@code writeQueuedWhenFull}, a pipe at its high-water mark is first written out
     * to its connection on this thread, if its I/O thread is busy elsewhere and the
     * connection can take the bytes; the message is missed only if there is still no room.
     * A publisher's I/O thread often serves many connections (and, in one process, the
     * subscribers' too): PUB to 4 SUBs over tcp in one process delivered 0.53-1.09 M msg/s to
     * each, with it 1.22-2.05 M, the publisher's own rate falling from 9-13 M to 3-6.5 M msg/s
     * (the time it spent dropping now goes to writing).
     */
    public void sendTo(Peer peer) {
        Pipe out = peer.outbound();
        if (out.isReaderClosed()) {
            if (ended == null) {
                ended = new ArrayList<>(2);
            }
            ended.add(peer);
        } else if (out.writeElement(sending)
                || (writeQueuedWhenFull && peer.writeQueuedNow() && out.writeElement(sending))) {
            if (writtenCount == written.length) {
                written = Arrays.copyOf(written, writtenCount * 2);
            }
            written[writtenCount++] = out;
        }
    }

    /**
     * Ends the send in progress: one full fence publishes the message in every pipe written
     * (see {@link Pipe#flushAfterFence()}; none if no reader's waker needs it, as when every
     * subscriber is an inproc socket), then each reader is woken if it sleeps; then the peers
     * found ended are reported.
     *
     * @return how many peers took the message
     */
    public int endSend() {
        int delivered = writtenCount;
        if (delivered > 0) {
            if (anyReaderNeedsFence(delivered)) {
                VarHandle.fullFence();
            }
            for (int i = 0; i < delivered; i++) {
                written[i].flushAfterFence();
                written[i] = null;
            }
        }
        writtenCount = 0;
        sending = null;
        reportEnded();
        return delivered;
    }

    private boolean anyReaderNeedsFence(int delivered) {
        for (int i = 0; i < delivered; i++) {
            if (written[i].readerNeedsFence()) {
                return true;
            }
        }
        return false;
    }

    /** Reports ended peers after the loop: the listener removes them from this list. */
    private void reportEnded() {
        if (ended == null) {
            return;
        }
        List<Peer> gone = ended;
        ended = null;
        for (Peer peer : gone) {
            endListener.peerEnded(peer);
        }
    }
}
