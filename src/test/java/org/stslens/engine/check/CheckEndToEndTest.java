package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;

class CheckEndToEndTest {

  @Test
  void goodEnforceSetupWithTwoMxIsEnforced() throws Exception {
    try (TestWorld world = new TestWorld()) {
      world.standardDns("example.test", "20261128", "mx1.example.test", "mx2.example.test");
      world.policyHost(
          "example.test", TestWorld.policy("enforce", "mx1.example.test", "*.example.test"));
      world.goodMx(0, "mx1.example.test");
      world.goodMx(1, "mx2.example.test");

      DomainReport report = world.check("example.test");

      assertThat(report.verdict()).as(report.verdictReason()).isEqualTo(DomainVerdict.ENFORCED);
      assertThat(report.mx()).extracting(m -> m.verdict()).containsOnly(MxVerdict.DELIVER);
      assertThat(report.hasErrors()).as(report.findings().toString()).isFalse();
    }
  }
}
