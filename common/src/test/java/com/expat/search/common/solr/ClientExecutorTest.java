package com.expat.search.common.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientExecutorTest {
  private final ClientExecutor executor = new ClientExecutor();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  @Test
  void theHttpClientsStepsRunOnTheThreadThatHandsThemOver() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();

    executor.execute(() -> ranOn.set(Thread.currentThread()));

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void aBodyWriterThatBlocksGetsAThreadOfItsOwnAndHoldsUpNothing() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    AtomicReference<String> name = new AtomicReference<>();
    Runnable blockedWriter = () -> {
      name.set(Thread.currentThread().getName());
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };

    Future<?> first = executor.submit(blockedWriter);
    Future<?> second = executor.submit(blockedWriter);

    assertThat(started.await(10, TimeUnit.SECONDS)).as("both writers run at once").isTrue();
    assertThat(name.get()).isEqualTo("solr-body-writer");
    assertThat(first.isDone()).isFalse();
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSubmittedValueComesBackFromItsOwnThread() throws Exception {
    Future<Thread> ranOn = executor.submit(Thread::currentThread);

    assertThat(ranOn.get(10, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
  }
}
