package dev.zeno.examples.demo;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.weather.WeatherStation;
import dev.zeno.examples.weather.WeatherUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The weather feed: a PUB server publishes random updates until a SUB client, subscribed to
 * one zipcode prefix, has collected enough of them. The publisher keeps going until then, so
 * the updates lost while the subscription travels (the guide's "slow joiner") do not matter.
 */
final class WeatherScenario implements Scenario {
    private final int updates;
    private final String zipPrefix;
    private final Duration updateTimeout;

    WeatherScenario(int updates, String zipPrefix, Duration updateTimeout) {
        this.updates = updates;
        this.zipPrefix = zipPrefix;
        this.updateTimeout = updateTimeout;
    }

    @Override
    public String name() {
        return "weather";
    }

    @Override
    public String run(Context ctx, DemoTransport transport, Path ipcDirectory) throws Exception {
        Socket pub = ctx.socket(SocketType.PUB);
        String endpoint = transport.bind(pub, "weather", ipcDirectory);
        Socket sub = ctx.socket(SocketType.SUB);
        sub.setReceiveTimeout(updateTimeout);
        sub.connect(endpoint);
        sub.subscribe(zipPrefix);

        AtomicBoolean enough = new AtomicBoolean();
        AtomicLong published = new AtomicLong();
        PeerThreads peers = new PeerThreads(name());
        peers.start("publisher", () -> published.set(
                new WeatherStation(pub, new SplittableRandom(42)).publishUntil(enough::get)));

        long start = System.nanoTime();
        long totalTemperature = 0;
        for (int i = 0; i < updates; i++) {
            String text = sub.receiveString();
            if (text == null) {
                peers.check();
                throw new ScenarioFailure("no update for zipcode prefix '" + zipPrefix + "' within "
                        + updateTimeout.toMillis() + " ms (" + i + " of " + updates + " received)");
            }
            if (!text.startsWith(zipPrefix)) {
                throw new ScenarioFailure("subscribed to '" + zipPrefix + "' but received '" + text + "'");
            }
            totalTemperature += WeatherUpdate.parse(text).temperature();
        }
        long nanos = System.nanoTime() - start;
        enough.set(true);
        peers.join(2000);
        peers.check();
        return String.format(java.util.Locale.ROOT,
                "%d updates for zipcodes %s* (average %dF) out of %,d published in %s (%s)",
                updates, zipPrefix, totalTemperature / updates, published.get(), Rates.millis(nanos),
                Rates.rate(published.get(), nanos));
    }
}
