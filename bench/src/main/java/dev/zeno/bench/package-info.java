/**
 * Zeno's bench: {@link dev.zeno.bench.Main} dispatches to the libzmq-compatible perf tools,
 * the JMH benchmarks and the side-by-side comparison. See bench/BENCH.md.
 */
package dev.zeno.bench;
