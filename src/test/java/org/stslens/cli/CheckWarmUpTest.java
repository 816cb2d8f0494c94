package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cold check's warm-up runs for the check command only, on a daemon thread that ends. */
class CheckWarmUpTest {

  @Test
  void onlyTheCheckCommandIsWarmedUp() {
    assertThat(CheckWarmUp.isCheck(new String[] {"check", "example.com"})).isTrue();
    assertThat(CheckWarmUp.isCheck(new String[] {"--no-color", "check", "example.com"})).isTrue();
    assertThat(CheckWarmUp.isCheck(new String[] {"policy", "lint", "check"})).isFalse();
    assertThat(CheckWarmUp.isCheck(new String[] {"--help"})).isFalse();
    assertThat(CheckWarmUp.isCheck(new String[] {})).isFalse();
  }

  @Test
  void aCheckStartsADaemonThreadThatFinishes() throws Exception {
    Optional<Thread> warmUp =
        CheckWarmUp.startFor(new String[] {"check", "example.com", "--format", "json"});

    assertThat(warmUp).isPresent();
    assertThat(warmUp.get().isDaemon()).isTrue();
    warmUp.get().join(60_000);
    assertThat(warmUp.get().isAlive()).isFalse();
  }

  @Test
  void anotherCommandStartsNoThread() {
    assertThat(CheckWarmUp.startFor(new String[] {"policy", "lint", "file.txt"})).isEmpty();
    assertThat(CheckWarmUp.startFor(new String[] {"--version"})).isEmpty();
  }
}
