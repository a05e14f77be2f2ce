package dev.investigator.sandbox;

import java.util.SplittableRandom;

/**
 * Seeded randomness for the scenarios. Every simulated value is a pure function of its seed, so the same
 * (service, timestamp, clock) always produces the same payload, across requests, runs and JVMs.
 */
final class Noise {

    private Noise() {
    }

    /** A seed from a name, a topic and a time coordinate; uses String.hashCode, which the JLS fixes. */
    static long seed(String name, String topic, long coordinate) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h ^ name.hashCode());
        h = mix(h ^ topic.hashCode());
        h = mix(h ^ coordinate);
        return h;
    }

    static SplittableRandom random(String name, String topic, long coordinate) {
        return new SplittableRandom(seed(name, topic, coordinate));
    }

    /** A standard normal variate for this seed (mean 0, sd 1). */
    static double gaussian(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double u1 = Math.max(r.nextDouble(), 1e-12);
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A uniform variate in [0, 1) for this seed. */
    static double uniform(long seed) {
        return new SplittableRandom(seed).nextDouble();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
