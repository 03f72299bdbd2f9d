/**
 * The command line of {@code zeno-examples.jar}: {@link dev.zeno.examples.Main} dispatches to
 * one role per subcommand (hwserver, hwclient, wuserver, wuclient, taskvent, taskwork,
 * tasksink, demo, recorder, query), with the defaults, payloads and exit codes of the ZeroMQ
 * guide's examples, plus what every role shares: exit codes, error reporting and stopping on
 * a signal.
 */
package dev.zeno.examples;
