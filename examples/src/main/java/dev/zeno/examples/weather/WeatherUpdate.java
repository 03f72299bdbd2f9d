package dev.zeno.examples.weather;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * One weather update, in the guide's text form {@code "%05d %d %d"}: zipcode 0-99999,
 * temperature -80..134 and relative humidity 10..59, the ranges of the guide's C and Python
 * servers.
 *
 * @param zipcode the zipcode, 0-99999
 * @param temperature the temperature (°F in the guide)
 * @param relativeHumidity the relative humidity in percent
 */
public record WeatherUpdate(int zipcode, int temperature, int relativeHumidity) {
    /** A random update, distributed as the guide's server makes them. */
    public static WeatherUpdate random(RandomGenerator random) {
        return new WeatherUpdate(random.nextInt(100_000), random.nextInt(215) - 80, random.nextInt(50) + 10);
    }

    /**
     * Parses an update in the guide's form.
     *
     * @throws IllegalArgumentException if {@code text} is not three whitespace-separated integers
     */
    public static WeatherUpdate parse(String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 3) {
            throw new IllegalArgumentException("not a weather update (zipcode temperature humidity): '" + text + "'");
        }
        try {
            return new WeatherUpdate(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]),
                    Integer.parseInt(fields[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a weather update (zipcode temperature humidity): '" + text + "'", e);
        }
    }

    /** The update as published: {@code "%05d %d %d"}. */
    public String format() {
        return String.format(Locale.ROOT, "%05d %d %d", zipcode, temperature, relativeHumidity);
    }
}
