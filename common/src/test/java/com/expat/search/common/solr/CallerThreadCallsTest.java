package com.expat.search.common.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallerThreadCallsTest {
  private static final long SHORT = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long LIMIT = TimeUnit.SECONDS.toNanos(20);

  private final CallerThreadCalls calls = CallerThreadCalls.shared();
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void releaseAndClearInterrupt() {
    never.countDown();
    Thread.interrupted();
  }

  /** A call that does not answer until the test ends, unless interrupted. */
  private String stall() throws IOException {
    try {
      never.await();
      return "never";
    } catch (InterruptedException e) {
      throw new IOException("interrupted", e);
    }
  }

  /** A body whose reads wait until it is closed, as a blocking socket read of a stalled answer. */
  private static final class StalledBody extends InputStream {
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int read() throws IOException {
      while (true) {
        try {
          closed.await();
          throw new IOException("closed");
        } catch (InterruptedException e) {
          // as a blocking socket read: interrupts do not end it
        }
      }
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  @Test
  void anAnswerInTimeIsReturnedOnTheCallersThread() throws Exception {
    Thread caller = Thread.currentThread();

    Thread ranOn = calls.call(Thread::currentThread, LIMIT);

    assertThat(ranOn).isSameAs(caller);
  }

  @Test
  void aCallWaitingPastItsLimitEndsWithATimeoutAndLeavesNoInterruptBehind() {
    assertThatThrownBy(() -> calls.call(this::stall, SHORT)).isInstanceOf(IOException.class).hasCauseInstanceOf(TimeoutException.class);

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void anExchangeThatIgnoresInterruptsIsEndedAtTheLimit() {
    StalledBody body = new StalledBody();

    assertThatThrownBy(() -> calls.call(() -> {
      CallerThreadCalls.endWith(body::close);
      return body.read();
    }, SHORT)).isInstanceOf(IOException.class).hasCauseInstanceOf(TimeoutException.class);

    assertThat(body.closed.getCount()).isZero();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void failuresInTimeAreRethrownAsTheyAre() {
    SolrException badRequest = new SolrException(SolrException.ErrorCode.BAD_REQUEST, "undefined field");
    SolrServerException down = new SolrServerException("down");

    assertThatThrownBy(() -> calls.call(() -> {
      throw badRequest;
    }, LIMIT)).isSameAs(badRequest);
    assertThatThrownBy(() -> calls.call(() -> {
      throw down;
    }, LIMIT)).isSameAs(down);
  }

  @Test
  void anInterruptOfTheCallersOwnIsReportedAsInterruptedAndKept() {
    assertThatThrownBy(() -> calls.call(() -> {
      Thread.currentThread().interrupt();
      throw new RuntimeException(new InterruptedException());
    }, LIMIT)).isInstanceOf(IOException.class).hasMessage("interrupted");

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aLaterCallIsNotEndedByAnEarlierCallsLimit() throws Exception {
    assertThatThrownBy(() -> calls.call(this::stall, SHORT)).isInstanceOf(IOException.class);

    CountDownLatch watchdogLooked = new CountDownLatch(3);
    String answer = calls.call(() -> {
      // the watchdog wakes at the earlier call's limit and several rounds pass while this call runs within its own
      try {
        while (!watchdogLooked.await(10, TimeUnit.MILLISECONDS)) {
          watchdogLooked.countDown();
        }
      } catch (InterruptedException e) {
        throw new IOException("interrupted", e);
      }
      return "answered";
    }, LIMIT);

    assertThat(answer).isEqualTo("answered");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void aShortLimitWakesAWatchdogSleepingUntilALongerOne() throws Exception {
    // the watchdog sleeps until the first call's limit, 20 s away; the second call's 50 ms must end it sooner
    CountDownLatch firstRunning = new CountDownLatch(1);
    Thread first = new Thread(() -> {
      try {
        calls.call(() -> {
          firstRunning.countDown();
          return stall();
        }, LIMIT);
      } catch (IOException | SolrServerException e) {
        // ended by the test's release
      }
    });
    first.start();
    firstRunning.await();
    Thread.sleep(20); // the watchdog has gone to sleep for the first call

    long start = System.nanoTime();
    assertThatThrownBy(() -> calls.call(this::stall, SHORT)).isInstanceOf(IOException.class)
        .hasCauseInstanceOf(TimeoutException.class);

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    never.countDown();
    first.join();
  }
}
