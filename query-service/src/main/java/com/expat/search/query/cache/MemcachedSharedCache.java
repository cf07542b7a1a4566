package com.expat.search.query.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import net.rubyeye.xmemcached.exception.MemcachedException;
import net.rubyeye.xmemcached.utils.AddrUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared tier on a Memcached ring (Xmemcached, Ketama consistent hashing over the servers of
 * {@code MEMCACHED_SERVERS}; a lost server's keys go to the others until it is back). Every
 * call is bounded by {@code opTimeout}; a {@link CircuitBreaker} stops calling after consecutive
 * failures (down, slow, full) and lets a probe through later, so an outage costs at most a few
 * timeouts, then nothing. Metrics: {@code expat_memcached_breaker_state} (0 closed, 1 open,
 * 2 half-open), {@code expat_memcached_errors_total{op}}, {@code expat_memcached_skipped_total}
 * and the {@code expat_memcached_seconds{op}} timer. Thread-safe.
 */
public final class MemcachedSharedCache implements SharedCache {
  private static final Logger LOG = LoggerFactory.getLogger(MemcachedSharedCache.class);
  /** Memcached's default item limit is 1 MB; larger answers stay in L1 only. */
  private static final int MAX_VALUE_BYTES = 1_000_000;

  private final MemcachedClient client;
  private final long opTimeoutMillis;
  private final CircuitBreaker breaker;
  private final Timer getTimer;
  private final Timer setTimer;
  private final Counter getErrors;
  private final Counter setErrors;
  private final Counter skipped;

  private MemcachedSharedCache(
      MemcachedClient client, Duration opTimeout, CircuitBreaker breaker, MeterRegistry registry) {
    this.client = client;
    this.opTimeoutMillis = opTimeout.toMillis();
    this.breaker = breaker;
    this.getTimer = Timer.builder("expat.memcached").tag("op", "get").publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
    this.setTimer = Timer.builder("expat.memcached").tag("op", "set").publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
    this.getErrors = Counter.builder("expat.memcached.errors").tag("op", "get").register(registry);
    this.setErrors = Counter.builder("expat.memcached.errors").tag("op", "set").register(registry);
    this.skipped = Counter.builder("expat.memcached.skipped")
        .description("Calls not made because the breaker was open").register(registry);
    Gauge.builder("expat.memcached.breaker.state", breaker, b -> b.state().ordinal())
        .description("0 closed, 1 open, 2 half-open").register(registry);
  }

  /**
   * Connects to {@code servers} ({@code "host:port host:port"}). A server that is down now is
   * retried in the background; this never fails because of one.
   *
   * @throws IllegalArgumentException when {@code servers} cannot be parsed
   */
  public static MemcachedSharedCache connect(
      String servers, Duration connectTimeout, Duration opTimeout, CircuitBreaker breaker, MeterRegistry registry) {
    XMemcachedClientBuilder builder = new XMemcachedClientBuilder(AddrUtil.getAddresses(servers.strip()));
    builder.setConnectTimeout(connectTimeout.toMillis());
    builder.setOpTimeout(opTimeout.toMillis());
    builder.setEnableHealSession(true);
    builder.setHealSessionInterval(1_000);
    builder.setFailureMode(false);
    // Consistent hashing: when a server of the ring is lost, only its keys move (to the
    // survivors); the default locator (hash modulo the server count) would move nearly all.
    builder.setSessionLocator(new KetamaMemcachedSessionLocator());
    try {
      MemcachedClient client = builder.build();
      return new MemcachedSharedCache(client, opTimeout, breaker, registry);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the memcached client for " + servers + ": " + e.getMessage(), e);
    }
  }

  public CircuitBreaker.State breakerState() {
    return breaker.state();
  }

  @Override
  public Optional<byte[]> get(String key) {
    if (!breaker.allow()) {
      skipped.increment();
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      Object value = client.get(key, opTimeoutMillis);
      breaker.success();
      return value instanceof byte[] bytes ? Optional.of(bytes) : Optional.empty();
    } catch (TimeoutException | MemcachedException | RuntimeException e) {
      fail("get", getErrors, e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      breaker.failure();
      return Optional.empty();
    } finally {
      getTimer.record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    if (value.length > MAX_VALUE_BYTES) {
      return;
    }
    if (!breaker.allow()) {
      skipped.increment();
      return;
    }
    long start = System.nanoTime();
    int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (ttl.toMillis() + 999) / 1000));
    try {
      client.set(key, seconds, value, opTimeoutMillis);
      breaker.success();
    } catch (TimeoutException | MemcachedException | RuntimeException e) {
      fail("set", setErrors, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      breaker.failure();
    } finally {
      setTimer.record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void fail(String op, Counter errors, Exception e) {
    errors.increment();
    CircuitBreaker.State before = breaker.state();
    breaker.failure();
    if (before != CircuitBreaker.State.OPEN && breaker.state() == CircuitBreaker.State.OPEN) {
      LOG.warn("memcached {} failed ({}); not calling it for a while", op, e.toString());
    } else {
      LOG.debug("memcached {} failed", op, e);
    }
  }

  @Override
  public void close() {
    try {
      client.shutdown();
    } catch (IOException e) {
      LOG.warn("closing the memcached client failed: {}", e.toString());
    }
  }
}
