package dev.zeno.transport.engine;

/**
 * What a selection key is attached to: a listener, a connecting session or an engine. The
 * I/O thread calls it when its channel is ready, and calls {@link #failed} if that threw, so a
 * broken connection never takes the thread down with it.
 */
interface IoHandler {
    /** The channel is ready for the operations in {@code readyOps} (SelectionKey bits). */
    void ready(int readyOps) throws Exception;

    /** {@link #ready} threw {@code cause}: close whatever this handler owns. Must not throw. */
    void failed(Throwable cause);
}
