/**
 * The tcp transport: {@link dev.zeno.transport.tcp.TcpTransport} binds and connects
 * {@code tcp://} endpoints (host names, IPv4, bracketed IPv6, {@code *} for every interface,
 * {@code *} or 0 for an ephemeral port) and runs them on the shared ZMTP engine in
 * {@link dev.zeno.transport.engine}.
 */
package dev.zeno.transport.tcp;
