package dev.zeno.socket;

import dev.zeno.routing.FairQueue;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.TransportContext;

/**
 * REP: strict reply. Requests are received fair-queued; the envelope (every frame up to and
 * including the first empty one: one routing frame per ROUTER on the way, then the delimiter)
 * is stripped and remembered, the body goes to the application, and the one reply it must
 * send next goes back to the same peer behind that envelope. Requests without an empty
 * delimiter, or with nothing after it, are dropped. A reply whose peer has gone or is at its
 * high-water mark is dropped, as libzmq does.
 */
public final class RepSocket extends SocketBase {
    private final FairQueue fairQueue = new FairQueue(this::peerEnded);
    /** A request read ahead by {@link #canReceive()}. */
    private Request prefetched;
    /** The request being answered, from its receive until the reply is sent; else null. */
    private Request current;

    /** A REP socket on the given transports. */
    public RepSocket(TransportContext transports) {
        super("REP", transports);
    }

    /** A received request: who sent it, its envelope, its body. */
    private record Request(Peer peer, Msg envelope, Msg body) {
    }

    @Override
    protected void onAttach(Peer peer) {
        peer.preferWriteThrough(); // each reply is followed by a wait for the next request
        fairQueue.add(peer);
    }

    @Override
    protected void onDetach(Peer peer) {
        fairQueue.remove(peer);
        if (prefetched != null && prefetched.peer() == peer) {
            prefetched = null; // nobody to answer: drop it, as the pipe's other messages are
        }
        if (current != null && current.peer() == peer) {
            current = new Request(null, current.envelope(), current.body()); // the reply is dropped
        }
    }

    @Override
    protected Msg tryReceive() {
        if (current != null) {
            throw SocketErrors.illegalState("a REP socket must send the reply before receiving another request");
        }
        Request request = prefetched != null ? prefetched : nextRequest();
        prefetched = null;
        if (request == null) {
            return null;
        }
        current = request;
        return request.body();
    }

    @Override
    protected boolean trySend(Msg msg) {
        if (current == null) {
            throw SocketErrors.illegalState("a REP socket must receive a request before sending a reply");
        }
        Request request = current;
        current = null;
        Pipe out = request.peer() == null ? null : request.peer().outbound();
        if (out != null && !out.isReaderClosed()) {
            Msg reply = Msg.concat(request.envelope(), msg);
            if (out.write(reply)) {
                out.flush();
            }
        }
        return true;
    }

    @Override
    protected boolean canSend() {
        return current != null;
    }

    @Override
    protected boolean canReceive() {
        if (current != null) {
            return false;
        }
        if (prefetched == null) {
            prefetched = nextRequest();
        }
        return prefetched != null;
    }

    /** Reads until a well-formed request; drops malformed ones. */
    private Request nextRequest() {
        Msg msg;
        while ((msg = fairQueue.receive()) != null) {
            int delimiter = indexOfDelimiter(msg);
            if (delimiter >= 0 && delimiter < msg.frameCount() - 1) {
                return new Request(fairQueue.lastPeer(),
                        msg.slice(0, delimiter + 1), msg.withoutFrontFrames(delimiter + 1));
            }
        }
        return null;
    }

    private static int indexOfDelimiter(Msg msg) {
        for (int i = 0; i < msg.frameCount(); i++) {
            if (msg.frame(i).length == 0) {
                return i;
            }
        }
        return -1;
    }
}
