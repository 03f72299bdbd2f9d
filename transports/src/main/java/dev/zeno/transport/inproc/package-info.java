/**
 * The inproc transport: sockets of one context joined by a pair of pipes, messages handed over
 * as the same objects, no I/O thread; bind and connect in either order.
 */
package dev.zeno.transport.inproc;
