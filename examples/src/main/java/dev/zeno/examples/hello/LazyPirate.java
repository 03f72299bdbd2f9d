package dev.zeno.examples.hello;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The guide's Lazy Pirate: a reliable REQ client. A REQ socket that sent a request can only
 * receive next, so after a timeout it is useless: the client throws it away, opens a fresh
 * socket, connects and sends the request again, a bounded number of times.
 */
public final class LazyPirate implements AutoCloseable {
    private final Context ctx;
    private final String endpoint;
    private final Duration timeout;
    private final int tries;
    private final Consumer<String> warnings;
    private Socket req;

    /**
     * A client of {@code endpoint} that waits {@code timeout} for each reply and sends each
     * request at most {@code tries} times (the guide's REQUEST_RETRIES), telling
     * {@code warnings} about each retry.
     *
     * @throws dev.zeno.InvalidEndpointException if the endpoint is malformed
     */
    public LazyPirate(Context ctx, String endpoint, Duration timeout, int tries, Consumer<String> warnings) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
        this.ctx = ctx;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.tries = tries;
        this.warnings = warnings;
        this.req = freshSocket();
    }

    /**
     * Sends {@code request} and returns the reply.
     *
     * @throws ServerUnavailableException if no try got a reply in time
     */
    public String request(String request) {
        for (int attempt = 1; ; attempt++) {
            req.send(request);
            String reply = req.receiveString();
            if (reply != null) {
                return reply;
            }
            // the REQ socket now waits for a reply that may never come: it cannot send again
            req.close();
            if (attempt == tries) {
                req = null;
                throw new ServerUnavailableException(endpoint, tries, timeout.toMillis());
            }
            warnings.accept("no response from server, retrying (" + (attempt + 1) + " of " + tries + ")");
            req = freshSocket();
        }
    }

    private Socket freshSocket() {
        Socket socket = ctx.socket(SocketType.REQ);
        // drop an unanswered request at close instead of holding the client's exit
        socket.setLinger(Duration.ZERO);
        socket.setReceiveTimeout(timeout);
        try {
            socket.connect(endpoint);
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** Closes the current socket. */
    @Override
    public void close() {
        if (req != null) {
            req.close();
            req = null;
        }
    }
}
