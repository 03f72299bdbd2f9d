package dev.zeno.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** A failed tcp bind is explained by its address, not by the JDK's message, which may not be English. */
class TcpBindFailureTest {
    private static TcpBindFailure of(String host, int port) {
        return TcpBindFailure.of(new InetSocketAddress(host, port));
    }

    @Test
    void anAddressOfThisHostOnAnUnprivilegedPortCanOnlyBeTaken() {
        assertEquals(TcpBindFailure.ADDRESS_IN_USE, of("127.0.0.1", 5555));
        assertEquals(TcpBindFailure.ADDRESS_IN_USE, of("127.0.0.2", 1024), "all of 127/8 is this host's");
        assertEquals(TcpBindFailure.ADDRESS_IN_USE, of("::1", 5555));
        assertEquals(TcpBindFailure.ADDRESS_IN_USE, of("0.0.0.0", 5555), "every interface");
    }

    @Test
    void anAddressThisHostDoesNotHaveIsNotInUse() {
        // TEST-NET-1 (RFC 5737): documentation only, on no host
        assertEquals(TcpBindFailure.NOT_AN_ADDRESS_OF_THIS_HOST, of("192.0.2.1", 5555));
        assertEquals(TcpBindFailure.NOT_AN_ADDRESS_OF_THIS_HOST, of("192.0.2.1", 80));
    }

    @Test
    void aPrivilegedPortIsLeftToTheMessage() {
        assertEquals(TcpBindFailure.ONLY_THE_MESSAGE_TELLS, of("127.0.0.1", 80), "taken, or not ours to bind");
    }
}
