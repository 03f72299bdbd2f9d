/*
 * zmqperf: libzmq's perf tools (local_thr, remote_thr, local_lat, remote_lat, inproc_thr,
 * inproc_lat) plus pubsub_thr, in one small C program, with the same arguments and output
 * lines as bench/'s Java tools. Part of Zeno's bench: `compare` builds it with gcc and runs it
 * as the libzmq side of each pair.
 *
 * It needs only the libzmq shared library (libzmq5, which python3-zmq pulls in), not its
 * headers: the few declarations below follow libzmq 4.x's stable C ABI. Build with
 *     gcc -O2 -o zmqperf zmqperf.c /usr/lib/x86_64-linux-gnu/libzmq.so.5 -lpthread
 * or, with libzmq3-dev installed, add -DZMQPERF_USE_ZMQ_H and link with -lzmq.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef ZMQPERF_USE_ZMQ_H
#include <zmq.h>
#else
typedef struct zmq_msg_t {
    unsigned char _[64] __attribute__((aligned(sizeof(void *))));
} zmq_msg_t;
void *zmq_ctx_new(void);
int zmq_ctx_term(void *context);
void *zmq_socket(void *context, int type);
int zmq_close(void *s);
int zmq_bind(void *s, const char *addr);
int zmq_connect(void *s, const char *addr);
int zmq_setsockopt(void *s, int option, const void *optval, size_t optvallen);
int zmq_getsockopt(void *s, int option, void *optval, size_t *optvallen);
int zmq_msg_init(zmq_msg_t *msg);
int zmq_msg_init_size(zmq_msg_t *msg, size_t size);
void *zmq_msg_data(zmq_msg_t *msg);
size_t zmq_msg_size(const zmq_msg_t *msg);
int zmq_msg_send(zmq_msg_t *msg, void *s, int flags);
int zmq_msg_recv(zmq_msg_t *msg, void *s, int flags);
int zmq_msg_close(zmq_msg_t *msg);
int zmq_send(void *s, const void *buf, size_t len, int flags);
int zmq_errno(void);
const char *zmq_strerror(int errnum);
void zmq_version(int *major, int *minor, int *patch);
#define ZMQ_PUB 1
#define ZMQ_SUB 2
#define ZMQ_REQ 3
#define ZMQ_REP 4
#define ZMQ_PULL 7
#define ZMQ_PUSH 8
#define ZMQ_SUBSCRIBE 6
#define ZMQ_LINGER 17
#define ZMQ_SNDHWM 23
#define ZMQ_RCVHWM 24
#define ZMQ_RCVTIMEO 27
#define ZMQ_LAST_ENDPOINT 32
#endif

/* ------------------------------------------------------------------------------ helpers */

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

static void die(const char *what) {
    printf("error in %s: %s\n", what, zmq_strerror(zmq_errno()));
    fflush(stdout);
    exit(255);
}

static void setint(void *s, int option, int value, const char *what) {
    if (zmq_setsockopt(s, option, &value, sizeof value) != 0)
        die(what);
}

static void print_thr(int size, long count, uint64_t elapsed_ns) {
    double elapsed_us = elapsed_ns / 1000.0;
    if (elapsed_us < 1)
        elapsed_us = 1;
    double throughput = (double) count / elapsed_us * 1000000;
    double megabits = throughput * size * 8 / 1000000;
    printf("message size: %d [B]\n", size);
    printf("message count: %ld\n", count);
    printf("mean throughput: %ld [msg/s]\n", (long) throughput);
    printf("mean throughput: %.3f [Mb/s]\n", megabits);
}

/* the same log-linear histogram as bench's Histogram.java */
#define H_LINEAR 128
#define H_SUB 64
#define H_BUCKETS (H_LINEAR + (63 - 7) * H_SUB)
typedef struct {
    uint64_t counts[H_BUCKETS];
    uint64_t total, max, min;
} histogram_t;

static int h_index(uint64_t v) {
    if (v < H_LINEAR)
        return (int) v;
    int msb = 63 - __builtin_clzll(v);
    int top = (int) (v >> (msb - 6));
    return H_LINEAR + (msb - 7) * H_SUB + (top - H_SUB);
}

static uint64_t h_lower(int index) {
    if (index < H_LINEAR)
        return (uint64_t) index;
    int k = index - H_LINEAR;
    int msb = 7 + k / H_SUB;
    uint64_t top = H_SUB + k % H_SUB;
    return top << (msb - 6);
}

