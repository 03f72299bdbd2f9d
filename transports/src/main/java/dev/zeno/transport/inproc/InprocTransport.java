package dev.zeno.transport.inproc;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.Transport;
import dev.zeno.transport.TransportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inproc transport: sockets of one context connected by a pair of pipes, messages handed
 * over as the same objects (no copy, no I/O thread). Bind and connect work in either order: a
 * connect to a name not yet bound makes its pipes at once (so sends queue) and the binder is
 * attached when the name is bound.
 */
public final class InprocTransport implements Transport {
    private final Object lock = new Object();
    private final Map<String, PeerOwner> bound = new HashMap<>();
    private final Map<String, List<PendingConnect>> waitingForBind = new HashMap<>();

    @Override
    public String scheme() {
        return "inproc";
    }

    @Override
    public Binding bind(Endpoint endpoint, PeerOwner owner) {
        String name = endpoint.address();
        String text = endpoint.toString();
        List<PendingConnect> waiting;
        synchronized (lock) {
            if (bound.containsKey(name)) {
                throw new TransportException(TransportException.Reason.ADDRESS_IN_USE,
                        "address already in use: " + text);
            }
            bound.put(name, owner);
            waiting = waitingForBind.remove(name);
        }
        if (waiting != null) {
            for (PendingConnect pending : waiting) {
                pending.connectorSide.setRoutingId(owner.options().identityCopy());
                pending.connectorSide.setRemoteSocketType(owner.options().socketType);
                owner.attach(pending.binderSide);
            }
        }
        return new Binding() {
            @Override
            public String resolvedEndpoint() {
                return text;
            }

            @Override
            public void close() {
                synchronized (lock) {
                    bound.remove(name, owner);
                }
            }
        };
    }

    @Override
    public Connection connect(Endpoint endpoint, PeerOwner connector) {
        String name = endpoint.address();
        String text = endpoint.toString();
        SocketOptions mine = connector.options();
        PeerOwner binder;
        Peer binderSide;
        PendingConnect pending = null;
        synchronized (lock) {
            binder = bound.get(name);
            int binderReceiveHwm = binder == null ? mine.receiveHighWaterMark : binder.options().receiveHighWaterMark;
            int binderSendHwm = binder == null ? mine.sendHighWaterMark : binder.options().sendHighWaterMark;
            // As in libzmq, an inproc pipe holds both ends' allowance: the sender's and the receiver's.
            Pipe toBinder = new Pipe(sumOfMarks(mine.sendHighWaterMark, binderReceiveHwm));
            Pipe toConnector = new Pipe(sumOfMarks(binderSendHwm, mine.receiveHighWaterMark));
            Peer connectorSide = new Peer(toConnector, toBinder, text, true);
            binderSide = new Peer(toBinder, toConnector, text, false);
            connectorSide.setRemoteSocketType(binder == null ? null : binder.options().socketType);
            binderSide.setRemoteSocketType(mine.socketType);
            binderSide.setRoutingId(mine.identityCopy());
            if (binder != null) {
                connectorSide.setRoutingId(binder.options().identityCopy());
            } else {
                pending = new PendingConnect(binderSide, connectorSide);
                waitingForBind.computeIfAbsent(name, key -> new ArrayList<>()).add(pending);
            }
            connector.attach(connectorSide);
        }
        if (binder != null) {
            binder.attach(binderSide);
        }
        PendingConnect waitingEntry = pending;
        return new Connection() {
            @Override
            public String endpoint() {
                return text;
            }

            @Override
            public void close() {
                synchronized (lock) {
                    List<PendingConnect> list = waitingForBind.get(name);
                    if (list != null && waitingEntry != null) {
                        list.remove(waitingEntry);
                    }
                }
            }
        };
    }

    /** A connect made before its name was bound: both sides, the binder's to attach later. */
    private record PendingConnect(Peer binderSide, Peer connectorSide) {
    }

    private static int sumOfMarks(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        long sum = (long) a + b;
        return sum > Integer.MAX_VALUE ? 0 : (int) sum;
    }
}
