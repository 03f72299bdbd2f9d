package dev.zeno.examples.pipeline;

import dev.zeno.Socket;

/** The ventilator's job: the start signal to the sink, then the workloads to the workers. */
public final class Ventilator {
    /** The guide's start signal to the sink. */
    public static final String START = "0";

    private final Socket workers;
    private final Socket sink;

    /** A ventilator sending tasks on {@code workers} (PUSH, bound) and the start signal on {@code sink} (PUSH, connected). */
    public Ventilator(Socket workers, Socket sink) {
        this.workers = workers;
        this.sink = sink;
    }

    /**
     * Sends the start signal, then every workload as a decimal string. Blocks while no worker
     * is connected, as a PUSH socket does.
     */
    public void send(Workloads workloads) {
        sink.send(START);
        for (int i = 0; i < workloads.tasks(); i++) {
            workers.send(Integer.toString(workloads.millis(i)));
        }
    }
}
