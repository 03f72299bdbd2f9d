/**
 * {@code compare}: the fixed suite of perf-tool runs, Zeno against JeroMQ and libzmq, in child
 * processes with time limits, written up as Markdown and a hand-drawn SVG bar chart.
 */
package dev.zeno.bench.compare;
