package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.Scenario;

/**
 * A lab scenario's {@code expect.senders} against what {@link SenderJudge} computes. Every profile
 * must be covered, by its own entry or by the default entry {@value #EVERY_OTHER}, and each entry
 * names the outcome of every MX host: a scenario without an expectation for a sender fails.
 */
public final class SenderExpectations {

  /** The key of the entry that stands for every profile not named. */
  public static final String EVERY_OTHER = "*";

  private SenderExpectations() {}

  public static void assertMeets(Map<String, Scenario.SenderExpect> expected, DomainReport r) {
    assertThat(expected)
        .as(r.domain() + ": expect.senders (every sender, or \"*\" and the exceptions)")
        .isNotEmpty();
    for (String key : expected.keySet()) {
      assertThat(key).as(r.domain() + ": a sender id").isIn(ids());
    }
    Map<String, String> hosts = new LinkedHashMap<>();
    for (SenderVerdict v : SenderJudge.judgeAll(r)) {
      String id = v.profile().id();
      Scenario.SenderExpect e = expected.getOrDefault(id, expected.get(EVERY_OTHER));
      assertThat(e).as(r.domain() + ": no expectation for sender " + id).isNotNull();
      String who = r.domain() + " " + id + " " + v.differs();
      assertThat(v.applies().word()).as(who + " applies").isEqualTo(e.applies());
      assertThat(v.delivers().orElse(null)).as(who + " delivers").isEqualTo(e.delivers());
      hosts.clear();
      v.mx().forEach(m -> hosts.put(m.host(), m.outcome().word()));
      assertThat(e.mx()).as(who + " mx (every host named)").isEqualTo(hosts);
    }
  }

  private static List<String> ids() {
    List<String> ids = new java.util.ArrayList<>(SenderProfiles.IDS);
    ids.add(EVERY_OTHER);
    return ids;
  }
}
