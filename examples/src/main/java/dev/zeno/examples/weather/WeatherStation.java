package dev.zeno.examples.weather;

import dev.zeno.Socket;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/** The weather server's loop over a bound PUB socket: random updates, as fast as it can. */
public final class WeatherStation {
    private final Socket pub;
    private final RandomGenerator random;

    /** A station publishing on {@code pub}, drawing updates from {@code random}. */
    public WeatherStation(Socket pub, RandomGenerator random) {
        this.pub = pub;
        this.random = random;
    }

    /**
     * Publishes until {@code stop} says so (it is asked once per update) or the socket is
     * closed ({@code SocketClosedException}). A PUB socket drops what its subscribers cannot
     * take, so this never blocks.
     *
     * @return the number of updates published
     */
    public long publishUntil(BooleanSupplier stop) {
        long published = 0;
        while (!stop.getAsBoolean()) {
            pub.send(WeatherUpdate.random(random).format());
            published++;
        }
        return published;
    }
}
