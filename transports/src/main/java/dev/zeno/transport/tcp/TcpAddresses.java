package dev.zeno.transport.tcp;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.TcpAddress;
import dev.zeno.transport.TransportException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Resolving tcp endpoints to socket addresses and writing bound addresses back as endpoints,
 * the way libzmq does: {@code *} binds every interface and reads back as {@code 0.0.0.0},
 * IPv6 addresses are written in brackets in their short form ({@code [::1]}).
 */
final class TcpAddresses {
    private TcpAddresses() {
    }

    /**
     * The local address to bind for {@code endpoint}: the wildcard address for {@code *},
     * otherwise the host resolved (a name or a literal).
     */
    static InetSocketAddress bindAddress(Endpoint endpoint) {
        TcpAddress address = TcpAddress.parse(endpoint);
        if (address.isWildcardHost()) {
            return new InetSocketAddress(address.port());
        }
        return new InetSocketAddress(resolve(endpoint, address.host()), address.port());
    }

    /** The remote address to connect to for {@code endpoint}. */
    static InetSocketAddress connectAddress(Endpoint endpoint) {
        TcpAddress address = TcpAddress.parse(endpoint);
        if (address.isWildcardHost()) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "cannot connect to '" + endpoint + "': name a host, * is only for bind");
        }
        if (address.port() == 0) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "cannot connect to '" + endpoint + "': name a port, * and 0 are only for bind");
        }
        return new InetSocketAddress(resolve(endpoint, address.host()), address.port());
    }

    /** The endpoint text for a socket bound at {@code local} for {@code endpoint}. */
    static String resolvedEndpoint(Endpoint endpoint, InetSocketAddress local) {
        TcpAddress address = TcpAddress.parse(endpoint);
        String host = address.isWildcardHost() ? "0.0.0.0" : hostText(local.getAddress());
        return "tcp://" + host + ":" + local.getPort();
    }

    /** An address as an endpoint host: dotted IPv4, or bracketed short-form IPv6. */
    static String hostText(InetAddress address) {
        if (address instanceof Inet6Address) {
            return "[" + compressIpv6(address.getAddress()) + "]";
        }
        return address.getHostAddress();
    }

    /** The RFC 5952 short form of a 16-byte IPv6 address, e.g. "::1" or "fe80::1". */
    static String compressIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength && i - start >= 2) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static InetAddress resolve(Endpoint endpoint, String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new TransportException(TransportException.Reason.UNREACHABLE,
                    "cannot resolve host '" + host + "' of endpoint '" + endpoint + "'", e);
        } catch (SecurityException e) {
            throw new TransportException(TransportException.Reason.UNREACHABLE,
                    "not allowed to resolve host '" + host + "' of endpoint '" + endpoint + "'", e);
        }
    }
}
