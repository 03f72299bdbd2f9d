package dev.zeno.transport;

/**
 * The address part of a tcp endpoint: {@code host:port}, {@code *:port}, {@code *:*},
 * {@code [ipv6]:port}. A port of 0 (written {@code *}) asks the system for an ephemeral port.
 */
public final class TcpAddress {
    private final String host;
    private final int port;

    private TcpAddress(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Parses the address of {@code endpoint} (which must be a tcp endpoint).
     *
     * @throws TransportException BAD_ENDPOINT naming the endpoint if the address is malformed
     */
    public static TcpAddress parse(Endpoint endpoint) {
        String address = endpoint.address();
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw bad(endpoint, "missing ':port'");
        }
        String host = address.substring(0, colon);
        String portText = address.substring(colon + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                throw bad(endpoint, "an IPv6 address must be written [address]:port");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw bad(endpoint, "an IPv6 address must be written in brackets, [address]:port");
        }
        if (host.isEmpty()) {
            throw bad(endpoint, "missing host (use * to bind every interface)");
        }
        int port;
        if (portText.equals("*") || portText.equals("0")) {
            port = 0;
        } else {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw bad(endpoint, "port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw bad(endpoint, "port " + port + " is out of range 1-65535");
            }
        }
        return new TcpAddress(host, port);
    }

    private static TransportException bad(Endpoint endpoint, String why) {
        return new TransportException(TransportException.Reason.BAD_ENDPOINT,
                "malformed tcp endpoint '" + endpoint + "': " + why);
    }

    /** The host as written, without IPv6 brackets; "*" means every interface. */
    public String host() {
        return host;
    }

    /** The port; 0 means ephemeral. */
    public int port() {
        return port;
    }

    /** True if the host is "*". */
    public boolean isWildcardHost() {
        return host.equals("*");
    }
}
