/**
 * JMH benchmarks: inproc PUSH/PULL throughput, inproc REQ/REP round trip, PUB fan-out, the
 * ZMTP codec, each for Zeno and (where it applies) JeroMQ under the same harness; and the
 * inproc hand-off and fan-out measured on a JCTools SPSC queue, Zeno's Pipe and an LMAX
 * Disruptor ring. Run them with {@code java -jar zeno-bench.jar jmh [JMH args]}; add
 * {@code -prof gc} for the bytes allocated per message ({@code gc.alloc.rate.norm}).
 */
package dev.zeno.bench.jmh;
