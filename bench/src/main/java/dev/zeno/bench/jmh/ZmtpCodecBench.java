package dev.zeno.bench.jmh;

import dev.zeno.transport.Msg;
import dev.zeno.transport.zmtp.ZmtpDecoder;
import dev.zeno.transport.zmtp.ZmtpEncoder;
import dev.zeno.transport.zmtp.ZmtpProtocolException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import zmq.io.coder.IDecoder.Step;
import zmq.io.coder.v2.V2Decoder;
import zmq.io.coder.v2.V2Encoder;
import zmq.msg.MsgAllocatorThreshold;
import zmq.util.Errno;
import zmq.util.ValueReference;

/**
 * The ZMTP 3.x frame codec alone, no I/O: Zeno's {@code ZmtpEncoder}/{@code ZmtpDecoder}
 * against JeroMQ's {@code V2Encoder}/{@code V2Decoder} (the same frame format), both driven
 * the way their engines drive them, with 8 KiB buffers on both sides.
 *
 * <p>Encode: single-frame messages copied into an 8 KiB direct buffer, cleared whenever it
 * fills (where the engine would write it to the channel). Decode: a stream of encoded
 * messages fed in 8 KiB chunks, each chunk first copied into the decoder's input buffer (where
 * the engine's channel read would put it), every message taken out. Score: messages per
 * second; with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ZmtpCodecBench.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ZmtpCodecBench {
    static final int BATCH = 1_000;
    private static final int CHUNK = 8 * 1024;

    /** A JMH parameter (override with -p). */
    @Param({"16", "256", "4096"})
    public int size;

    private Msg zenoMsg;
    private ZmtpEncoder zenoEncoder;
    private ZmtpDecoder zenoDecoder;

    private zmq.Msg jeromqMsg;
    private V2Encoder jeromqEncoder;
    private V2Decoder jeromqDecoder;
    private ValueReference<ByteBuffer> jeromqOut;
    private final ValueReference<Integer> processed = new ValueReference<>(0);

    private ByteBuffer out;
    private ByteBuffer wire;
    private ByteBuffer zenoIn;

    /** Builds the state measured (sockets, threads, buffers). */
    @Setup(Level.Trial)
    public void setUp() throws ZmtpProtocolException {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) i;
        }
        zenoMsg = new Msg(payload);
        zenoEncoder = new ZmtpEncoder();
        zenoDecoder = new ZmtpDecoder();
        jeromqMsg = new zmq.Msg(payload);
        jeromqEncoder = new V2Encoder(new Errno(), CHUNK);
        jeromqDecoder = new V2Decoder(new Errno(), CHUNK, -1, new MsgAllocatorThreshold());
        out = ByteBuffer.allocateDirect(CHUNK);
        jeromqOut = new ValueReference<>(out);
        zenoIn = ByteBuffer.allocateDirect(CHUNK);

        // the wire bytes for the decoders: BATCH messages, encoded by Zeno's encoder
        wire = ByteBuffer.allocateDirect((int) (ZmtpEncoder.encodedLength(zenoMsg) * BATCH));
        ZmtpEncoder encoder = new ZmtpEncoder();
        for (int i = 0; i < BATCH; i++) {
            encoder.start(zenoMsg);
            if (!encoder.encode(wire)) {
                throw new IllegalStateException("wire buffer too small");
            }
        }
        wire.flip();
        checkSameBytes();
    }

    /** Both encoders must produce the same bytes, or the comparison means nothing. */
    private void checkSameBytes() {
        ByteBuffer a = ByteBuffer.allocate(size + 9);
        zenoEncoder.start(zenoMsg);
        zenoEncoder.encode(a);
        ByteBuffer b = ByteBuffer.allocate(size + 9);
        ValueReference<ByteBuffer> ref = new ValueReference<>(b);
        jeromqEncoder.loadMsg(jeromqMsg);
        while (b.hasRemaining() && jeromqEncoder.encode(ref, b.remaining()) > 0) {
            // keep going until the message is complete
        }
        a.flip();
        b.flip();
        if (!a.equals(b)) {
            throw new IllegalStateException("Zeno and JeroMQ encode a " + size + "-byte message differently: "
                    + a + " vs " + b);
        }
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public int zenoEncode() {
        ByteBuffer o = out;
        ZmtpEncoder e = zenoEncoder;
        for (int i = 0; i < BATCH; i++) {
            e.start(zenoMsg);
            while (!e.encode(o)) {
                o.clear();   // full: the engine would write it out here
            }
        }
        int pos = o.position();
        o.clear();
        return pos;
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public int jeromqEncode() {
        ByteBuffer o = out;
        V2Encoder e = jeromqEncoder;
        for (int i = 0; i < BATCH; i++) {
            e.loadMsg(jeromqMsg);
            for (;;) {
                if (!o.hasRemaining()) {
                    o.clear();
                }
                // JeroMQ's engine calls encode until it returns 0: the message is then done
                if (e.encode(jeromqOut, o.remaining()) == 0) {
                    break;
                }
            }
        }
        int pos = o.position();
        o.clear();
        return pos;
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public void zenoDecode(Blackhole bh) throws ZmtpProtocolException {
        ByteBuffer w = wire;
        w.position(0);
        ByteBuffer in = zenoIn;
        ZmtpDecoder d = zenoDecoder;
        int decoded = 0;
        while (w.hasRemaining()) {
            in.clear();
            copyChunk(w, in);
            in.flip();
            for (;;) {
                ZmtpDecoder.Result r = d.decode(in);
                if (r == ZmtpDecoder.Result.MESSAGE) {
                    bh.consume(d.takeMessage());
                    decoded++;
                } else if (r == ZmtpDecoder.Result.NEED_MORE) {
                    break;
                } else {
                    throw new IllegalStateException("unexpected command");
                }
            }
        }
        check(decoded);
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public void jeromqDecode(Blackhole bh) {
        ByteBuffer w = wire;
        w.position(0);
        V2Decoder d = jeromqDecoder;
        int decoded = 0;
        while (w.hasRemaining()) {
            ByteBuffer in = d.getBuffer();
            int n = copyChunk(w, in);
            in.flip();
            while (n > 0) {
                Step.Result r = d.decode(in, n, processed);
                n -= processed.get();
                if (r == Step.Result.DECODED) {
                    bh.consume(d.msg());
                    decoded++;
                } else if (r == Step.Result.ERROR) {
                    throw new IllegalStateException("JeroMQ decoder error " + d.errno());
                }
            }
        }
        check(decoded);
    }

    private static int copyChunk(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        int limit = from.limit();
        from.limit(from.position() + n);
        to.put(from);
        from.limit(limit);
        return n;
    }

    private static void check(int decoded) {
        if (decoded != BATCH) {
            throw new IllegalStateException("decoded " + decoded + " of " + BATCH);
        }
    }
}
