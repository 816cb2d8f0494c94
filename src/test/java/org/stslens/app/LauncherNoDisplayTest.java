package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code stslens gui DOMAIN} without a display says so, as a bare {@code stslens} does. */
class LauncherNoDisplayTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void guiWithADomainButNoDisplayExplainsInsteadOfAStackTrace() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Launcher.class.getName(),
                    "gui",
                    "example.com"))
            .redirectErrorStream(true);
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    Process p = pb.start();
    byte[] output = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(text).isEqualTo(2);
    assertThat(text)
        .contains("no graphical display found")
        .contains("Usage: stslens")
        .doesNotContain("Exception");
  }
}
