package dev.zeno.bench.jmh;

/**
 * Inproc PUSH/PULL throughput at 16 B, 256 B and 4 KiB; see {@link PushPullBase} for how it
 * is measured and what {@code lib} means.
 */
public class InprocPushPullBench extends PushPullBase {
    @Override
    protected String endpoint() {
        return "inproc://jmh-push-pull";
    }
}
