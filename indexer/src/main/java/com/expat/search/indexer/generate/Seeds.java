package com.expat.search.indexer.generate;

import java.util.SplittableRandom;

/**
 * One independent random stream per (seed, purpose, entity): a member's attributes do not
 * depend on how many members come before or after it, and two purposes never share draws.
 */
final class Seeds {
  static final long MEMBERS = 0x6d656d62L;
  static final long CONTACTS = 0x636f6e74L;
  static final long BLOCKS = 0x626c6f63L;
  static final long EVENTS = 0x6576656eL;
  static final long RSVPS = 0x72737670L;

  private Seeds() {}

  static SplittableRandom random(long seed, long purpose, long id) {
    return new SplittableRandom(mix(mix(seed ^ mix(purpose)) + id));
  }

  /** A well-mixed 64-bit hash (SplitMix64's finaliser). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A deterministic fraction in [0, 1) from a hash. */
  static double fraction(long hash) {
    return (mix(hash) >>> 11) * 0x1.0p-53;
  }
}
