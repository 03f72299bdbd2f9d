/**
 * Publish-subscribe, the guide's weather feed: a PUB server that publishes
 * {@code "%05d %d %d"} updates (zipcode, temperature, relative humidity) for random zipcodes,
 * and a SUB client that averages the temperature of one zipcode prefix.
 */
package dev.zeno.examples.weather;
