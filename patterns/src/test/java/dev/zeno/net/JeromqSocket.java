package dev.zeno.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A JeroMQ 0.6 socket in its own context (JeroMQ announces ZMTP 3.0). */
final class JeromqSocket implements ForeignSocket {
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;
    private final String type;

    JeromqSocket(String type) {
        this.type = type;
        this.socket = context.createSocket(SocketType.valueOf(type));
        socket.setLinger(2000);
    }

    /** Sets the identity (before connect or bind). */
    JeromqSocket identity(String identity) {
        socket.setIdentity(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** The underlying JeroMQ socket, for options this interface lacks. */
    ZMQ.Socket raw() {
        return socket;
    }

    @Override
    public String bind(String endpoint) {
        if (!socket.bind(endpoint)) {
            throw new IllegalStateException("JeroMQ cannot bind " + endpoint);
        }
        return socket.getLastEndpoint();
    }

    @Override
    public void connect(String endpoint) {
        if (!socket.connect(endpoint)) {
            throw new IllegalStateException("JeroMQ cannot connect " + endpoint);
        }
    }

    @Override
    public void subscribe(byte[] topic) {
        socket.subscribe(topic);
    }

    @Override
    public void unsubscribe(byte[] topic) {
        socket.unsubscribe(topic);
    }

    @Override
    public void send(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Override
    public List<byte[]> receive(Duration timeout) {
        socket.setReceiveTimeOut((int) timeout.toMillis());
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return "JeroMQ " + type;
    }
}
