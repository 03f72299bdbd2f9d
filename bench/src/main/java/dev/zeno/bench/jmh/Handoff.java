package dev.zeno.bench.jmh;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.zeno.socket.SocketWaker;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Pipe;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.SpscArrayQueue;

/**
 * One producer handing messages to N consumers, each seeing every message, built three ways
 * for {@link HandoffBench} and {@link FanOutBench}:
 * {@code jctools-spsc} (one {@link SpscArrayQueue} per consumer), {@code zeno-pipe} (one Zeno
 * {@link Pipe} per consumer, written and flushed per message as an inproc socket does: no
 * fence, see SocketWaker) and
 * {@code disruptor} (one LMAX ring with N event processors). Every ring or queue holds 1024
 * entries; every waiting side spins 100 times and then yields (the Disruptor's
 * YieldingWaitStrategy; {@link Idle} for the others).
 */
abstract class Handoff {
    static final int CAPACITY = 1024;

    /** Messages each consumer has seen. */
    final AtomicLong[] seen;
    volatile boolean stop;

    Handoff(int consumers) {
        seen = new AtomicLong[consumers];
        for (int i = 0; i < consumers; i++) {
            seen[i] = new PaddedCounter();
        }
    }

    static Handoff create(String kind, int consumers) {
        switch (kind) {
            case "jctools-spsc":
                return new Spsc(consumers);
            case "zeno-pipe":
                return new Pipes(consumers);
            case "disruptor":
                return new Ring(consumers);
            default:
                throw new IllegalArgumentException("unknown hand-off '" + kind + "'");
        }
    }

    /** Hands one message to every consumer (blocking while a queue is full). Producer thread only. */
    abstract void publish(Msg msg);

    /** Waits until every consumer has seen {@code total} messages. */
    void await(long total) {
        for (AtomicLong s : seen) {
            Idle.awaitAtLeast(s, total, 30_000);
        }
    }

    abstract void stop() throws InterruptedException;

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** An AtomicLong padded against false sharing with its neighbours. */
    @SuppressWarnings("unused")
    static final class PaddedCounter extends AtomicLong {
        long p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14;
    }

    private static final class Spsc extends Handoff {
        private final SpscArrayQueue<Msg>[] queues;
        private final Thread[] threads;

        @SuppressWarnings("unchecked")
        Spsc(int consumers) {
            super(consumers);
            queues = new SpscArrayQueue[consumers];
            threads = new Thread[consumers];
            for (int i = 0; i < consumers; i++) {
                SpscArrayQueue<Msg> q = new SpscArrayQueue<>(CAPACITY);
                AtomicLong counter = seen[i];
                queues[i] = q;
                threads[i] = daemon(() -> {
                    long count = 0;
                    int tries = 0;
                    while (!stop) {
                        Msg m = q.relaxedPoll();
                        if (m == null) {
                            Idle.idle(tries++);
                        } else {
                            tries = 0;
                            counter.lazySet(++count);
                        }
                    }
                }, "spsc-consumer-" + i);
                threads[i].start();
            }
        }

        @Override
        void publish(Msg msg) {
            for (SpscArrayQueue<Msg> q : queues) {
                int tries = 0;
                while (!q.relaxedOffer(msg)) {
                    Idle.idle(tries++);
                }
            }
        }

        @Override
        void stop() throws InterruptedException {
            stop = true;
            for (Thread t : threads) {
                t.join(5_000);
            }
        }
    }

    /**
     * The waker an inproc socket puts on its pipes (settling, so a flush needs no fence; see
     * SocketWaker). The consumers here never sleep, so it never has anyone to wake.
     */
    private static SocketWaker inprocSocketWaker() {
        SocketWaker waker = new SocketWaker();
        waker.settleArms();
        return waker;
    }

    private static final class Pipes extends Handoff {
        private final Pipe[] pipes;
        private final Thread[] threads;

        Pipes(int consumers) {
            super(consumers);
            pipes = new Pipe[consumers];
            threads = new Thread[consumers];
            for (int i = 0; i < consumers; i++) {
                Pipe p = new Pipe(CAPACITY);
                p.setReaderWaker(inprocSocketWaker());
                AtomicLong counter = seen[i];
                pipes[i] = p;
                threads[i] = daemon(() -> {
                    long count = 0;
                    int tries = 0;
                    while (!stop) {
                        Msg m = p.read();
                        if (m == null) {
                            Idle.idle(tries++);
                        } else {
                            tries = 0;
                            counter.lazySet(++count);
                        }
                    }
                }, "pipe-consumer-" + i);
                threads[i].start();
            }
        }

        @Override
        void publish(Msg msg) {
            for (Pipe p : pipes) {
                int tries = 0;
                while (!p.write(msg)) {
                    Idle.idle(tries++);
                }
                p.flush();
            }
        }

        @Override
        void stop() throws InterruptedException {
            stop = true;
            for (Thread t : threads) {
                t.join(5_000);
            }
        }
    }

    /** The ring's slot. */
    static final class Slot {
        Msg msg;
    }

    private static final class Ring extends Handoff {
        private final Disruptor<Slot> disruptor;
        private final RingBuffer<Slot> ring;

        @SuppressWarnings("unchecked")
        Ring(int consumers) {
            super(consumers);
            disruptor = new Disruptor<>(Slot::new, CAPACITY, r -> daemon(r, "disruptor-consumer"),
                    ProducerType.SINGLE, new YieldingWaitStrategy());
            EventHandler<Slot>[] handlers = new EventHandler[consumers];
            for (int i = 0; i < consumers; i++) {
                AtomicLong counter = seen[i];
                handlers[i] = new EventHandler<>() {
                    private long count;

                    @Override
                    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
                        if (slot.msg != null) {
                            counter.lazySet(++count);
                        }
                    }
                };
            }
            disruptor.handleEventsWith(handlers);
            ring = disruptor.start();
        }

        @Override
        void publish(Msg msg) {
            long seq = ring.next();
            ring.get(seq).msg = msg;
            ring.publish(seq);
        }

        @Override
        void stop() {
            disruptor.halt();
        }
    }
}
