package dev.zeno.transport.zmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GreetingTest {
    private static byte[] greeting(int major, int minor, String mechanism) {
        byte[] bytes = Greeting.encode();
        bytes[10] = (byte) major;
        bytes[11] = (byte) minor;
        java.util.Arrays.fill(bytes, 12, 32, (byte) 0);
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, bytes, 12, name.length);
        return bytes;
    }

    @Test
    void ourGreetingIsZmtp31NullIn64Bytes() {
        byte[] expected = new byte[64];
        expected[0] = (byte) 0xFF;
        expected[9] = 0x7F;
        expected[10] = 3;
        expected[11] = 1;
        expected[12] = 'N';
        expected[13] = 'U';
        expected[14] = 'L';
        expected[15] = 'L';
        assertArrayEquals(expected, Greeting.encode());
        ByteBuffer out = ByteBuffer.allocate(100);
        Greeting.encode(out);
        assertEquals(64, out.position());
    }

    @Test
    void parsesOurOwnGreeting() throws Exception {
        Greeting parsed = Greeting.parse(ByteBuffer.wrap(Greeting.encode()));
        assertEquals(3, parsed.major());
        assertEquals(1, parsed.minor());
        assertEquals("NULL", parsed.mechanism());
        assertFalse(parsed.asServer());
        assertTrue(parsed.isAtLeast31());
    }

    @Test
    void paddingIsNotSignificant() {
        byte[] bytes = Greeting.encode();
        for (int i = 1; i <= 8; i++) {
            bytes[i] = (byte) (0x10 + i);
        }
        assertDoesNotThrow(() -> Greeting.parse(bytes));
    }

    @Test
    void zmtp30PeerIsRecognisedAsSuch() throws Exception {
        Greeting v30 = Greeting.parse(greeting(3, 0, "NULL"));
        assertEquals(0, v30.minor());
        assertFalse(v30.isAtLeast31(), "3.0 peers need subscriptions as messages");
        assertTrue(Greeting.parse(greeting(4, 0, "NULL")).isAtLeast31(), "a higher version is accepted");
    }

    @Test
    void badSignatureIsRejectedFromTheFirstByte() {
        byte[] http = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        ZmtpProtocolException e = assertThrows(ZmtpProtocolException.class, () -> Greeting.checkPrefix(http, 1));
        assertTrue(e.getMessage().contains("0x47"), e.getMessage());
        byte[] padded = new byte[64];
        System.arraycopy(http, 0, padded, 0, http.length);
        assertThrows(ZmtpProtocolException.class, () -> Greeting.parse(padded));
    }

    @Test
    void byteNineMustBe0x7F() {
        byte[] bytes = Greeting.encode();
        bytes[9] = 0x00;   // a ZMTP 1.0 long frame's flags byte
        assertDoesNotThrow(() -> Greeting.checkPrefix(bytes, 9), "byte 9 not yet seen");
        ZmtpProtocolException e = assertThrows(ZmtpProtocolException.class, () -> Greeting.checkPrefix(bytes, 10));
        assertTrue(e.getMessage().contains("byte 9"), e.getMessage());
    }

    @Test
    void majorVersionBelow3IsRejectedWithAClearReason() {
        byte[] zmtp20 = greeting(1, 5, "NULL");   // ZMTP 2.0: revision 0x01, then socket type
        ZmtpProtocolException early = assertThrows(ZmtpProtocolException.class, () -> Greeting.checkPrefix(zmtp20, 11));
        assertTrue(early.getMessage().contains("only ZMTP 3"), early.getMessage());
        assertTrue(early.getMessage().contains("2.0"), early.getMessage());
        ZmtpProtocolException full = assertThrows(ZmtpProtocolException.class, () -> Greeting.parse(greeting(2, 0, "NULL")));
        assertTrue(full.getMessage().contains("only ZMTP 3"), full.getMessage());
    }

    @Test
    void prefixCheckLooksOnlyAtAvailableBytes() throws Exception {
        byte[] good = Greeting.encode();
        for (int length = 0; length <= 64; length++) {
            Greeting.checkPrefix(good, length);
        }
        ByteBuffer partial = ByteBuffer.wrap(good, 0, 11);
        Greeting.checkPrefix(partial);
        assertEquals(0, partial.position(), "the early check must not consume bytes");
        assertEquals(11, partial.remaining());
    }

    @Test
    void onlyTheNullMechanismIsSupported() {
        for (String mechanism : new String[] {"PLAIN", "CURVE", "GSSAPI", ""}) {
            ZmtpProtocolException e = assertThrows(ZmtpProtocolException.class,
                    () -> Greeting.parse(greeting(3, 1, mechanism)), mechanism);
            assertTrue(e.getMessage().contains("\"" + mechanism + "\""), e.getMessage());
            assertTrue(e.getMessage().contains("only NULL"), e.getMessage());
        }
    }

    @Test
    void parseNeedsSixtyFourBytes() {
        assertThrows(IllegalArgumentException.class, () -> Greeting.parse(ByteBuffer.allocate(63)));
    }
}
