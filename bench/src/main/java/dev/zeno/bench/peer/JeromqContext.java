package dev.zeno.bench.peer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** The bench's view of a JeroMQ context (the plain {@code org.zeromq.ZMQ} API a user would take). */
final class JeromqContext implements BenchContext {
    private final ZMQ.Context context = ZMQ.context(1);
    /** Sockets not closed yet: JeroMQ's term waits for every socket, so close() closes leftovers. */
    private final Set<JeromqSocket> open = ConcurrentHashMap.newKeySet();

    @Override
    public BenchSocket socket(Kind kind) {
        JeromqSocket socket = new JeromqSocket(context.socket(SocketType.valueOf(kind.name())), open);
        open.add(socket);
        return socket;
    }

    @Override
    public Impl impl() {
        return Impl.JEROMQ;
    }

    @Override
    public void close() {
        for (JeromqSocket socket : open.toArray(new JeromqSocket[0])) {
            socket.close();
        }
        context.close();
    }

    private static final class JeromqSocket implements BenchSocket {
        private final ZMQ.Socket socket;
        private final Set<JeromqSocket> open;
        private final AtomicBoolean closed = new AtomicBoolean();

        JeromqSocket(ZMQ.Socket socket, Set<JeromqSocket> open) {
            this.socket = socket;
            this.open = open;
        }

        @Override
        public String bind(String endpoint) {
            socket.bind(endpoint);
            String last = socket.getLastEndpoint();
            return last == null ? endpoint : last;
        }

        @Override
        public void connect(String endpoint) {
            socket.connect(endpoint);
        }

        @Override
        public void send(byte[] frame) {
            if (!socket.send(frame, 0)) {
                throw new IllegalStateException("send failed: errno " + socket.errno());
            }
        }

        @Override
        public Object prepare(byte[] frame) {
            return frame;
        }

        @Override
        public void sendPrepared(Object prepared) {
            send((byte[]) prepared);
        }

        @Override
        public byte[] receive() {
            return socket.recv(0);
        }

        @Override
        public int receiveInto(byte[] buffer) {
            return socket.recv(buffer, 0, buffer.length, 0);
        }

        @Override
        public void setReceiveTimeoutMillis(int millis) {
            socket.setReceiveTimeOut(millis < 0 ? -1 : millis);
        }

        @Override
        public void setHighWaterMarks(int send, int receive) {
            socket.setSndHWM(send);
            socket.setRcvHWM(receive);
        }

        @Override
        public void setLingerMillis(int millis) {
            socket.setLinger(millis < 0 ? -1 : millis);
        }

        @Override
        public void subscribe(byte[] prefix) {
            socket.subscribe(prefix);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                open.remove(this);
                socket.close();
            }
        }
    }
}
