package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReqRepInprocTest {
    private static final Duration WAIT = InprocSockets.WAIT;

    private final InprocSockets sockets = new InprocSockets();

    @AfterEach
    void closeSockets() {
        sockets.close();
    }

    @Test
    void requestAndReplyAlternate() {
        Socket rep = sockets.bound(SocketType.REP, "inproc://hello");
        Socket req = sockets.connected(SocketType.REQ, "inproc://hello");
        for (int i = 0; i < 3; i++) {
            assertTrue(req.send("Hello " + i));
            assertEquals("Hello " + i, rep.receiveString());
            assertTrue(rep.send("World " + i));
            assertEquals("World " + i, req.receiveString());
        }
        req.send("");
        assertEquals(List.of(""), rep.receive().toStrings(), "an empty body is a body");
        rep.send("");
        assertEquals(List.of(""), req.receive().toStrings());
    }

    @Test
    void multipartRequestsAndRepliesArriveWholeWithoutTheirEnvelope() {
        Socket rep = sockets.bound(SocketType.REP, "inproc://parts");
        Socket req = sockets.connected(SocketType.REQ, "inproc://parts");
        req.sendMore("a");
        req.sendMore("b");
        req.send("c");
        assertEquals(List.of("a", "b", "c"), rep.receive().toStrings());
        rep.send(new Message("x", "", "z"));
        assertEquals(List.of("x", "", "z"), req.receive().toStrings());
    }

    @Test
    void reqSendsRoundRobinOverThreeReps() {
        Socket req = sockets.open(SocketType.REQ);
        List<Socket> reps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket rep = sockets.open(SocketType.REP);
            rep.setReceiveTimeout(Duration.ZERO);
            rep.bind("inproc://rr-" + i);
            req.connect("inproc://rr-" + i);
            reps.add(rep);
        }
        int[] served = new int[3];
        for (int request = 0; request < 6; request++) {
            req.send("request " + request);
            int takers = 0;
            for (int i = 0; i < 3; i++) {
                String got = reps.get(i).receiveString();
                if (got != null) {
                    assertEquals("request " + request, got);
                    takers++;
                    served[i]++;
                    reps.get(i).send("reply from " + i);
                }
            }
            assertEquals(1, takers, "exactly one REP gets each request");
            assertTrue(req.receiveString().startsWith("reply from "));
        }
        assertEquals(List.of(2, 2, 2), List.of(served[0], served[1], served[2]));
    }

    @Test
    void repRepliesReachTheReqThatAsked() {
        Socket rep = sockets.bound(SocketType.REP, "inproc://many");
        List<Socket> reqs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Socket req = sockets.connected(SocketType.REQ, "inproc://many");
            req.send("from " + i);
            reqs.add(req);
        }
        for (int i = 0; i < 4; i++) {
            String request = rep.receiveString();
            assertNotNull(request);
            rep.send("reply to " + request);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals("reply to from " + i, reqs.get(i).receiveString());
        }
    }

    @Test
    void reqEnforcesStrictAlternation() {
        Socket rep = sockets.bound(SocketType.REP, "inproc://strict-req");
        Socket req = sockets.connected(SocketType.REQ, "inproc://strict-req");
        IllegalSocketStateException early = assertThrows(IllegalSocketStateException.class, req::receive);
        assertTrue(early.getMessage().contains("REQ"), early.getMessage());
        req.send("one");
        IllegalSocketStateException twice = assertThrows(IllegalSocketStateException.class, () -> req.send("two"));
        assertTrue(twice.getMessage().contains("REQ"), twice.getMessage());
        assertEquals("one", rep.receiveString());
        rep.send("reply");
        assertEquals("reply", req.receiveString());
        assertTrue(req.send("now allowed"));
    }

    @Test
    void repEnforcesStrictAlternation() {
        Socket rep = sockets.bound(SocketType.REP, "inproc://strict-rep");
        Socket req = sockets.connected(SocketType.REQ, "inproc://strict-rep");
        IllegalSocketStateException early = assertThrows(IllegalSocketStateException.class, () -> rep.send("x"));
        assertTrue(early.getMessage().contains("REP"), early.getMessage());
        req.send("q");
        assertEquals("q", rep.receiveString());
        assertThrows(IllegalSocketStateException.class, rep::receive);
        rep.send("a");
        assertEquals("a", req.receiveString());
    }

    @Test
    void repKeepsEveryRoutingFrameOfTheEnvelopeAndDropsRequestsWithoutDelimiter() {
        Socket rep = sockets.bound(SocketType.REP, "inproc://envelope");
        Socket dealer = sockets.connected(SocketType.DEALER, "inproc://envelope");
        dealer.send("no delimiter: dropped");
        dealer.send(new Message("hop", "")); // delimiter but no body: dropped
        dealer.send(new Message("hop-2", "hop-1", "", "body", "more"));
        assertEquals(List.of("body", "more"), rep.receive().toStrings());
        rep.send("answer");
        assertEquals(List.of("hop-2", "hop-1", "", "answer"), dealer.receive().toStrings());
    }

    @Test
    void reqDropsRepliesFromOtherPeersAndWithoutDelimiter() {
        Socket req = sockets.open(SocketType.REQ);
        req.setIdentity("req");
        Socket first = sockets.open(SocketType.ROUTER);
        Socket second = sockets.open(SocketType.ROUTER);
        first.setRouterMandatory(true);
        second.setRouterMandatory(true);
        first.bind("inproc://first");
        second.bind("inproc://second");
        req.connect("inproc://first");
        req.connect("inproc://second");

        assertTrue(second.send(new Message("req", "", "unsolicited")));
        req.send("question");
        Message request = first.receive();
        assertEquals(List.of("req", "", "question"), request.toStrings());
        first.send(new Message("req", "no delimiter"));
        first.send(new Message("req", "", "answer"));
        Message reply = req.receive();
        assertEquals(List.of("answer"), reply.toStrings());

        req.setReceiveTimeout(Duration.ZERO);
        req.send("second question");
        assertEquals(List.of("req", "", "second question"), second.receive().toStrings());
        assertNull(req.receive(), "the unsolicited message was dropped, not taken as this reply");
        second.send(new Message("req", "", "second answer"));
        req.setReceiveTimeout(WAIT);
        assertEquals("second answer", req.receiveString());
    }

    @Test
    void manyRoundTripsBetweenThreads() throws Exception {
        Socket rep = sockets.bound(SocketType.REP, "inproc://ping-pong");
        Socket req = sockets.connected(SocketType.REQ, "inproc://ping-pong");
        int count = 20_000;
        Thread server = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                String request = rep.receiveString();
                if (request == null) {
                    return;
                }
                rep.send("re:" + request);
            }
        });
        server.start();
        for (int i = 0; i < count; i++) {
            req.send(Integer.toString(i));
            assertEquals("re:" + i, req.receiveString());
        }
        server.join(10_000);
    }

    @Test
    void concurrentReqThreadsEachGetTheirOwnReplies() throws Exception {
        Socket rep = sockets.bound(SocketType.REP, "inproc://concurrent");
        int clients = 4;
        int rounds = 500;
        Thread server = new Thread(() -> {
            for (int i = 0; i < clients * rounds; i++) {
                String request = rep.receiveString();
                if (request == null) {
                    return;
                }
                rep.send("re:" + request);
            }
        });
        server.start();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger good = new java.util.concurrent.atomic.AtomicInteger();
        for (int c = 0; c < clients; c++) {
            Socket req = sockets.connected(SocketType.REQ, "inproc://concurrent");
            String name = "client-" + c;
            Thread client = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    req.send(name + "/" + i);
                    if (!("re:" + name + "/" + i).equals(req.receiveString())) {
                        return;
                    }
                    good.incrementAndGet();
                }
            });
            threads.add(client);
            client.start();
        }
        for (Thread client : threads) {
            client.join(30_000);
        }
        server.join(10_000);
        assertEquals(clients * rounds, good.get(), "every reply went to the client that asked");
    }

    @Test
    void receiveTimesOutWhileWaitingForAReply() {
        Socket rep = sockets.bound(SocketType.REP, "inproc://slow");
        Socket req = sockets.connected(SocketType.REQ, "inproc://slow");
        req.setReceiveTimeout(Duration.ofMillis(50));
        req.send("anyone?");
        assertNull(req.receive());
        assertEquals("anyone?", rep.receiveString());
        rep.send("late");
        assertEquals("late", req.receiveString(), "still waiting for the same reply after a timeout");
    }
}
