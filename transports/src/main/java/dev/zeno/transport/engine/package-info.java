/**
 * The machinery shared by the stream transports (tcp, ipc): I/O threads and the ZMTP engine.
 *
 * <ul>
 *   <li>{@link dev.zeno.transport.engine.IoThreadPool} and
 *       {@link dev.zeno.transport.engine.IoThread}: daemon threads {@code zeno-io-N}, each a
 *       selector loop with an MPSC task queue and timers, woken by a system call only when
 *       it sleeps.</li>
 *   <li>{@code ZmtpEngine}: one connection's handshake and data phase between the channel
 *       and a peer's pipes, with {@code FrameWriter} (batched and gathering writes) and
 *       {@code Heartbeat} (PING, PONG, timeouts, TTL).</li>
 *   <li>{@code Session}, {@code ConnectSession}, {@code AcceptSession}: the socket-facing half
 *       of a connection, which outlives engines on the connecting side (reconnect with
 *       back-off) and handles linger; {@code PipeWaker}: the cheap waker on the engine's
 *       end of each pipe; {@code HandoffLock}: who writes a connection's output or reads its
 *       input, the I/O thread or (write-through and read-through, for REQ and REP) the
 *       socket's thread.</li>
 *   <li>{@code Listener}: accepting on a bound endpoint.</li>
 *   <li>{@link dev.zeno.transport.engine.StreamTransport}: the {@link dev.zeno.transport.Transport}
 *       that tcp and ipc extend with their addressing.</li>
 * </ul>
 *
 * <p>Threading rule: everything except the wakers, {@code IoThread.execute} and the transport's
 * bind/connect entry points runs on the object's own I/O thread. The exceptions are an
 * engine's output in write-through and its input in read-through, done by the socket's thread
 * while it holds the session's output or the engine's input {@code HandoffLock}.
 */
package dev.zeno.transport.engine;
