package com.expat.search.query.solr;

import com.expat.search.common.config.ConfigException;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The time the Solr calls of one API request may take together, so that an index that answers one
 * call slowly and then stalls still costs the request no more than this: the contract's "503 with
 * Retry-After within a second (never a hang)" holds for the request, not for each call of it.
 *
 * <p>The HTTP layer {@linkplain #start starts} it when a request arrives, on the thread that serves
 * the request, and {@linkplain #end ends} it with the response; {@link SolrIndex} gives every call
 * made on that thread meanwhile at most what is left ({@link #callLimitNanos}) and makes none once
 * nothing is. Calls on other threads (the catalog read in the background, readiness pings) belong
 * to no request and have only the client's own limits. Thread-safe: each thread sees only the
 * deadline of the request it serves.
 */
public final class RequestBudget {
  private final long budgetNanos;
  private final Ticker ticker;
  private final ThreadLocal<Deadline> current = new ThreadLocal<>();

  /** When the request's Solr calls must be done, on the ticker's scale. */
  private record Deadline(long atNanos) {
    /** Nanoseconds left at {@code now}, never negative; safe across the ticker's overflow. */
    long leftAt(long now) {
      return Math.max(0, atNanos - now);
    }
  }

  /**
   * @param budget the time of every request ({@code SOLR_REQUEST_TIMEOUT_MS} in the query service)
   * @param ticker the time source, {@link Ticker#systemTicker()} outside tests
   * @throws ConfigException when {@code budget} is not positive
   */
  public RequestBudget(Duration budget, Ticker ticker) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new ConfigException("the Solr time of a request must be positive, was " + budget);
    }
    this.budgetNanos = budget.toNanos();
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** The request served on this thread starts now: its Solr calls have the whole budget from here. */
  public void start() {
    current.set(new Deadline(ticker.read() + budgetNanos));
  }

  /** The request served on this thread has ended: calls made here are no longer bounded by it. */
  public void end() {
    current.remove();
  }

  /**
   * What is left of the budget of the request served on this thread (zero once it has run out);
   * empty on a thread serving no request.
   */
  public OptionalLong nanosLeft() {
    Deadline deadline = current.get();
    return deadline == null ? OptionalLong.empty() : OptionalLong.of(deadline.leftAt(ticker.read()));
  }

  /**
   * How long the next Solr call may take: what is left of the request's budget, and never more than
   * {@code clientLimitNanos} (a request that has most of its budget left still meets the client's
   * own limit first); on a thread serving no request, the client's limit.
   *
   * @throws IndexUnavailableException when the request's budget has run out: no call is made
   */
  long callLimitNanos(long clientLimitNanos, String core) {
    Deadline deadline = current.get();
    if (deadline == null) {
      return clientLimitNanos;
    }
    long left = deadline.leftAt(ticker.read());
    if (left == 0) {
      throw new IndexUnavailableException("the request's " + Duration.ofNanos(budgetNanos).toMillis()
          + " ms for Solr ran out before its call to core " + core, null);
    }
    return Math.min(left, clientLimitNanos);
  }
}