static void h_record(histogram_t *h, uint64_t v) {
    h->counts[h_index(v)]++;
    h->total++;
    if (v > h->max)
        h->max = v;
    if (h->total == 1 || v < h->min)
        h->min = v;
}

static uint64_t h_percentile(const histogram_t *h, double p) {
    if (h->total == 0)
        return 0;
    uint64_t rank = (uint64_t) (p / 100.0 * h->total + 0.999999999);
    if (rank < 1)
        rank = 1;
    if (rank > h->total)
        rank = h->total;
    uint64_t seen = 0;
    for (int i = 0; i < H_BUCKETS; i++) {
        seen += h->counts[i];
        if (seen >= rank) {
            uint64_t low = h_lower(i);
            uint64_t mid = i < H_LINEAR ? low : low + (h_lower(i + 1) - low) / 2;
            if (mid > h->max)
                mid = h->max;
            if (mid < h->min)
                mid = h->min;
            return mid;
        }
    }
    return h->max;
}

static void print_lat(int size, long count, uint64_t elapsed_ns, const histogram_t *h) {
    printf("message size: %d [B]\n", size);
    printf("roundtrip count: %ld\n", count);
    printf("average latency: %.3f [us]\n", elapsed_ns / 1000.0 / (count * 2.0));
    if (h) {
        printf("roundtrip p50: %.3f [us]\n", h_percentile(h, 50) / 1000.0);
        printf("roundtrip p99: %.3f [us]\n", h_percentile(h, 99) / 1000.0);
        printf("roundtrip p99.9: %.3f [us]\n", h_percentile(h, 99.9) / 1000.0);
        printf("roundtrip max: %.3f [us]\n", h->max / 1000.0);
    }
}

/* ------------------------------------------------------------------------------ throughput */

static int receive_and_report(void *s, int size, long count) {
    zmq_msg_t msg;
    if (zmq_msg_init(&msg) != 0)
        die("zmq_msg_init");
    if (zmq_msg_recv(&msg, s, 0) < 0)
        die("zmq_msg_recv");
    if ((int) zmq_msg_size(&msg) != size) {
        printf("message of incorrect size received\n");
        return 255;
    }
    uint64_t start = now_ns();
    for (long i = 0; i != count - 1; i++) {
        if (zmq_msg_recv(&msg, s, 0) < 0)
            die("zmq_msg_recv");
        if ((int) zmq_msg_size(&msg) != size) {
            printf("message of incorrect size received\n");
            return 255;
        }
    }
    uint64_t elapsed = now_ns() - start;
    zmq_msg_close(&msg);
    print_thr(size, count, elapsed);
    return 0;
}

static void send_all(void *s, int size, long count) {
    for (long i = 0; i != count; i++) {
        zmq_msg_t msg;
        if (zmq_msg_init_size(&msg, size) != 0)
            die("zmq_msg_init_size");
        if (zmq_msg_send(&msg, s, 0) < 0)
            die("zmq_msg_send");
        zmq_msg_close(&msg);
    }
}

static int local_thr(const char *endpoint, int size, long count) {
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_PULL);
    if (zmq_bind(s, endpoint) != 0)
        die("zmq_bind");
    int rc = receive_and_report(s, size, count);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return rc;
}

static int remote_thr(const char *endpoint, int size, long count) {
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_PUSH);
    setint(s, ZMQ_LINGER, -1, "zmq_setsockopt(ZMQ_LINGER)");
    if (zmq_connect(s, endpoint) != 0)
        die("zmq_connect");
    send_all(s, size, count);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}

struct thr_args {
    void *ctx;
    int size;
    long count;
};

static void *inproc_thr_worker(void *p) {
    struct thr_args *a = p;
    void *s = zmq_socket(a->ctx, ZMQ_PUSH);
    if (zmq_connect(s, "inproc://thr_test") != 0)
        die("zmq_connect");
    send_all(s, a->size, a->count);
    zmq_close(s);
    return NULL;
}

static int inproc_thr(int size, long count) {
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_PULL);
    if (zmq_bind(s, "inproc://thr_test") != 0)
        die("zmq_bind");
    struct thr_args a = {ctx, size, count};
    pthread_t t;
    pthread_create(&t, NULL, inproc_thr_worker, &a);
    int rc = receive_and_report(s, size, count);
    pthread_join(t, NULL);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return rc;
}

/* ------------------------------------------------------------------------------ latency */

