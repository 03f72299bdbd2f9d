/**
 * The pipeline, the guide's divide and conquer: a ventilator (PUSH) hands out workloads, workers
 * (PULL, then PUSH) do them in parallel, and a sink (PULL) collects the results and times the
 * batch.
 *
 * <p>Payloads are the guide's, so any role works with the guide's vent, worker or sink in
 * another language: the vent sends "0" to the sink as the start signal, then each workload as
 * a decimal string of milliseconds (1-100); a worker sleeps that long and sends an empty
 * message to the sink. Since neither the start signal nor the results carry the workloads,
 * the sink computes the speed-up against the expected total of the guide's workloads (mean
 * 50.5 ms, so {@code tasks × 50.5} ms), or against an exact total given with
 * {@code --workload-ms} (the vent prints it as "Total expected cost").
 */
package dev.zeno.examples.pipeline;
