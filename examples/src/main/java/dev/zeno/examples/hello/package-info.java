/**
 * Request-reply, the guide's "hello world": a REP server that answers "World" to every
 * request, and a REQ client that is the guide's Lazy Pirate (it gives up on a server that
 * does not answer in time, after a few tries on a fresh socket).
 */
package dev.zeno.examples.hello;
