package org.stslens.engine.export;

import java.util.List;
import java.util.stream.Collectors;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.senders.SenderJudge;
import org.stslens.engine.senders.SenderVerdict;

/** The "What real senders do" table: one row per sender profile, in the JSON order. */
final class SenderRows {

  private SenderRows() {}

  /**
   * @param sender the sender for people
   * @param policy the policy it applies, as in JSON ({@code no-policy}...)
   * @param delivery whether it delivers now, in words
   * @param why the behaviours that make it differ from the RFC reading, or "as RFC 8461"
   */
  record Row(String sender, String policy, String delivery, String why) {}

  static List<Row> of(DomainReport r) {
    return SenderJudge.judgeAll(r).stream().map(SenderRows::row).toList();
  }

  private static Row row(SenderVerdict v) {
    String delivery =
        v.delivers().map(d -> d ? "delivers" : "does not deliver").orElse("unknown from here");
    String why =
        v.differs().isEmpty()
            ? (v.profile().id().equals("rfc8461") ? "the strict reading" : "as RFC 8461 here")
            : v.differs().stream()
                .map(d -> d.behaviour().id() + ": " + d.thisSender() + " (RFC: " + d.rfc() + ")")
                .collect(Collectors.joining("; "));
    return new Row(v.profile().name(), v.applies().word(), delivery, why);
  }
}
