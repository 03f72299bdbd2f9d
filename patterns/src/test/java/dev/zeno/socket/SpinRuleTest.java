package dev.zeno.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.TransportContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking send or receive spins before it sleeps only while one of the socket's peers is
 * inproc (see {@code SocketBase.SPIN_TRIES}): the count of inproc peers behind that rule
 * follows attach, disconnect and close, and tcp peers never count.
 */
class SpinRuleTest {
    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

    private final TransportContext transports = new TransportContext(1);

    @AfterEach
    void shutDown() {
        transports.shutdown();
    }

    @Test
    void spinsOnlyWhileAnInprocPeerIsAttached() {
        PullSocket pull = new PullSocket(transports);
        PushSocket push = new PushSocket(transports);
        pull.bind("inproc://spin-rule");
        assertEquals(0, push.spinTries(), "no peer yet");
        push.connect("inproc://spin-rule");
        int spins = push.spinTries();
        assertTrue(MULTICORE ? spins > 0 : spins == 0, "an inproc peer (one core: never): " + spins);
        pull.receiveElement(0); // the binder attaches its side at its next operation
        assertEquals(spins, pull.spinTries(), "the binding side counts its inproc peer too");
        push.disconnect("inproc://spin-rule");
        assertEquals(0, push.spinTries(), "its only inproc peer is gone");
        pull.close();
        push.close();
    }

    @Test
    void neverSpinsForTcpPeers() {
        PullSocket pull = new PullSocket(transports);
        PushSocket push = new PushSocket(transports);
        String endpoint = pull.bind("tcp://127.0.0.1:0");
        push.connect(endpoint);
        assertEquals(0, push.spinTries(), "a tcp peer is behind an I/O thread");
        pull.bind("inproc://spin-rule-mixed");
        PushSocket local = new PushSocket(transports);
        local.connect("inproc://spin-rule-mixed");
        pull.receiveElement(0);
        assertEquals(local.spinTries(), pull.spinTries(), "one inproc peer among tcp ones is enough");
        local.close();
        pull.close();
        push.close();
    }
}
