package dev.zeno;

import dev.zeno.socket.SocketBase;
import dev.zeno.transport.Msg;
import java.util.Objects;

/**
 * Joins two sockets and shuttles whole messages between them in both directions, like
 * {@code zmq_proxy}: a ROUTER frontend and a DEALER backend make a request-reply broker; an
 * XSUB frontend and an XPUB backend make a publish-subscribe forwarder (subscriptions flow
 * from the backend up to the publishers, messages down); PULL and PUSH make a streamer.
 *
 * <pre>{@code
 * Thread broker = new Thread(() -> Proxy.run(router, dealer));
 * broker.start();
 * // ... later: context.close() (or closing router or dealer) ends Proxy.run normally
 * }</pre>
 *
 * <p>While it runs, the calling thread is the sockets' only user. It waits with a
 * {@link Poller} (no spinning); a message that the other side cannot take yet is held, and
 * that direction pauses until it can, so back-pressure reaches the sender; the other
 * direction keeps flowing. It runs until the frontend or the backend (or their context) is
 * closed from another thread, and then returns normally; closing only the capture socket
 * ends it when it next forwards a message.
 */
public final class Proxy {
    /** Messages forwarded per direction before the proxy looks at the other direction again. */
    private static final int BATCH = 1000;

    private Proxy() {
    }

    /**
     * Runs a proxy between {@code frontend} and {@code backend} until one of them is closed,
     * then returns normally.
     *
     * @throws SocketClosedException if a socket is already closed when called (a close while
     *     it runs makes it return normally instead)
     * @throws IllegalArgumentException if the two are the same socket
     */
    public static void run(Socket frontend, Socket backend) {
        run(frontend, backend, null);
    }

    /**
     * Runs a proxy between {@code frontend} and {@code backend}, also sending every message
     * it forwards, in either direction, to {@code capture} (if not null), until one of the
     * sockets is closed. The capture socket (typically PUB, PUSH or PAIR) gets each message
     * whole; a message it cannot take at once (high-water mark) is not captured, so a slow
     * capture never stalls the proxy. Returns normally once the frontend or backend is closed
     * (or the capture socket, noticed at the next message).
     *
     * @throws SocketClosedException if a socket is already closed when called (a close while
     *     it runs makes it return normally instead)
     * @throws IllegalArgumentException if two of the sockets are the same socket
     */
    public static void run(Socket frontend, Socket backend, Socket capture) {
        Objects.requireNonNull(frontend, "frontend");
        Objects.requireNonNull(backend, "backend");
        if (frontend == backend || capture == frontend || capture == backend) {
            throw new IllegalArgumentException("a proxy needs distinct sockets: frontend " + frontend
                    + ", backend " + backend + ", capture " + capture);
        }
        for (Socket socket : new Socket[] {frontend, backend, capture}) {
            if (socket != null && socket.isClosed()) {
                throw new SocketClosedException(socket + " is closed: cannot proxy it");
            }
        }
        new Run(frontend, backend, capture).loop();
    }

    /** The state of one running proxy: the sockets and a message held per direction. */
    private static final class Run {
        private final Socket frontend;
        private final Socket backend;
        private final SocketBase capture;
        private final SocketBase[] all;
        private final Poller poller = new Poller();
        /** A message received from the frontend that the backend could not take yet. */
        private Msg heldForBackend;
        /** A message received from the backend that the frontend could not take yet. */
        private Msg heldForFrontend;

        Run(Socket frontend, Socket backend, Socket capture) {
            this.frontend = frontend;
            this.backend = backend;
            this.capture = capture == null ? null : capture.base();
            this.all = capture == null
                    ? new SocketBase[] {frontend.base(), backend.base()}
                    : new SocketBase[] {frontend.base(), backend.base(), capture.base()};
        }

        void loop() {
            try {
                while (true) {
                    // Armed for this thread between polls too: a close from another thread then
                    // always leaves the release of the socket to this thread (see SocketBase.close).
                    armAll();
                    heldForBackend = forward(frontend.base(), backend.base(), heldForBackend);
                    heldForFrontend = forward(backend.base(), frontend.base(), heldForFrontend);
                    watch(frontend, heldForBackend == null, heldForFrontend != null);
                    watch(backend, heldForFrontend == null, heldForBackend != null);
                    poller.poll(null);
                }
            } catch (SocketClosedException closed) {
                // one of the sockets was closed: the proxy's work is over
            } finally {
                for (SocketBase base : all) {
                    base.endPoll();
                }
            }
        }

        /**
         * Sends the held message, then forwards what {@code from} has ready, until {@code to}
         * cannot take more (the message is then held) or a batch is done.
         *
         * @return the message still held, or null
         */
        private Msg forward(SocketBase from, SocketBase to, Msg held) {
            if (held != null && !to.send(held, 0)) {
                return held;
            }
            for (int i = 0; i < BATCH && from.pollIn(); i++) { // pollIn: false, not an error, for a PUSH
                Msg msg = from.receive(0);
                if (msg == null) {
                    return null;
                }
                if (capture != null) {
                    capture.send(msg, 0);
                }
                if (!to.send(msg, 0)) {
                    return msg;
                }
            }
            return null;
        }

        private void watch(Socket socket, boolean in, boolean out) {
            int events = (in ? Poller.IN : 0) | (out ? Poller.OUT : 0);
            if (events == 0) {
                poller.unregister(socket);
            } else {
                poller.register(socket, events);
            }
        }

        private void armAll() {
            Thread me = Thread.currentThread();
            for (SocketBase base : all) {
                base.waker().armFor(me);
            }
        }
    }
}
