package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stslens.engine.report.DomainReport;

/**
 * What every sender does with an end-to-end world, written as rows {@code "sender applies delivers
 * outcome..."}: {@code delivers} is {@code true}, {@code false} or {@code null}, then one outcome
 * per MX host in the report's order. The sender {@code *} stands for every sender not named; a
 * sender left without a row fails.
 */
public final class SenderRows {

  private SenderRows() {}

  public static void assertRows(DomainReport r, String... rows) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String row : rows) {
      String[] w = row.trim().split("\\s+", 2);
      assertThat(SenderProfiles.IDS.contains(w[0]) || w[0].equals("*"))
          .as("a sender id: " + w[0])
          .isTrue();
      expected.put(w[0], w.length > 1 ? w[1] : "");
    }
    for (SenderVerdict v : SenderJudge.judgeAll(r)) {
      String id = v.profile().id();
      String row = expected.getOrDefault(id, expected.get("*"));
      assertThat(row).as(r.domain() + ": no row for sender " + id).isNotNull();
      List<String> actual = new java.util.ArrayList<>();
      actual.add(v.applies().word());
      actual.add(String.valueOf(v.delivers().orElse(null)));
      v.mx().forEach(m -> actual.add(m.outcome().word()));
      assertThat(actual)
          .as(r.domain() + " " + id + " " + v.differs())
          .isEqualTo(Arrays.asList(row.split("\\s+")));
    }
  }
}