static int echo(void *s, int size, long count) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    for (long i = 0; i != count; i++) {
        if (zmq_msg_recv(&msg, s, 0) < 0)
            die("zmq_msg_recv");
        if ((int) zmq_msg_size(&msg) != size) {
            printf("message of incorrect size received\n");
            return 255;
        }
        if (zmq_msg_send(&msg, s, 0) < 0)
            die("zmq_msg_send");
    }
    zmq_msg_close(&msg);
    return 0;
}

static int round_trips(void *s, int size, long count, long warmup, int percentiles) {
    histogram_t *h = percentiles ? calloc(1, sizeof(histogram_t)) : NULL;
    zmq_msg_t msg;
    if (zmq_msg_init_size(&msg, size) != 0)
        die("zmq_msg_init_size");
    memset(zmq_msg_data(&msg), 0, size);
    for (long i = 0; i != warmup; i++) {
        if (zmq_msg_send(&msg, s, 0) < 0)
            die("zmq_msg_send");
        if (zmq_msg_recv(&msg, s, 0) < 0)
            die("zmq_msg_recv");
    }
    uint64_t start = now_ns();
    uint64_t t0 = start;
    for (long i = 0; i != count; i++) {
        if (zmq_msg_send(&msg, s, 0) < 0)
            die("zmq_msg_send");
        if (zmq_msg_recv(&msg, s, 0) < 0)
            die("zmq_msg_recv");
        if (h) {
            uint64_t t1 = now_ns();
            h_record(h, t1 - t0);
            t0 = t1;
        }
        if ((int) zmq_msg_size(&msg) != size) {
            printf("message of incorrect size received\n");
            return 255;
        }
    }
    uint64_t elapsed = now_ns() - start;
    zmq_msg_close(&msg);
    print_lat(size, count, elapsed, h);
    free(h);
    return 0;
}

static int local_lat(const char *endpoint, int size, long count) {
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_REP);
    setint(s, ZMQ_LINGER, -1, "zmq_setsockopt(ZMQ_LINGER)");
    if (zmq_bind(s, endpoint) != 0)
        die("zmq_bind");
    int rc = echo(s, size, count);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return rc;
}

static int remote_lat(const char *endpoint, int size, long count, long warmup, int percentiles) {
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_REQ);
    if (zmq_connect(s, endpoint) != 0)
        die("zmq_connect");
    int rc = round_trips(s, size, count, warmup, percentiles);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return rc;
}

struct lat_args {
    void *ctx;
    int size;
    long count;
    long warmup;
    int percentiles;
    int rc;
};

static void *inproc_lat_worker(void *p) {
    struct lat_args *a = p;
    void *s = zmq_socket(a->ctx, ZMQ_REQ);
    if (zmq_connect(s, "inproc://lat_test") != 0)
        die("zmq_connect");
    a->rc = round_trips(s, a->size, a->count, a->warmup, a->percentiles);
    zmq_close(s);
    return NULL;
}

static int inproc_lat(int size, long count, long warmup, int percentiles) {
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_REP);
    if (zmq_bind(s, "inproc://lat_test") != 0)
        die("zmq_bind");
    struct lat_args a = {ctx, size, count, warmup, percentiles, 0};
    pthread_t t;
    pthread_create(&t, NULL, inproc_lat_worker, &a);
    int rc = echo(s, size, count + warmup);
    pthread_join(t, NULL);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return rc ? rc : a.rc;
}

/* ------------------------------------------------------------------------------ pub/sub */

struct sub_state {
    pthread_t thread;
    void *socket;
    int size;
    volatile int stop;
    int *ready;
    int *done;
    long count;
    long received;
    /* a data message's arrival time and how many had arrived then: the clock is read for the
       first, every 64th and the count-th only, as the Java subscribers do */
    uint64_t stamped_ns;
    long stamped_count;
    int wrong_size;
};

static void *sub_main(void *p) {
    struct sub_state *st = p;
    int saw_probe = 0, saw_end = 0;
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    int expected = st->size < 1 ? 1 : st->size;
    while (!__atomic_load_n(&st->stop, __ATOMIC_ACQUIRE)) {
        if (zmq_msg_recv(&msg, st->socket, 0) < 0)
            continue; /* EAGAIN: receive timeout */
        size_t n = zmq_msg_size(&msg);
        char kind = n ? ((char *) zmq_msg_data(&msg))[0] : 0;
        if (kind == 'D') {
            st->received++;
            if (st->received % 64 == 0 || st->received == 1 || st->received == st->count) {
                st->stamped_ns = now_ns();
                st->stamped_count = st->received;
            }
            if ((int) n != expected)
                st->wrong_size = 1;
        } else if (kind == 'W' && !saw_probe) {
            saw_probe = 1;
            __atomic_add_fetch(st->ready, 1, __ATOMIC_SEQ_CST);
        } else if (kind == 'E' && !saw_end) {
            saw_end = 1;
            __atomic_add_fetch(st->done, 1, __ATOMIC_SEQ_CST);
        }
    }
    zmq_msg_close(&msg);
    zmq_close(st->socket);
    return NULL;
}

