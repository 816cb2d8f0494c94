package org.stslens.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A registration belongs to its registrant until it closes; a cancel never reaches it after. */
@Timeout(10)
class CancelScopeTest {

  @Test
  void cancelAfterCloseDoesNothing() {
    CancelScope scope = new CancelScope();
    AtomicInteger closes = new AtomicInteger();
    scope.register(closes::incrementAndGet).close();

    scope.cancel();

    assertThat(closes).hasValue(0);
    assertThat(scope.isCancelled()).isTrue();
  }

  @Test
  void registeringAfterCancelClosesAtOnceAndOnlyOnce() {
    CancelScope scope = new CancelScope();
    scope.cancel();
    AtomicInteger closes = new AtomicInteger();

    CancelScope.Registration registration = scope.register(closes::incrementAndGet);
    scope.cancel();
    registration.close();

    assertThat(closes).hasValue(1);
  }

  @Test
  void aRegistrationClosedWhileCancelRunsIsNotClosedByIt() {
    // Closing the first resource ends every task (as an interrupt can): their registrations,
    // its own included, close while cancel() is still walking the set; none is closed after.
    CancelScope scope = new CancelScope();
    List<CancelScope.Registration> registrations = new ArrayList<>();
    AtomicInteger closes = new AtomicInteger();
    for (int i = 0; i < 64; i++) {
      registrations.add(
          scope.register(
              () -> {
                if (closes.incrementAndGet() == 1) {
                  registrations.forEach(CancelScope.Registration::close);
                }
              }));
    }

    scope.cancel();

    assertThat(closes).as("resources closed by the cancel").hasValue(1);
  }

  @Test
  void closeWaitsForACancelAlreadyClosingTheResource() throws Exception {
    // The cancel claimed the registration and is inside close() (say, about to interrupt the
    // worker) when the task ends: the task's close() returns only after that close is done, so
    // the interrupt cannot land in whatever the thread runs next.
    CancelScope scope = new CancelScope();
    CountDownLatch closing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger closed = new AtomicInteger();
    CancelScope.Registration registration =
        scope.register(
            () -> {
              closing.countDown();
              release.await();
              closed.incrementAndGet();
            });
    CompletableFuture<Void> cancel = CompletableFuture.runAsync(scope::cancel);
    assertThat(closing.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> close = CompletableFuture.runAsync(registration::close);
    Thread.sleep(200);
    assertThat(close).as("close() waits for the cancel's close").isNotDone();
    release.countDown();

    close.get(5, TimeUnit.SECONDS);
    assertThat(closed).as("the resource was closed before close() returned").hasValue(1);
    cancel.get(5, TimeUnit.SECONDS);
  }
}
