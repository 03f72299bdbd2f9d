/**
 * Zeno's public API, the only package applications import: {@link dev.zeno.Context} (the
 * container of sockets and their transports), {@link dev.zeno.Socket} and
 * {@link dev.zeno.SocketType} (the eleven ZeroMQ patterns' roles), {@link dev.zeno.Message}
 * (a whole multipart message), {@link dev.zeno.Poller} (wait on several sockets),
 * {@link dev.zeno.Proxy} (shuttle messages between two sockets, like {@code zmq_proxy}), and
 * the unchecked {@link dev.zeno.ZenoException} family, whose messages name the endpoint,
 * option or input at fault.
 */
package dev.zeno;
