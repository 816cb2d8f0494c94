package org.stslens.ui.lab;

import java.util.Optional;

/**
 * What the Lab screen shows of a scenario: plain data, so the view knows nothing of servers.
 *
 * @param id the scenario id
 * @param title one line
 * @param whatWentWrong the mistake
 * @param howItHappens how it happens in real life
 * @param howToFix the fix in words
 * @param fixDescription what the fixed world changes, if the scenario has a fix
 * @param expectedVerdict the verdict a check gives
 * @param fixedVerdict the verdict of the fixed world, if any
 */
public record LabScenarioInfo(
    String id,
    String title,
    String whatWentWrong,
    String howItHappens,
    String howToFix,
    Optional<String> fixDescription,
    String expectedVerdict,
    Optional<String> fixedVerdict) {

  @Override
  public String toString() {
    return title;
  }
}