static int pubsub_thr(const char *endpoint, int size, long count, int subscribers, int lossless) {
    int hwm = lossless ? 0 : 1000;
    int payload = size < 1 ? 1 : size;
    char *data = calloc(1, payload);
    data[0] = 'D';
    void *ctx = zmq_ctx_new();
    void *pub = zmq_socket(ctx, ZMQ_PUB);
    setint(pub, ZMQ_SNDHWM, hwm, "zmq_setsockopt(ZMQ_SNDHWM)");
    setint(pub, ZMQ_RCVHWM, hwm, "zmq_setsockopt(ZMQ_RCVHWM)");
    setint(pub, ZMQ_LINGER, 0, "zmq_setsockopt(ZMQ_LINGER)");
    if (zmq_bind(pub, endpoint) != 0)
        die("zmq_bind");
    char bound[256];
    size_t bound_len = sizeof bound;
    if (zmq_getsockopt(pub, ZMQ_LAST_ENDPOINT, bound, &bound_len) != 0 || strchr(bound, '*'))
        snprintf(bound, sizeof bound, "%s", endpoint);
    int ready = 0, done = 0;
    struct sub_state *subs = calloc(subscribers, sizeof *subs);
    for (int i = 0; i < subscribers; i++) {
        void *s = zmq_socket(ctx, ZMQ_SUB);
        setint(s, ZMQ_SNDHWM, hwm, "zmq_setsockopt(ZMQ_SNDHWM)");
        setint(s, ZMQ_RCVHWM, hwm, "zmq_setsockopt(ZMQ_RCVHWM)");
        setint(s, ZMQ_LINGER, 0, "zmq_setsockopt(ZMQ_LINGER)");
        for (int f = 0; f < 8; f++) {
            char never[16];
            int len = snprintf(never, sizeof never, "X%d-never", f);
            zmq_setsockopt(s, ZMQ_SUBSCRIBE, never, len);
        }
        zmq_setsockopt(s, ZMQ_SUBSCRIBE, "D", 1);
        zmq_setsockopt(s, ZMQ_SUBSCRIBE, "W", 1);
        zmq_setsockopt(s, ZMQ_SUBSCRIBE, "E", 1);
        setint(s, ZMQ_RCVTIMEO, 100, "zmq_setsockopt(ZMQ_RCVTIMEO)");
        if (zmq_connect(s, bound) != 0)
            die("zmq_connect");
        subs[i].socket = s;
        subs[i].size = size;
        subs[i].count = count;
        subs[i].ready = &ready;
        subs[i].done = &done;
    }
    for (int i = 0; i < subscribers; i++)
        pthread_create(&subs[i].thread, NULL, sub_main, &subs[i]);
    uint64_t deadline = now_ns() + 20000000000ull;
    while (__atomic_load_n(&ready, __ATOMIC_SEQ_CST) < subscribers) {
        if (now_ns() > deadline) {
            printf("error: subscribers did not join within 20 s\n");
            return 255;
        }
        zmq_send(pub, "W", 1, 0);
        usleep(5000);
    }
    uint64_t start = now_ns();
    for (long i = 0; i < count; i++)
        if (zmq_send(pub, data, payload, 0) < 0)
            die("zmq_send");
    uint64_t pub_end = now_ns();
    deadline = now_ns() + (lossless ? 120000000000ull : 10000000000ull);
    while (__atomic_load_n(&done, __ATOMIC_SEQ_CST) < subscribers && now_ns() < deadline) {
        zmq_send(pub, "E", 1, 0);
        usleep(1000);
    }
    for (int i = 0; i < subscribers; i++)
        __atomic_store_n(&subs[i].stop, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < subscribers; i++)
        pthread_join(subs[i].thread, NULL);

    printf("message size: %d [B]\n", size);
    printf("message count: %ld\n", count);
    printf("subscribers: %d\n", subscribers);
    printf("mode: %s\n", lossless ? "lossless" : "drop");
    double pub_secs = (pub_end - start) / 1e9;
    printf("publisher rate: %ld [msg/s]\n", (long) (count / (pub_secs > 0 ? pub_secs : 1e-9)));
    double rate_sum = 0, drop_sum = 0;
    uint64_t slowest = start;
    int complete = 1;
    for (int i = 0; i < subscribers; i++) {
        struct sub_state *st = &subs[i];
        uint64_t last = st->stamped_count ? st->stamped_ns : start;
        double secs = (last - start) / 1e9;
        double rate = st->stamped_count ? st->stamped_count / (secs > 0 ? secs : 1e-9) : 0;
        double drop = 100.0 * (count - st->received) / count;
        rate_sum += rate;
        drop_sum += drop;
        if (last > slowest)
            slowest = last;
        if (st->received != count)
            complete = 0;
        printf("subscriber %d: received %ld (%.2f%% dropped), %ld [msg/s]%s\n", i + 1, st->received, drop,
               (long) rate, st->wrong_size ? " (WRONG SIZES)" : "");
    }
    printf("mean delivered rate per subscriber: %ld [msg/s]\n", (long) (rate_sum / subscribers));
    printf("mean drop: %.2f [%%]\n", drop_sum / subscribers);
    if (lossless) {
        if (complete)
            printf("all subscribers complete: %ld [msg/s]\n", (long) (count / ((slowest - start) / 1e9)));
        else
            printf("all subscribers complete: incomplete (messages lost in lossless mode)\n");
    }
    zmq_close(pub);
    zmq_ctx_term(ctx);
    free(subs);
    free(data);
    return 0;
}

