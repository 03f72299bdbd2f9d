package dev.zeno.transport.engine;

/**
 * Something that lives on an I/O thread and keeps it running: a listener or a session. The
 * thread ends only when it has been asked to shut down and no such object is left.
 */
interface IoObject {
    /**
     * The context is shutting down: stop (a listener closes at once; a session closes its
     * connection once queued messages are sent or its linger expires) and then unregister.
     * Called on the I/O thread.
     */
    void shutdown();
}
