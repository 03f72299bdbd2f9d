package dev.zeno.examples.hello;

import dev.zeno.Socket;
import java.time.Duration;
import java.util.function.Consumer;

/** The hello-world server's loop over a bound REP socket: answers "World" to every request. */
public final class HelloServer {
    /** The guide's reply payload. */
    public static final String REPLY = "World";

    private final Socket rep;
    private final Duration work;
    private final Consumer<String> onRequest;

    /**
     * A server on {@code rep}, which simulates {@code work} per request (the guide sleeps a
     * second) and tells {@code onRequest} about each request received.
     */
    public HelloServer(Socket rep, Duration work, Consumer<String> onRequest) {
        this.rep = rep;
        this.work = work;
        this.onRequest = onRequest;
    }

    /**
     * Answers up to {@code maxRequests} requests (0: until the socket is closed, which ends
     * the loop with a {@code SocketClosedException}).
     *
     * @return the number of requests answered
     */
    public long serve(long maxRequests) throws InterruptedException {
        long answered = 0;
        while (maxRequests == 0 || answered < maxRequests) {
            String request = rep.receiveString();
            if (request == null) {
                continue; // a receive timeout set by the caller: keep serving
            }
            onRequest.accept(request);
            if (!work.isZero()) {
                Thread.sleep(work.toMillis());
            }
            rep.send(REPLY);
            answered++;
        }
        return answered;
    }
}
