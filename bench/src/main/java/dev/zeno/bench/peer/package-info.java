/**
 * The thin socket interface through which one harness drives Zeno and JeroMQ alike
 * (libzmq runs as a separate C program, see {@code zmqperf.c}).
 */
package dev.zeno.bench.peer;
