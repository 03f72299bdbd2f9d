package dev.zeno.examples.pipeline;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A batch of task workloads in milliseconds, drawn as the guide's vent draws them. */
public final class Workloads {
    /** The guide's smallest workload. */
    public static final int MIN_MS = 1;
    /** The guide's largest workload. */
    public static final int MAX_MS = 100;
    /** The mean of the guide's uniform 1-100 ms workloads: what the sink assumes per task. */
    public static final double MEAN_MS = (MIN_MS + MAX_MS) / 2.0;

    private final int[] millis;

    private Workloads(int[] millis) {
        this.millis = millis;
    }

    /** {@code tasks} workloads uniform in {@code 1..maxMillis} ms (the guide: 1..100). */
    public static Workloads random(int tasks, int maxMillis, RandomGenerator random) {
        int[] millis = new int[tasks];
        for (int i = 0; i < tasks; i++) {
            millis[i] = MIN_MS + random.nextInt(maxMillis);
        }
        return new Workloads(millis);
    }

    /** The number of tasks. */
    public int tasks() {
        return millis.length;
    }

    /** Workload {@code index} in ms. */
    public int millis(int index) {
        return millis[index];
    }

    /** The total work in ms: what one worker alone would take. */
    public long totalMillis() {
        return Arrays.stream(millis).asLongStream().sum();
    }
}
