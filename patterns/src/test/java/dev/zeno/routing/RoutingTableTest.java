package dev.zeno.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
    private static Peer peer(String identity) {
        Peer peer = new Peer(new Pipe(0), new Pipe(0), "inproc://test", false);
        peer.setRoutingId(identity == null ? null : identity.getBytes(StandardCharsets.UTF_8));
        return peer;
    }

    @Test
    void announcedIdentityIsUsedUnlessTaken() {
        RoutingTable table = new RoutingTable();
        Peer first = peer("alice");
        Peer second = peer("alice");
        assertArrayEquals("alice".getBytes(StandardCharsets.UTF_8), table.identify(first));
        byte[] generated = table.identify(second);
        assertEquals(5, generated.length);
        assertEquals(0, generated[0]);
        assertSame(first, table.lookup("alice".getBytes(StandardCharsets.UTF_8)));
        assertSame(second, table.lookup(generated));
    }

    @Test
    void generatedIdentitiesDiffer() {
        RoutingTable table = new RoutingTable();
        byte[] a = table.identify(peer(null));
        byte[] b = table.identify(peer(null));
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void reidentifyRekeysOnlyWhenTheAnnouncedIdentityChanged() {
        RoutingTable table = new RoutingTable();
        Peer peer = peer("old");
        table.identify(peer);
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), table.reidentify(peer));
        peer.setRoutingId("new".getBytes(StandardCharsets.UTF_8));
        table.reidentify(peer);
        assertNull(table.lookup("old".getBytes(StandardCharsets.UTF_8)));
        assertSame(peer, table.lookup("new".getBytes(StandardCharsets.UTF_8)));
        table.remove(peer);
        assertNull(table.lookup("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, table.size());
    }

    @Test
    void describeShowsTextOrHex() {
        assertEquals("'alice'", RoutingTable.describe("alice".getBytes(StandardCharsets.UTF_8)));
        assertEquals("0x00010203ff", RoutingTable.describe(new byte[] {0, 1, 2, 3, (byte) 0xff}));
    }
}
