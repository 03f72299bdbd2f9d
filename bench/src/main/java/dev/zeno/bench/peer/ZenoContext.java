package dev.zeno.bench.peer;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;

/** The bench's view of a Zeno context. */
final class ZenoContext implements BenchContext {
    private final Context context = new Context();

    @Override
    public BenchSocket socket(Kind kind) {
        return new ZenoSocket(context.socket(SocketType.valueOf(kind.name())));
    }

    @Override
    public Impl impl() {
        return Impl.ZENO;
    }

    @Override
    public void close() {
        context.close();
    }

    private static final class ZenoSocket implements BenchSocket {
        private final Socket socket;

        ZenoSocket(Socket socket) {
            this.socket = socket;
        }

        @Override
        public String bind(String endpoint) {
            return socket.bind(endpoint);
        }

        @Override
        public void connect(String endpoint) {
            socket.connect(endpoint);
        }

        @Override
        public void send(byte[] frame) {
            if (!socket.send(frame)) {
                throw new IllegalStateException("send timed out");
            }
        }

        @Override
        public Object prepare(byte[] frame) {
            return new Message(frame);
        }

        @Override
        public void sendPrepared(Object prepared) {
            if (!socket.send((Message) prepared)) {
                throw new IllegalStateException("send timed out");
            }
        }

        @Override
        public byte[] receive() {
            return socket.receiveBytes();
        }

        @Override
        public int receiveInto(byte[] buffer) {
            return socket.receive(buffer);
        }

        @Override
        public void setReceiveTimeoutMillis(int millis) {
            socket.setReceiveTimeout(millis < 0 ? null : Duration.ofMillis(millis));
        }

        @Override
        public void setHighWaterMarks(int send, int receive) {
            socket.setSendHighWaterMark(send);
            socket.setReceiveHighWaterMark(receive);
        }

        @Override
        public void setLingerMillis(int millis) {
            socket.setLinger(millis < 0 ? null : Duration.ofMillis(millis));
        }

        @Override
        public void subscribe(byte[] prefix) {
            socket.subscribe(prefix);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
