package dev.zeno.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * PUSH/PULL throughput over tcp on the loopback interface, both sockets in this process (one
 * I/O thread per context); see {@link PushPullBase}. Its point is {@code -prof gc}: the bytes
 * allocated per message by the whole tcp path, encoder and decoder included.
 */
public class TcpPushPullBench extends PushPullBase {
    @Override
    protected String endpoint() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
