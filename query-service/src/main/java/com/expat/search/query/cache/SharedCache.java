package com.expat.search.query.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * The shared (L2) tier: bytes by key, shared by every instance of the service. An accelerator
 * only (contract 4.4): implementations never throw, and answer a miss when the store is down,
 * slow or full. Thread-safe.
 */
public interface SharedCache extends AutoCloseable {
  SharedCache NONE = new SharedCache() {
    @Override
    public Optional<byte[]> get(String key) {
      return Optional.empty();
    }

    @Override
    public void set(String key, byte[] value, Duration ttl) {}

    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public void close() {}
  };

  /** The stored bytes; empty when absent or when the store could not be asked in time. */
  Optional<byte[]> get(String key);

  /** Stores the bytes for {@code ttl} (whole seconds, rounded up), best effort. */
  void set(String key, byte[] value, Duration ttl);

  /** False for {@link #NONE}: no shared tier is configured. */
  default boolean enabled() {
    return true;
  }

  @Override
  void close();
}
