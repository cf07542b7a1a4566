package com.expat.search.common.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedCallsTest {
  private static final long SECOND_AFTER = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long LIMIT = TimeUnit.SECONDS.toNanos(20);

  private final BoundedCalls calls = new BoundedCalls("test-call");
  private final AtomicInteger attempts = new AtomicInteger();
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void releaseStalledCalls() {
    never.countDown();
  }

  /** A call that does not answer until the test ends (it is abandoned and interrupted before). */
  private void stall() throws IOException {
    try {
      never.await();
    } catch (InterruptedException e) {
      throw new IOException("abandoned", e);
    }
  }

  @Test
  void aStalledFirstAttemptIsOvertakenByTheSecond() throws Exception {
    String answer = calls.callWithSecondChance(attempt -> () -> {
      attempts.incrementAndGet();
      if (attempt == 0) {
        stall();
      }
      return "attempt " + attempt;
    }, SECOND_AFTER, LIMIT, e -> true);

    assertThat(answer).isEqualTo("attempt 1");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aFirstAttemptThatFailsIsTriedOnceMoreAtOnce() throws Exception {
    String answer = calls.callWithSecondChance(attempt -> () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new SolrServerException("No live SolrServers available");
      }
      return "second";
    }, LIMIT, LIMIT, e -> true);

    assertThat(answer).isEqualTo("second");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aFastFirstAnswerIsTheOnlyAttempt() throws Exception {
    String answer = calls.<String>callWithSecondChance(attempt -> () -> attempts.incrementAndGet() + "", LIMIT, LIMIT,
        e -> true);

    assertThat(answer).isEqualTo("1");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aFailureThatIsNotRetryableIsNotTriedAgain() {
    SolrException badRequest = new SolrException(SolrException.ErrorCode.BAD_REQUEST, "undefined field");

    assertThatThrownBy(() -> calls.callWithSecondChance(attempt -> () -> {
      attempts.incrementAndGet();
      throw badRequest;
    }, LIMIT, LIMIT, e -> !(e instanceof SolrException))).isSameAs(badRequest);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void twoFailuresEndWithTheLastAndNoThirdAttempt() {
    assertThatThrownBy(() -> calls.callWithSecondChance(attempt -> () -> {
      throw new IOException("refused " + attempts.incrementAndGet());
    }, LIMIT, LIMIT, e -> true)).isInstanceOf(IOException.class).hasMessage("refused 2");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void twoStalledAttemptsEndAtTheTimeLimit() {
    assertThatThrownBy(() -> calls.callWithSecondChance(attempt -> () -> {
      attempts.incrementAndGet();
      stall();
      return "never";
    }, SECOND_AFTER, TimeUnit.MILLISECONDS.toNanos(300), e -> true))
        .isInstanceOf(IOException.class).hasCauseInstanceOf(TimeoutException.class);
    assertThat(attempts).hasValue(2);
  }
}