/* ------------------------------------------------------------------------------ main */

static int usage(const char *tool) {
    if (!strcmp(tool, "local_thr"))
        printf("usage: local_thr <bind-to> <message-size> <message-count>\n");
    else if (!strcmp(tool, "remote_thr"))
        printf("usage: remote_thr <connect-to> <message-size> <message-count>\n");
    else if (!strcmp(tool, "local_lat"))
        printf("usage: local_lat <bind-to> <message-size> <roundtrip-count>\n");
    else if (!strcmp(tool, "remote_lat"))
        printf("usage: remote_lat <connect-to> <message-size> <roundtrip-count>\n");
    else if (!strcmp(tool, "inproc_thr"))
        printf("usage: inproc_thr <message-size> <message-count>\n");
    else if (!strcmp(tool, "inproc_lat"))
        printf("usage: inproc_lat <message-size> <roundtrip-count>\n");
    else if (!strcmp(tool, "pubsub_thr"))
        printf("usage: pubsub_thr <bind-to> <message-size> <message-count> <subscribers> [--lossless]\n");
    else
        printf("usage: zmqperf version | local_thr | remote_thr | local_lat | remote_lat | inproc_thr | "
               "inproc_lat | pubsub_thr ...\n");
    return 1;
}

int main(int argc, char *argv[]) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2)
        return usage("");
    const char *tool = argv[1];
    int percentiles = 0, lossless = 0;
    long warmup = 0;
    const char *pos[8];
    int npos = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--percentiles"))
            percentiles = 1;
        else if (!strcmp(argv[i], "--lossless"))
            lossless = 1;
        else if (!strcmp(argv[i], "--warmup") && i + 1 < argc)
            warmup = atol(argv[++i]);
        else if (npos < 8)
            pos[npos++] = argv[i];
    }
    if (!strcmp(tool, "version")) {
        int major, minor, patch;
        zmq_version(&major, &minor, &patch);
        printf("libzmq %d.%d.%d\n", major, minor, patch);
        return 0;
    }
    if (!strncmp(tool, "inproc_", 7)) {
        if (npos != 2)
            return usage(tool);
        int size = atoi(pos[0]);
        long count = atol(pos[1]);
        if (!strcmp(tool, "inproc_thr"))
            return inproc_thr(size, count);
        if (!strcmp(tool, "inproc_lat"))
            return inproc_lat(size, count, warmup, percentiles);
        return usage("");
    }
    if (!strcmp(tool, "pubsub_thr")) {
        if (npos != 4)
            return usage(tool);
        return pubsub_thr(pos[0], atoi(pos[1]), atol(pos[2]), atoi(pos[3]), lossless);
    }
    if (npos != 3)
        return usage(tool);
    int size = atoi(pos[1]);
    long count = atol(pos[2]);
    if (!strcmp(tool, "local_thr"))
        return local_thr(pos[0], size, count);
    if (!strcmp(tool, "remote_thr"))
        return remote_thr(pos[0], size, count);
    if (!strcmp(tool, "local_lat"))
        return local_lat(pos[0], size, count);
    if (!strcmp(tool, "remote_lat"))
        return remote_lat(pos[0], size, count, warmup, percentiles);
    return usage("");
}
