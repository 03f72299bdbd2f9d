package dev.zeno.transport.zmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketTypeRulesTest {
    private static final List<String> TYPES =
            List.of("REQ", "REP", "DEALER", "ROUTER", "PUB", "XPUB", "SUB", "XSUB", "PUSH", "PULL", "PAIR");

    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("REQ", Set.of("REP", "ROUTER")),
            Map.entry("REP", Set.of("REQ", "DEALER")),
            Map.entry("DEALER", Set.of("REP", "DEALER", "ROUTER")),
            Map.entry("ROUTER", Set.of("REQ", "DEALER", "ROUTER")),
            Map.entry("PUB", Set.of("SUB", "XSUB")),
            Map.entry("XPUB", Set.of("SUB", "XSUB")),
            Map.entry("SUB", Set.of("PUB", "XPUB")),
            Map.entry("XSUB", Set.of("PUB", "XPUB")),
            Map.entry("PUSH", Set.of("PULL")),
            Map.entry("PULL", Set.of("PUSH")),
            Map.entry("PAIR", Set.of("PAIR")));

    @Test
    void everyPairFollowsTheZmtpTable() {
        for (String ours : TYPES) {
            assertTrue(SocketTypeRules.isKnown(ours));
            for (String peer : TYPES) {
                assertEquals(EXPECTED.get(ours).contains(peer), SocketTypeRules.compatible(ours, peer), ours + "-" + peer);
                assertEquals(SocketTypeRules.compatible(ours, peer), SocketTypeRules.compatible(peer, ours),
                        "the table is symmetric: " + ours + "-" + peer);
            }
        }
        assertFalse(SocketTypeRules.compatible("REQ", "req"), "socket types are case-sensitive on the wire");
        assertFalse(SocketTypeRules.compatible("REQ", null));
        assertFalse(SocketTypeRules.isKnown("STREAM"));
        assertTrue(SocketTypeRules.peersOf("STREAM").isEmpty());
    }

    @Test
    void onlyReqDealerAndRouterSendAnIdentity() {
        for (String type : TYPES) {
            assertEquals(Set.of("REQ", "DEALER", "ROUTER").contains(type), SocketTypeRules.sendsIdentity(type), type);
        }
    }

    @Test
    void checkPeerValidatesTheReady() throws Exception {
        assertEquals("DEALER", SocketTypeRules.checkPeer("ROUTER", ZmtpCommand.ready("DEALER", null)));
        ZmtpProtocolException wrong = assertThrows(ZmtpProtocolException.class,
                () -> SocketTypeRules.checkPeer("PUB", ZmtpCommand.ready("PUSH", null)));
        assertTrue(wrong.getMessage().contains("PUB socket cannot talk to a PUSH"), wrong.getMessage());
        assertThrows(ZmtpProtocolException.class,
                () -> SocketTypeRules.checkPeer("PUB", ZmtpCommand.ready(new ZmtpMetadata().add("Identity", "x"))));
        assertThrows(ZmtpProtocolException.class,
                () -> SocketTypeRules.checkPeer("PUB", ZmtpCommand.ping(0, null)));
    }
}
