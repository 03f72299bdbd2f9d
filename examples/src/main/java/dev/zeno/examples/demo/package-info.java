/**
 * The demo: the guide's three patterns — hello world (REQ/REP), the weather feed (PUB/SUB)
 * and the task pipeline (PUSH/PULL) — run inside one process over inproc, ipc and tcp, each
 * scenario within a deadline, with a short report of what each did.
 */
package dev.zeno.examples.demo;
