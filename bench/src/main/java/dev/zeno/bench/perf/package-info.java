/**
 * The perf tools: libzmq's local_thr, remote_thr, local_lat, remote_lat, inproc_thr and
 * inproc_lat (same arguments, socket types and output lines), plus pubsub_thr and soak, and
 * the latency histogram behind {@code --percentiles}.
 */
package dev.zeno.bench.perf;
