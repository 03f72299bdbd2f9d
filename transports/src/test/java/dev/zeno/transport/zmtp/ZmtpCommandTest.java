package dev.zeno.transport.zmtp;

import static dev.zeno.transport.zmtp.ZmtpVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZmtpCommandTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static ZmtpCommand roundTrip(ZmtpCommand command) throws ZmtpProtocolException {
        return ZmtpCommand.decode(command.encode());
    }

    @Test
    void readyCarriesArbitraryPropertiesInOrder() throws Exception {
        byte[] big = new byte[70_000];
        Arrays.fill(big, (byte) 7);
        ZmtpMetadata sent = new ZmtpMetadata()
                .add("Socket-Type", "ROUTER")
                .add("Identity", new byte[] {1, 2, 3})
                .add("X-Custom.thing+1", big)
                .add("Empty", new byte[0]);
        ZmtpCommand ready = roundTrip(ZmtpCommand.ready(sent));
        assertEquals(ZmtpCommand.Kind.READY, ready.kind());
        ZmtpMetadata got = ready.metadata();
        assertEquals(4, got.size());
        assertEquals("X-Custom.thing+1", got.name(2));
        assertEquals("ROUTER", got.getString("socket-type"), "names are case-insensitive");
        assertArrayEquals(new byte[] {1, 2, 3}, got.get("IDENTITY"));
        assertArrayEquals(big, got.get("x-custom.THING+1"));
        assertArrayEquals(new byte[0], got.get("Empty"));
        assertNull(got.get("Resource"));
    }

    @Test
    void readyWireFormatHasOneByteNameLengthAndFourByteValueLength() {
        byte[] body = ZmtpCommand.ready(new ZmtpMetadata().add("Socket-Type", "PAIR")).encode();
        assertArrayEquals(hex("05 52 45 41 44 59 0b 53 6f 63 6b 65 74 2d 54 79 70 65 00 00 00 04 50 41 49 52"), body);
    }

    @Test
    void readyIdentityFollowsTheSocketType() throws Exception {
        assertEquals(2, roundTrip(ZmtpCommand.ready("ROUTER", null)).metadata().size());
        assertEquals(2, roundTrip(ZmtpCommand.ready("DEALER", ascii("me"))).metadata().size());
        assertEquals(1, roundTrip(ZmtpCommand.ready("PUB", ascii("ignored"))).metadata().size());
    }

    @Test
    void badPropertyNamesAreRefusedWhenBuilding() {
        assertThrows(IllegalArgumentException.class, () -> new ZmtpMetadata().add("", "x"));
        assertThrows(IllegalArgumentException.class, () -> new ZmtpMetadata().add("a b", "x"));
        assertThrows(IllegalArgumentException.class, () -> new ZmtpMetadata().add("x".repeat(256), "x"));
    }

    @Test
    void errorCarriesAReasonWithOneByteLength() throws Exception {
        ZmtpCommand error = roundTrip(ZmtpCommand.error("invalid socket type"));
        assertEquals(ZmtpCommand.Kind.ERROR, error.kind());
        assertEquals("invalid socket type", error.errorReason());
        assertArrayEquals(hex("05 45 52 52 4f 52 03 62 61 64"), ZmtpCommand.error("bad").encode());
        assertEquals(255, roundTrip(ZmtpCommand.error("r".repeat(400))).errorReason().length());
    }

    @Test
    void subscribeAndCancelBodiesAreTheTopic() throws Exception {
        assertArrayEquals(hex("09 53 55 42 53 43 52 49 42 45 41 42"), ZmtpCommand.subscribe(ascii("AB")).encode());
        assertArrayEquals(hex("06 43 41 4e 43 45 4c"), ZmtpCommand.cancel(new byte[0]).encode());
        assertArrayEquals(ascii("AB"), roundTrip(ZmtpCommand.subscribe(ascii("AB"))).topic());
        assertEquals(0, roundTrip(ZmtpCommand.cancel(new byte[0])).topic().length);
    }

    @Test
    void pingHasTwoByteTtlAndContextAndPongEchoesIt() throws Exception {
        byte[] context = ascii("0123456789abcdef");
        ZmtpCommand ping = ZmtpCommand.ping(600, context);
        assertArrayEquals(hex("04 50 49 4e 47 02 58"), Arrays.copyOf(ping.encode(), 7));
        ZmtpCommand decoded = roundTrip(ping);
        assertEquals(ZmtpCommand.Kind.PING, decoded.kind());
        assertEquals(600, decoded.pingTtl());
        assertArrayEquals(context, decoded.pingContext());
        assertEquals(65535, roundTrip(ZmtpCommand.ping(65535, null)).pingTtl());
        assertEquals(0, roundTrip(ZmtpCommand.ping(0, null)).pingContext().length);

        ZmtpCommand pong = roundTrip(ZmtpCommand.pong(decoded.pingContext()));
        assertEquals(ZmtpCommand.Kind.PONG, pong.kind());
        assertArrayEquals(context, pong.pingContext());

        assertThrows(IllegalArgumentException.class, () -> ZmtpCommand.ping(70000, null));
        assertThrows(IllegalArgumentException.class, () -> ZmtpCommand.ping(1, new byte[17]));
    }

    @Test
    void overlongPingContextFromAPeerIsCutTo16() throws Exception {
        ZmtpCommand ping = ZmtpCommand.decode(hex("04 50 49 4e 47 00 0a" + " 41".repeat(20)));
        assertEquals(10, ping.pingTtl());
        assertEquals(16, ping.pingContext().length);
    }

    @Test
    void unknownCommandsAreReportedAsSuch() throws Exception {
        ZmtpCommand hello = ZmtpCommand.decode(hex("05 48 45 4c 4c 4f 01 02"));
        assertEquals(ZmtpCommand.Kind.UNKNOWN, hello.kind());
        assertEquals("HELLO", hello.name());
        assertArrayEquals(new byte[] {1, 2}, hello.data());
        assertArrayEquals(hex("05 48 45 4c 4c 4f 01 02"), hello.encode());
        assertThrows(IllegalStateException.class, hello::topic);
        assertEquals(ZmtpCommand.Kind.PING, ZmtpCommand.of("PING", new byte[] {0, 5}).kind());
    }

    @Test
    void malformedCommandsAreDecodeErrors() {
        String[] malformed = {
            "",                                           // no name length
            "00",                                         // empty name
            "09 50 49 4e 47",                             // name length overruns the body
            "05 52 45 41 44 59 0b 53 6f 63 6b 65 74",      // READY: property name truncated
            "05 52 45 41 44 59 00 00 00 00 00",           // READY: empty property name
            "05 52 45 41 44 59 01 41 00 00",              // READY: value length truncated
            "05 52 45 41 44 59 01 41 00 00 00 05 61 62",  // READY: value overruns
            "05 52 45 41 44 59 01 41 ff ff ff ff",        // READY: value length 2^32-1
            "05 45 52 52 4f 52",                          // ERROR: no reason length
            "05 45 52 52 4f 52 05 61",                    // ERROR: reason overruns
            "04 50 49 4e 47 00",                          // PING: TTL truncated
        };
        for (String body : malformed) {
            assertThrows(ZmtpProtocolException.class, () -> ZmtpCommand.decode(hex(body)), body);
        }
    }

    @Test
    void randomBytesNeverLeakAnythingButAProtocolException() {
        Random random = new Random(42);
        String[] names = {"READY", "ERROR", "PING", "PONG", "SUBSCRIBE", "X"};
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[random.nextInt(40)];
            random.nextBytes(body);
            if (body.length > 6 && random.nextBoolean()) {
                // aim most cases at the parsers of known commands
                byte[] name = ascii(names[random.nextInt(names.length)]);
                body[0] = (byte) name.length;
                System.arraycopy(name, 0, body, 1, Math.min(name.length, body.length - 1));
            }
            try {
                ZmtpCommand.decode(body);
            } catch (ZmtpProtocolException expected) {
                assertTrue(expected.getMessage().startsWith("malformed"), expected.getMessage());
            } catch (RuntimeException e) {
                fail("decoding " + Arrays.toString(body) + " threw " + e);
            }
        }
    }
}
