package dev.zeno.routing;

import dev.zeno.transport.Peer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A ROUTER's map between peers and their identities. A peer that announced an identity not
 * held by another peer is known by it; any other peer gets a generated identity of five bytes,
 * a zero byte then a four-byte counter (as libzmq does; announced identities never start with
 * a zero byte, so the two cannot clash). Used by one thread.
 */
public final class RoutingTable {
    private final Map<ByteBuffer, Peer> byIdentity = new HashMap<>();
    private final Map<Peer, byte[]> identities = new IdentityHashMap<>();
    private int nextGenerated = ThreadLocalRandom.current().nextInt();

    /**
     * Gives {@code peer} its identity: the one it announced if no other peer holds it, else a
     * generated one. A peer already in the table keeps its identity.
     *
     * @return the identity
     */
    public byte[] identify(Peer peer) {
        byte[] known = identities.get(peer);
        if (known != null) {
            return known;
        }
        byte[] announced = peer.routingId();
        byte[] identity = announced != null && !byIdentity.containsKey(ByteBuffer.wrap(announced))
                ? announced.clone()
                : generate();
        byIdentity.put(ByteBuffer.wrap(identity), peer);
        identities.put(peer, identity);
        return identity;
    }

    /**
     * Re-keys {@code peer} after a reconnect: if the identity it announces now differs from the
     * one it is known by, it gets a new identity as in {@link #identify}.
     *
     * @return the identity it is known by now
     */
    public byte[] reidentify(Peer peer) {
        byte[] current = identities.get(peer);
        byte[] announced = peer.routingId();
        if (current != null) {
            if (announced != null && Arrays.equals(announced, current)) {
                return current;
            }
            boolean generated = current.length == 5 && current[0] == 0;
            if (generated && (announced == null || byIdentity.containsKey(ByteBuffer.wrap(announced)))) {
                return current; // still nothing usable announced: keep the generated one
            }
            remove(peer);
        }
        return identify(peer);
    }

    /** The peer known by {@code identity}, or null. */
    public Peer lookup(byte[] identity) {
        return byIdentity.get(ByteBuffer.wrap(identity));
    }

    /** The identity of {@code peer}, or null if it is not in the table. */
    public byte[] identityOf(Peer peer) {
        return identities.get(peer);
    }

    /** Forgets {@code peer}. */
    public void remove(Peer peer) {
        byte[] identity = identities.remove(peer);
        if (identity != null) {
            byIdentity.remove(ByteBuffer.wrap(identity));
        }
    }

    /** The number of peers known. */
    public int size() {
        return identities.size();
    }

    /** Text for error messages: the identity as text if printable ASCII, else as hex. */
    public static String describe(byte[] identity) {
        boolean printable = identity.length > 0;
        for (byte b : identity) {
            if (b < 0x20 || b > 0x7e) {
                printable = false;
                break;
            }
        }
        if (printable) {
            return "'" + new String(identity, StandardCharsets.US_ASCII) + "'";
        }
        StringBuilder hex = new StringBuilder("0x");
        for (byte b : identity) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return identity.length == 0 ? "'' (empty)" : hex.toString();
    }

    private byte[] generate() {
        while (true) {
            int n = nextGenerated++;
            byte[] identity = {0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
            if (!byIdentity.containsKey(ByteBuffer.wrap(identity))) {
                return identity;
            }
        }
    }
}
