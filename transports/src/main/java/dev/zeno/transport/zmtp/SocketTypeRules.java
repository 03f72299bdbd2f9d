package dev.zeno.transport.zmtp;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which ZMTP socket types may be connected to which (the table of ZMTP 3.1, for the classic
 * socket types), and which announce an Identity in their READY.
 *
 * <p>Types are named by their Socket-Type strings ("REQ", "PUB", ...) because this module does
 * not see the public {@code SocketType} enum; its constant names are the same strings.
 */
public final class SocketTypeRules {
    private static final Map<String, Set<String>> PEERS = Map.ofEntries(
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

    /** libzmq sends Identity (possibly empty) for these types only. */
    private static final Set<String> SENDS_IDENTITY = Set.of("REQ", "DEALER", "ROUTER");

    private SocketTypeRules() {
    }

    /** Whether {@code type} is one of the socket types known here. */
    public static boolean isKnown(String type) {
        return type != null && PEERS.containsKey(type);
    }

    /** The socket types a {@code type} socket may talk to (empty if the type is unknown). */
    public static Set<String> peersOf(String type) {
        Set<String> peers = type == null ? null : PEERS.get(type);
        return peers == null ? Set.of() : peers;
    }

    /** Whether a {@code ours} socket may talk to a {@code peer} socket. Names are case-sensitive, as on the wire. */
    public static boolean compatible(String ours, String peer) {
        return peer != null && peersOf(ours).contains(peer);
    }

    /** Whether a {@code type} socket puts an Identity property in its READY (REQ, DEALER, ROUTER). */
    public static boolean sendsIdentity(String type) {
        return SENDS_IDENTITY.contains(type);
    }

    /**
     * Checks a peer's READY against our socket type.
     *
     * @return the peer's socket type
     * @throws ZmtpProtocolException if the command is not READY, has no Socket-Type, or the
     *     peer's type may not talk to ours; the message suits an ERROR command
     */
    public static String checkPeer(String ours, ZmtpCommand ready) throws ZmtpProtocolException {
        if (ready.kind() != ZmtpCommand.Kind.READY) {
            throw new ZmtpProtocolException("expected READY from the peer, got " + ready.name());
        }
        String peer = ready.metadata().getString(ZmtpMetadata.SOCKET_TYPE);
        if (peer == null) {
            throw new ZmtpProtocolException("peer's READY has no Socket-Type property");
        }
        if (!compatible(ours, peer)) {
            throw new ZmtpProtocolException("invalid socket type: a " + ours + " socket cannot talk to a "
                    + (isKnown(peer) ? peer : "\"" + peer + "\"") + " socket"
                    + (isKnown(ours) ? " (it accepts " + String.join(", ", new TreeSet<>(peersOf(ours))) + ")" : ""));
        }
        return peer;
    }
}
