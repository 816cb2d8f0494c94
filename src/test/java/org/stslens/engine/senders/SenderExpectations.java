package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.Scenario;

/** A lab scenario's {@code expect.senders} against what {@link SenderJudge} computes. */
public final class SenderExpectations {

  private SenderExpectations() {}

  public static void assertMeets(Map<String, Scenario.SenderExpect> expected, DomainReport r) {
    assertThat(SenderProfiles.IDS).containsAll(expected.keySet());
    List<SenderVerdict> all = SenderJudge.judgeAll(r);
    for (SenderVerdict v : all) {
      Scenario.SenderExpect e = expected.get(v.profile().id());
      if (e == null) {
        continue;
      }
      String who = r.domain() + " " + v.profile().id() + " " + v.differs();
      assertThat(v.applies().word()).as(who + " applies").isEqualTo(e.applies());
      assertThat(v.delivers().orElse(null)).as(who + " delivers").isEqualTo(e.delivers());
      for (Map.Entry<String, String> mx : e.mx().entrySet()) {
        assertThat(v.mx())
            .as(who + " " + mx.getKey())
            .contains(
                new SenderVerdict.Mx(
                    mx.getKey(), SenderVerdict.Outcome.valueOf(mx.getValue().toUpperCase())));
      }
    }
  }
}
