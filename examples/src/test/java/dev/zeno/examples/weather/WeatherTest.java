package dev.zeno.examples.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.support.RoleRun;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The weather feed's payloads and loops, over inproc. */
class WeatherTest {
    @Test
    void updatesHaveTheGuidesFormAndRanges() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            WeatherUpdate update = WeatherUpdate.random(random);
            String text = update.format();
            assertTrue(text.matches("\\d{5} -?\\d+ \\d+"), text);
            assertTrue(update.temperature() >= -80 && update.temperature() <= 134, text);
            assertTrue(update.relativeHumidity() >= 10 && update.relativeHumidity() <= 59, text);
            assertEquals(update, WeatherUpdate.parse(text));
        }
        assertEquals("00042 -7 33", new WeatherUpdate(42, -7, 33).format());
        assertEquals(new WeatherUpdate(10001, 72, 35), WeatherUpdate.parse("10001 72 35"));
        assertThrows(IllegalArgumentException.class, () -> WeatherUpdate.parse("hello"));
    }

    @Test
    void subscriberAveragesOnlyItsZipcodePrefix() throws Exception {
        try (Context ctx = new Context()) {
            Socket pub = ctx.socket(SocketType.PUB);
            pub.bind("inproc://weather");
            Socket sub = ctx.socket(SocketType.SUB);
            sub.setReceiveTimeout(Duration.ofSeconds(10));
            sub.connect("inproc://weather");
            sub.subscribe("1");
            AtomicBoolean stop = new AtomicBoolean();
            Thread station = new Thread(() -> new WeatherStation(pub, new SplittableRandom(3)).publishUntil(stop::get));
            station.start();
            TemperatureAverage.Result result;
            try {
                result = new TemperatureAverage(sub).collect(50);
            } finally {
                stop.set(true);
                station.join(5000);
            }
            assertNotNull(result);
            assertEquals(50, result.updates());
            assertTrue(result.average() >= -80 && result.average() <= 134, String.valueOf(result.average()));
        }
    }

    @Test
    void clientGivesUpWhenNoUpdateComes() {
        RoleRun run = RoleRun.of("wuclient", "--connect", "inproc://silent", "--timeout-ms", "200", "--count", "1");
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no weather update"), run.toString());
    }
}
