package dev.zeno.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.TransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class TcpAddressesTest {
    private static String compress(String literal) throws UnknownHostException {
        return TcpAddresses.compressIpv6(InetAddress.getByName(literal).getAddress());
    }

    @Test
    void ipv6IsWrittenInItsShortForm() throws UnknownHostException {
        assertEquals("::1", compress("0:0:0:0:0:0:0:1"));
        assertEquals("::", compress("0:0:0:0:0:0:0:0"));
        assertEquals("fe80::1", compress("fe80:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", compress("2001:db8:0:0:1:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", compress("2001:db8:0:1:1:1:1:1")); // a single 0 stays
    }

    @Test
    void wildcardBindReadsBackAsAllInterfaces() throws UnknownHostException {
        Endpoint endpoint = Endpoint.parse("tcp://*:*");
        InetSocketAddress local = new InetSocketAddress(InetAddress.getByName("::"), 4242);
        assertEquals("tcp://0.0.0.0:4242", TcpAddresses.resolvedEndpoint(endpoint, local));
    }

    @Test
    void ipv6BindReadsBackInBrackets() throws UnknownHostException {
        Endpoint endpoint = Endpoint.parse("tcp://[::1]:*");
        InetSocketAddress local = new InetSocketAddress(InetAddress.getByName("::1"), 4242);
        assertEquals("tcp://[::1]:4242", TcpAddresses.resolvedEndpoint(endpoint, local));
    }

    @Test
    void connectNeedsAHostAndAPort() {
        assertThrows(TransportException.class, () -> TcpAddresses.connectAddress(Endpoint.parse("tcp://*:5555")));
        assertThrows(TransportException.class, () -> TcpAddresses.connectAddress(Endpoint.parse("tcp://localhost:*")));
        TransportException unknown = assertThrows(TransportException.class,
                () -> TcpAddresses.connectAddress(Endpoint.parse("tcp://no-such-host.invalid:1")));
        assertEquals(TransportException.Reason.UNREACHABLE, unknown.reason());
    }
}
