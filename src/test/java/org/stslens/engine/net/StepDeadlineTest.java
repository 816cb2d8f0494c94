package org.stslens.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StepDeadlineTest {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor();

  @AfterAll
  static void stop() {
    TIMER.shutdownNow();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aReadBlockedPastTheLimitEndsWhenTheTimerClosesTheConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket()) {
      client.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
      try (Socket silent = server.accept()) {
        InputStream in = client.getInputStream();
        long t = System.nanoTime();
        try (StepDeadline deadline = StepDeadline.start(TIMER, Duration.ofMillis(300), client)) {
          assertThatThrownBy(in::read).isInstanceOf(IOException.class); // no soTimeout set
          assertThat(deadline.expired()).isTrue();
          assertThat(deadline.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(3000);
        assertThat(client.isClosed()).isTrue();
      }
    }
  }

  @Test
  void theConnectionIsClosedExactlyWhenTheStepSeesItExpired() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    int expired = 0;
    for (int i = 0; i < 200; i++) {
      // a step about as long as its limit: the timer and close() race
      StepDeadline deadline =
          StepDeadline.start(TIMER, Duration.ofNanos(200_000), closes::incrementAndGet);
      Thread.onSpinWait();
      deadline.close();
      if (deadline.expired()) {
        expired++;
      }
    }
    Thread.sleep(50); // an alarm that escaped its cancel would have fired by now
    assertThat(closes.get()).isEqualTo(expired);
  }

  @Test
  void aStepThatEndsInTimeKeepsItsConnection() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    try (StepDeadline deadline =
        StepDeadline.start(TIMER, Duration.ofMillis(100), closes::incrementAndGet)) {
      assertThat(deadline.expired()).isFalse();
    }
    Thread.sleep(300);
    assertThat(closes.get()).isZero();
  }
}
