package dev.zeno.transport;

import java.util.Locale;

/**
 * A parsed endpoint, {@code scheme://address}: {@code tcp://host:port}, {@code ipc:///path},
 * {@code inproc://name}. Only the shape common to all transports is checked here; each
 * transport checks its own address form (see {@link TcpAddress}).
 */
public final class Endpoint {
    private final String scheme;
    private final String address;

    private Endpoint(String scheme, String address) {
        this.scheme = scheme;
        this.address = address;
    }

    /**
     * Parses {@code text}.
     *
     * @throws TransportException with reason BAD_ENDPOINT naming the input if it is malformed
     */
    public static Endpoint parse(String text) {
        if (text == null) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT, "endpoint must not be null");
        }
        int separator = text.indexOf("://");
        if (separator <= 0) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "malformed endpoint '" + text + "': expected transport://address, e.g. tcp://localhost:5555");
        }
        String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
        String address = text.substring(separator + 3);
        if (address.isEmpty()) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "malformed endpoint '" + text + "': the address after " + scheme + ":// is empty");
        }
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                        "malformed endpoint '" + text + "': bad transport name '" + scheme + "'");
            }
        }
        return new Endpoint(scheme, address);
    }

    /** The transport name: "tcp", "ipc", "inproc". */
    public String scheme() {
        return scheme;
    }

    /** Everything after {@code ://}. */
    public String address() {
        return address;
    }

    @Override
    public String toString() {
        return scheme + "://" + address;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint e && e.scheme.equals(scheme) && e.address.equals(address);
    }

    @Override
    public int hashCode() {
        return scheme.hashCode() * 31 + address.hashCode();
    }
}
