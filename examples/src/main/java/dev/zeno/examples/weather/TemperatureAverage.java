package dev.zeno.examples.weather;

import dev.zeno.Socket;

/**
 * The weather client's loop over a SUB socket: collects a number of updates and averages
 * their temperature.
 */
public final class TemperatureAverage {
    private final Socket sub;

    /** Averages what {@code sub} (already connected and subscribed) receives. */
    public TemperatureAverage(Socket sub) {
        this.sub = sub;
    }

    /**
     * Receives {@code count} updates and returns the sum and count of their temperatures.
     *
     * @return the result, or null if the socket's receive timeout ran out first
     * @throws IllegalArgumentException if an update is not in the guide's form
     */
    public Result collect(int count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            String text = sub.receiveString();
            if (text == null) {
                return null;
            }
            total += WeatherUpdate.parse(text).temperature();
        }
        return new Result(count, total);
    }

    /**
     * What was collected.
     *
     * @param updates how many updates were received
     * @param totalTemperature the sum of their temperatures
     */
    public record Result(int updates, long totalTemperature) {
        /** The average temperature truncated to an integer, as the guide's C client prints it. */
        public long average() {
            return updates == 0 ? 0 : totalTemperature / updates;
        }
    }
}
