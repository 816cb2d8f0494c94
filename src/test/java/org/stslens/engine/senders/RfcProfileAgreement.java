package org.stslens.engine.senders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.senders.SenderVerdict.Applies;

/** The {@code rfc8461} profile must give exactly the engine's own verdict, on any report. */
public final class RfcProfileAgreement {

  private RfcProfileAgreement() {}

  public static void assertAgrees(DomainReport r) {
    List<SenderVerdict> all = SenderJudge.judgeAll(r);
    assertThat(all).extracting(v -> v.profile().id()).isEqualTo(SenderProfiles.IDS);
    SenderVerdict rfc = all.get(0);
    String where = r.domain() + " (" + r.verdict().word() + ")";
    assertThat(rfc.differs()).as(where).isEmpty();
    assertThat(rfc.mx()).as(where).hasSize(r.mx().size());
    for (int i = 0; i < r.mx().size(); i++) {
      MxReport m = r.mx().get(i);
      assertThat(rfc.mx().get(i).host()).isEqualTo(m.host());
      String expected =
          m.verdict() == org.stslens.engine.mx.MxVerdict.NOT_PROBED
              ? "unknown"
              : m.verdict().word();
      String actual =
          rfc.applies() == Applies.UNKNOWN ? expected : rfc.mx().get(i).outcome().word();
      assertThat(actual).as(where + " " + m.host()).isEqualTo(expected);
    }
    switch (r.verdict()) {
      case ENFORCED, ENFORCED_WITH_FAILURES -> {
        assertThat(rfc.applies()).as(where).isEqualTo(Applies.ENFORCE);
        assertThat(rfc.delivers()).as(where).contains(true);
      }
      case ENFORCED_UNDELIVERABLE -> {
        assertThat(rfc.applies()).as(where).isEqualTo(Applies.ENFORCE);
        assertThat(rfc.delivers()).as(where).contains(false);
      }
      case TESTING -> assertThat(rfc.applies()).as(where).isEqualTo(Applies.TESTING);
      case NONE -> assertThat(rfc.applies()).as(where).isEqualTo(Applies.NONE);
      case NO_POLICY -> assertThat(rfc.applies()).as(where).isEqualTo(Applies.NO_POLICY);
      case TEMPORARILY_UNKNOWN ->
          // a check cut short leaves MX hosts unjudged, but a sender still delivers to the good one
          assertThat(
                  rfc.applies() == Applies.UNKNOWN
                      || rfc.delivers().isEmpty()
                      || rfc.delivers().get()
                          && r.mx().stream()
                              .anyMatch(
                                  m -> m.verdict() == org.stslens.engine.mx.MxVerdict.NOT_PROBED))
              .as(where + ": unknown policy, unknown delivery, or an MX left unjudged")
              .isTrue();
      case NO_MAIL -> assertThat(rfc.delivers()).as(where).contains(false);
    }
    assertThat(rfc.applies() == Applies.ENFORCE || rfc.applies() == Applies.TESTING)
        .as(where + ": a policy applies exactly when the engine says so")
        .isEqualTo(
            r.policyApplies()
                && r.policy()
                    .flatMap(p -> p.policy())
                    .map(p -> p.mode() != org.stslens.engine.policy.Mode.NONE)
                    .orElse(false));
  }
}
