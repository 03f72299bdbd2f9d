package dev.zeno.examples.demo;

import dev.zeno.SocketClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads a scenario runs its peers in (server, publisher, workers). They are daemons, so
 * a stalled peer never keeps the JVM alive; a peer ended by its context closing is a normal
 * end, any other exception is kept and reported by {@link #check()}.
 */
final class PeerThreads {
    /** A peer's body. */
    interface Body {
        void run() throws Exception;
    }

    private final String scenario;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    PeerThreads(String scenario) {
        this.scenario = scenario;
    }

    /** Starts {@code body} in a daemon thread called {@code name}. */
    void start(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (SocketClosedException | InterruptedException e) {
                // the scenario is over: the runner closed the context
            } catch (Throwable e) {
                failure.compareAndSet(null, new ScenarioFailure(name + " failed: " + e));
            }
        }, "zeno-demo-" + scenario + "-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Throws the first failure of a peer, if any. */
    void check() {
        Throwable first = failure.get();
        if (first instanceof RuntimeException e) {
            throw e;
        }
    }

    /** Waits up to {@code millis} for each peer to end. */
    void join(long millis) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(millis);
        }
    }
}
