package dev.zeno.examples.pipeline;

import dev.zeno.Socket;

/** A worker's loop: receive a workload, sleep it, report an empty result to the sink. */
public final class Worker {
    private static final byte[] EMPTY = new byte[0];

    private final Socket tasks;
    private final Socket results;
    private final Runnable onTask;

    /**
     * A worker taking tasks from {@code tasks} (PULL) and sending results on {@code results}
     * (PUSH); {@code onTask} runs after each task (the guide prints a dot).
     */
    public Worker(Socket tasks, Socket results, Runnable onTask) {
        this.tasks = tasks;
        this.results = results;
        this.onTask = onTask;
    }

    /**
     * Works until {@code maxTasks} are done (0: until a socket is closed, which ends the loop
     * with a {@code SocketClosedException}).
     *
     * @return the number of tasks done
     */
    public long work(long maxTasks) throws InterruptedException {
        long done = 0;
        while (maxTasks == 0 || done < maxTasks) {
            String workload = tasks.receiveString();
            if (workload == null) {
                continue; // a receive timeout set by the caller
            }
            Thread.sleep(parseWorkload(workload));
            results.send(EMPTY);
            done++;
            onTask.run();
        }
        return done;
    }

    /** A workload in ms; anything that is not a non-negative number counts as no work. */
    static long parseWorkload(String text) {
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
