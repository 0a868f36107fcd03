package ru.vpr.generate;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the run seed and a path of names and numbers
 * (school, year, class, work...). Each unit draws from its own stream, so results do not depend on
 * the order in which units are generated or on how many threads generate them.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom random(long seed, Object... path) {
    return new SplittableRandom(mix(seed, path));
  }

  static long mix(long seed, Object... path) {
    long h = splitMix(seed ^ 0x5DEECE66DL);
    for (Object part : path) {
      h = splitMix(h ^ partHash(part));
    }
    return h;
  }

  /** A stable 64-bit hash: String.hashCode is specified, but 32 bits collide too easily. */
  private static long partHash(Object part) {
    if (part instanceof Number n) return splitMix(n.longValue() * 0x9E3779B97F4A7C15L + 17);
    String s = String.valueOf(part);
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long splitMix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static double gaussian(SplittableRandom r) {
    // Box-Muller written out so that the stream is fixed by this code, not by a JDK default method.
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  static <T> T pick(SplittableRandom r, java.util.List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
