package dev.zeno.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The load balancer and the fair queue as their peer count moves between one (where they skip
 * the rotation) and several (where they rotate): each message still goes to, or comes from,
 * the right peer in the right order.
 */
class LoadBalancerFairQueueTest {
    private static Peer peer(int highWaterMark) {
        return new Peer(new Pipe(highWaterMark), new Pipe(highWaterMark), "inproc://test", false);
    }

    private static String text(Object element) {
        return new String(Pipe.toMsg(element).first(), StandardCharsets.UTF_8);
    }

    @Test
    void loadBalancerRoundRobinsAcrossPeerCountChanges() {
        LoadBalancer balancer = new LoadBalancer(peer -> { });
        Peer a = peer(0);
        Peer b = peer(0);
        balancer.add(a);
        assertSame(a, balancer.send(Msg.ofString("1")));
        assertSame(a, balancer.send(Msg.ofString("2")));
        balancer.add(b);
        assertEquals(Set.of(a, b), new HashSet<>(List.of(balancer.send(Msg.ofString("3")), balancer.send(Msg.ofString("4")))),
                "two peers take turns");
        balancer.remove(a);
        assertSame(b, balancer.send(Msg.ofString("5")));
        assertSame(b, balancer.send(Msg.ofString("6")));
        balancer.remove(b);
        assertNull(balancer.send(Msg.ofString("7")), "no peer, no send");
        assertEquals(3, a.outbound().size());
        assertEquals(3, b.outbound().size());
    }

    @Test
    void loadBalancerWithOnePeerWaitsAtItsHighWaterMarkAndReportsItsEnd() {
        List<Peer> ended = new ArrayList<>();
        LoadBalancer[] holder = new LoadBalancer[1];
        holder[0] = new LoadBalancer(peer -> {
            ended.add(peer);
            holder[0].remove(peer);
        });
        Peer only = peer(1);
        holder[0].add(only);
        assertSame(only, holder[0].sendFrame(new byte[] {1}));
        assertNull(holder[0].sendFrame(new byte[] {2}), "full: the message must wait");
        only.outbound().closeReader();
        assertNull(holder[0].sendFrame(new byte[] {3}));
        assertEquals(List.of(only), ended);
        assertEquals(0, holder[0].size());
    }

    @Test
    void fairQueueAlternatesAcrossPeerCountChangesAndRemembersTheSender() {
        FairQueue queue = new FairQueue(peer -> { });
        Peer a = peer(0);
        Peer b = peer(0);
        a.inbound().send(Msg.ofString("a"));
        a.inbound().send(Msg.ofString("a"));
        b.inbound().send(Msg.ofString("b"));
        b.inbound().send(Msg.ofString("b"));
        queue.add(a);
        assertEquals("a", text(queue.receiveElement()));
        assertSame(a, queue.lastPeer());
        queue.add(b);
        assertEquals(Set.of("a", "b"), new HashSet<>(List.of(text(queue.receiveElement()), text(queue.receiveElement()))),
                "two peers take turns");
        queue.remove(a);
        assertEquals("b", text(queue.receiveElement()));
        assertSame(b, queue.lastPeer());
        assertNull(queue.receiveElement());
    }

    @Test
    void fairQueueWithOnePeerReportsItOnceDrained() {
        List<Peer> ended = new ArrayList<>();
        FairQueue[] holder = new FairQueue[1];
        holder[0] = new FairQueue(peer -> {
            ended.add(peer);
            holder[0].remove(peer);
        });
        Peer only = peer(0);
        holder[0].add(only);
        only.inbound().send(Msg.ofString("x"));
        only.inbound().closeWriter();
        assertEquals("x", text(holder[0].receiveElement()), "what was queued still comes");
        assertNull(holder[0].receiveElement());
        assertEquals(List.of(only), ended);
        assertEquals(0, holder[0].size());
    }
}
