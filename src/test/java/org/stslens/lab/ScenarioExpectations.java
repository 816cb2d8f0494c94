package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The one definition of "a check met a scenario's {@code expect}", shared by {@link
 * LabScenariosTest} (the in-process lab) and the interop suite against real servers: the verdict is
 * equal, every expected per-MX verdict is there, and every expected code is among the findings
 * (others may be too).
 */
public final class ScenarioExpectations {

  private ScenarioExpectations() {}

  /**
   * Fails with a one-line summary of what the check saw when it does not meet {@code expect}.
   *
   * @param verdict the report's verdict word
   * @param mx MX host to its verdict word
   * @param codes the code ids of every finding
   * @param reason the report's verdict reason, for the failure message
   */
  public static void assertMeets(
      Scenario.Expect expect,
      String verdict,
      Map<String, String> mx,
      List<String> codes,
      String reason) {
    String summary = verdict + " " + mx + " " + codes + " (" + reason + ")";
    assertThat(verdict).as(summary).isEqualTo(expect.verdict());
    assertThat(codes).as(summary).containsAll(expect.codes());
    expect.mx().forEach((host, v) -> assertThat(mx).as(summary).containsEntry(host, v));
  }
}
