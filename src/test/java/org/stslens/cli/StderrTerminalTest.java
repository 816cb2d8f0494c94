package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress bar's condition: standard error is a terminal device, not a file or a pipe. */
class StderrTerminalTest {

  @Test
  void onlyTerminalDevicesCount() {
    assertThat(StderrTerminal.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(StderrTerminal.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(StderrTerminal.isTerminalDevice("/dev/null")).isFalse();
    assertThat(StderrTerminal.isTerminalDevice("pipe:[48213]")).isFalse();
    assertThat(StderrTerminal.isTerminalDevice("/home/me/errors.log")).isFalse();
  }

  @Test
  void theTestsOwnStandardErrorIsNoTerminal() {
    // surefire pipes it: a batch run here must draw no bar
    assertThat(StderrTerminal.isTerminal()).isFalse();
  }
}
