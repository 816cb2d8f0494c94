package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;

/** The editor offers to remove the trailing dot of an mx pattern. */
class TrailingDotQuickFixTest {

  @Test
  void theFixRemovesOnlyTheDot() {
    String text = "version: STSv1\nmode: enforce\nmx: Mail.Example.com.\nmax_age: 604800\n";
    DraftAnalysis a = DraftAnalysis.of(text);
    Diagnostic d =
        a.diagnostics().stream()
            .filter(x -> x.finding().code() == Code.POLICY_MX_TRAILING_DOT)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no trailing-dot warning in " + a.diagnostics()));

    List<QuickFix> fixes = QuickFixes.forDiagnostic(a, d, List.of());

    assertThat(fixes).hasSize(1);
    assertThat(fixes.get(0).title()).isEqualTo("Remove the trailing dot: `mx: Mail.Example.com`");
    String fixed = fixes.get(0).applyTo(text);
    assertThat(fixed).isEqualTo(text.replace("com.\n", "com\n"));
    assertThat(DraftAnalysis.of(fixed).diagnostics())
        .noneMatch(x -> x.finding().code() == Code.POLICY_MX_TRAILING_DOT);
  }

  @Test
  void policyLintListsTheFix() {
    assertThat(
            QuickFixes.summary(
                "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com.\r\nmax_age: 604800\r\n",
                List.of()))
        .contains("line 3: Remove the trailing dot: `mx: mail.example.com`");
  }
}
