package org.stslens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The build's Java 25 run (profile {@code java25}) must really run on Java 25: a misconfigured
 * {@code <jvm>} would silently run those tests on the build JDK again and prove nothing.
 */
class Java25RuntimeTest {

  @Test
  void runsOnTheRuntimeTheBuildAskedFor() {
    String expected = System.getProperty("stslens.expect.java");
    assumeTrue(expected != null && !expected.isBlank(), "only in the Java 25 run");
    assertEquals(Integer.parseInt(expected), Runtime.version().feature());
  }
}
