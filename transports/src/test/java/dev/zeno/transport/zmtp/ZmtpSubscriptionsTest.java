package dev.zeno.transport.zmtp;

import static dev.zeno.transport.zmtp.ZmtpVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Msg;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ZmtpSubscriptionsTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encode(Msg subscription, Greeting peer) {
        ZmtpEncoder encoder = new ZmtpEncoder();
        ByteBuffer out = ByteBuffer.allocate(64);
        ZmtpSubscriptions.start(encoder, subscription, peer);
        assertTrue(encoder.encode(out));
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void internalFormIsOnePrefixedFrame() {
        Msg subscribe = ZmtpSubscriptions.subscribe(ascii("A"));
        assertArrayEquals(hex("01 41"), subscribe.frame(0));
        assertArrayEquals(hex("00"), ZmtpSubscriptions.cancel(new byte[0]).frame(0));
        assertTrue(ZmtpSubscriptions.isSubscription(subscribe));
        assertTrue(ZmtpSubscriptions.isSubscribe(subscribe));
        assertFalse(ZmtpSubscriptions.isSubscription(new Msg(new byte[0])));
        assertFalse(ZmtpSubscriptions.isSubscription(new Msg(hex("02 41"))));
        assertFalse(ZmtpSubscriptions.isSubscription(Msg.of(hex("01"), hex("41"))));
        assertNull(ZmtpSubscriptions.fromMessage(Msg.ofString("hello")));
        assertThrows(IllegalArgumentException.class, () -> ZmtpSubscriptions.toCommand(Msg.ofString("hello")));
    }

    @Test
    void towardA31PeerSubscriptionsAreCommands() throws Exception {
        Greeting v31 = Greeting.parse(Greeting.encode());
        assertArrayEquals(hex("04 0b 09 53 55 42 53 43 52 49 42 45 41"), encode(ZmtpSubscriptions.subscribe(ascii("A")), v31));
        assertArrayEquals(hex("04 07 06 43 41 4e 43 45 4c"), encode(ZmtpSubscriptions.cancel(new byte[0]), v31));
    }

    @Test
    void towardA30PeerSubscriptionsAreMessages() throws Exception {
        byte[] greeting = Greeting.encode();
        greeting[11] = 0;
        Greeting v30 = Greeting.parse(greeting);
        assertArrayEquals(hex("00 02 01 41"), encode(ZmtpSubscriptions.subscribe(ascii("A")), v30));
        assertArrayEquals(hex("00 01 00"), encode(ZmtpSubscriptions.cancel(new byte[0]), v30));
    }

    @Test
    void receivedCommandsAndMessagesBecomeTheInternalForm() {
        Msg fromSubscribe = ZmtpSubscriptions.fromCommand(ZmtpCommand.subscribe(ascii("xy")));
        assertArrayEquals(hex("01 78 79"), fromSubscribe.frame(0));
        Msg fromCancel = ZmtpSubscriptions.fromCommand(ZmtpCommand.cancel(ascii("xy")));
        assertArrayEquals(hex("00 78 79"), fromCancel.frame(0));
        assertNull(ZmtpSubscriptions.fromCommand(ZmtpCommand.ping(0, null)));
        Msg legacy = new Msg(hex("01 78 79"));
        assertSame(legacy, ZmtpSubscriptions.fromMessage(legacy));
        assertArrayEquals(ascii("xy"), ZmtpSubscriptions.topic(legacy));
        assertEquals(ZmtpCommand.Kind.SUBSCRIBE, ZmtpSubscriptions.toCommand(legacy).kind());
    }
}
