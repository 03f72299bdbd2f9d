package dev.zeno.transport;

import org.jctools.queues.MessagePassingQueue;

/*
 * The field layout of Pipe, split over a chain of superclasses so that the writer's counters,
 * the reader's counters and the read-mostly fields live on different cache lines (the JCTools
 * and Agrona way: HotSpot lays a superclass's fields out before its subclass's, and a
 * 128-byte block of padding between two groups covers the adjacent-line prefetcher too).
 * Without it `written` (stored by the writer on every message) and `read` (stored by the
 * reader on every message) shared one line with each other and with the flags both sides read
 * on every message, and that line bounced between the two cores once per message: false
 * sharing, which kept a Pipe far below the bare queue it wraps.
 */

/** Read-mostly state: set once, or written only on close and attach. */
abstract class PipeColdFields {
    final MessagePassingQueue<Object> queue;
    final long capacity;
    /** How many reads the reader accumulates before publishing its count to the writer. */
    final long publishBatch;
    volatile boolean writerClosed;
    volatile boolean readerClosed;
    volatile Waker readerWaker = Waker.NONE;
    volatile Waker writerWaker = Waker.NONE;

    PipeColdFields(MessagePassingQueue<Object> queue, long capacity, long publishBatch) {
        this.queue = queue;
        this.capacity = capacity;
        this.publishBatch = publishBatch;
    }
}

/** Padding between the read-mostly fields and the writer's counters. */
@SuppressWarnings("unused")
abstract class PipePad1 extends PipeColdFields {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

    PipePad1(MessagePassingQueue<Object> queue, long capacity, long publishBatch) {
        super(queue, capacity, publishBatch);
    }
}

/** Written by the writer only. */
abstract class PipeWriterFields extends PipePad1 {
    long written;
    long readSeenByWriter;

    PipeWriterFields(MessagePassingQueue<Object> queue, long capacity, long publishBatch) {
        super(queue, capacity, publishBatch);
    }
}

/** Padding between the writer's counters and the reader's. */
@SuppressWarnings("unused")
abstract class PipePad2 extends PipeWriterFields {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

    PipePad2(MessagePassingQueue<Object> queue, long capacity, long publishBatch) {
        super(queue, capacity, publishBatch);
    }
}

/**
 * Written by the reader only; the writer reads {@code readPublished} only when the pipe looks
 * full, so this line stays in the reader's cache in a steady stream.
 */
abstract class PipeReaderFields extends PipePad2 {
    long read;
    /** The reader's count, published in batches (release store, then a fence if the writer sleeps). */
    volatile long readPublished;

    PipeReaderFields(MessagePassingQueue<Object> queue, long capacity, long publishBatch) {
        super(queue, capacity, publishBatch);
    }
}

/** Padding after the reader's counters, against whatever the allocator puts next. */
@SuppressWarnings("unused")
abstract class PipePad3 extends PipeReaderFields {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

    PipePad3(MessagePassingQueue<Object> queue, long capacity, long publishBatch) {
        super(queue, capacity, publishBatch);
    }
}
