/**
 * The ipc transport: {@link dev.zeno.transport.ipc.IpcTransport} binds and connects
 * {@code ipc://} endpoints over Unix domain sockets (Java 16+), with the same ZMTP engine as
 * tcp ({@link dev.zeno.transport.engine}), so it talks to libzmq's ipc sockets. Stale socket
 * files are replaced, live ones refused, and {@code ipc://*} binds a generated path.
 */
package dev.zeno.transport.ipc;
