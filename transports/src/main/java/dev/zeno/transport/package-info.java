/**
 * The transport core, internal to Zeno (exported only to {@code dev.zeno.patterns}): the one
 * message type that goes from socket to wire ({@link dev.zeno.transport.Msg}), the lock-free
 * single-producer single-consumer {@link dev.zeno.transport.Pipe} with its high-water mark and
 * batched wake-ups, the two ends of a connection ({@link dev.zeno.transport.Peer}), endpoint
 * parsing, socket options as transports read them, and the transport SPI
 * ({@link dev.zeno.transport.Transport}) that inproc, tcp and ipc implement.
 */
package dev.zeno.transport;
