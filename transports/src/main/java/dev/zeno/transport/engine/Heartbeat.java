package dev.zeno.transport.engine;

import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.zmtp.ZmtpCommand;

/**
 * ZMTP 3.1 heartbeats for one connection, as libzmq does them: a PING every interval (with our
 * TTL hint); if nothing at all arrives within the timeout after a PING, the connection is
 * dropped; and when the peer's PING carries a TTL, the connection is dropped if nothing
 * arrives within that TTL after it. Liveness is judged from the bytes received, so a large
 * message still arriving counts as traffic. I/O thread only.
 */
final class Heartbeat {
    private final IoThread io;
    private final ZmtpEngine engine;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final int ttlDeciseconds;
    private Timer pingTimer;
    private Timer timeoutTimer;
    private Timer ttlTimer;
    private long timeoutMark;
    private long ttlMark;

    Heartbeat(IoThread io, ZmtpEngine engine, SocketOptions options) {
        this.io = io;
        this.engine = engine;
        this.intervalMillis = Math.max(0, options.heartbeatIntervalMillis);
        long timeout = options.heartbeatTimeoutMillis;
        this.timeoutMillis = timeout > 0 ? timeout : intervalMillis;
        this.ttlDeciseconds = (int) Math.min(0xFFFF, Math.max(0, options.heartbeatTtlMillis) / 100);
    }

    /** Starts sending PINGs (if an interval is set); called when the handshake is done. */
    void start() {
        if (intervalMillis > 0) {
            pingTimer = io.schedule(intervalMillis, this::ping);
        }
    }

    /** The peer sent a PING announcing {@code ttlDeciseconds} (0 = none). */
    void pingReceived(int ttlDeciseconds) {
        if (ttlDeciseconds > 0 && (ttlTimer == null || ttlTimer.isDone())) {
            ttlMark = engine.bytesReceived();
            long ttlMillis = ttlDeciseconds * 100L;
            ttlTimer = io.schedule(ttlMillis, () -> {
                if (engine.bytesReceived() == ttlMark) {
                    engine.heartbeatExpired("the peer's heartbeat TTL of " + ttlMillis + " ms expired");
                }
            });
        }
    }

    /** Cancels every timer (the connection is closing). */
    void stop() {
        cancel(pingTimer);
        cancel(timeoutTimer);
        cancel(ttlTimer);
    }

    private void ping() {
        if (!engine.isOpen()) {
            return;
        }
        engine.sendCommand(ZmtpCommand.ping(ttlDeciseconds, null));
        pingTimer = io.schedule(intervalMillis, this::ping);
        if (timeoutTimer == null || timeoutTimer.isDone()) {
            timeoutMark = engine.bytesReceived();
            timeoutTimer = io.schedule(timeoutMillis, () -> {
                if (engine.bytesReceived() == timeoutMark) {
                    engine.heartbeatExpired("no traffic within " + timeoutMillis + " ms after a PING");
                }
            });
        }
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
