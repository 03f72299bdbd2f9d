package dev.zeno.bench.peer;

/** A messaging library's context, for the bench harness; see {@link Impl} for the choices. */
public interface BenchContext extends AutoCloseable {
    /** Opens a socket. */
    BenchSocket socket(Kind kind);

    /** Which library this is. */
    Impl impl();

    /** Closes the context and its sockets (waiting for linger as the library does). */
    @Override
    void close();

    /** The socket types the bench uses. */
    enum Kind {
        PUSH, PULL, REQ, REP, PUB, SUB
    }
}
