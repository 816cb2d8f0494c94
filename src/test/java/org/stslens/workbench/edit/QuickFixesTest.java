package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;

class QuickFixesTest {

  private static final String GOOD =
      "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n";

  private static String fixFirst(String text, Code code, List<String> mx) {
    DraftAnalysis a = DraftAnalysis.of(text);
    Diagnostic d =
        a.diagnostics().stream()
            .filter(x -> x.finding().code() == code)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + code + " in " + a.diagnostics()));
    List<QuickFix> fixes = QuickFixes.forDiagnostic(a, d, mx);
    assertThat(fixes).as("fixes for %s", code).isNotEmpty();
    return fixes.get(0).applyTo(text);
  }

  private static void assertClean(String text) {
    DraftAnalysis a = DraftAnalysis.of(text);
    assertThat(a.parsed().valid()).as("valid: %s", text).isTrue();
    assertThat(a.diagnostics())
        .as("no warnings left in %s", text)
        .allSatisfy(d -> assertThat(d.finding().isError()).isFalse());
  }

  @Test
  void keyCaseAndTypoAreFixed() {
    String fixed = fixFirst(GOOD.replace("mode:", "Mode:"), Code.POLICY_LIKELY_TYPO, List.of());
    assertThat(fixed).isEqualTo(GOOD);
    assertThat(fixFirst(GOOD.replace("max_age", "max-age"), Code.POLICY_LIKELY_TYPO, List.of()))
        .isEqualTo(GOOD);
  }

  @Test
  void missingFieldsAreAdded() {
    String noVersion = GOOD.replace("version: STSv1\n", "");
    assertThat(fixFirst(noVersion, Code.POLICY_MISSING_VERSION, List.of())).isEqualTo(GOOD);
    String noMaxAge = "version: STSv1\nmode: enforce\nmx: mail.example.com";
    assertClean(fixFirst(noMaxAge, Code.POLICY_MISSING_MAX_AGE, List.of()));
    String noMx = "version: STSv1\nmode: enforce\nmax_age: 604800\n";
    String withMx =
        fixFirst(noMx, Code.POLICY_MISSING_MX, List.of("mx1.example.com.", "mx2.example.com"));
    assertThat(withMx).contains("mx: mx1.example.com\nmx: mx2.example.com\n");
    assertClean(withMx);
  }

  @Test
  void aBomIsRemoved() {
    assertThat(fixFirst("\uFEFF" + GOOD, Code.POLICY_BOM, List.of())).isEqualTo(GOOD);
  }

  @Test
  void aCommaSeparatedMxLineIsSplit() {
    String text = GOOD.replace("mx: mail.example.com", "mx: mx1.example.com, mx2.example.com.");
    String fixed = fixFirst(text, Code.POLICY_INVALID_MX, List.of());
    assertThat(fixed).contains("mx: mx1.example.com\nmx: mx2.example.com\nmax_age");
    assertClean(fixed);
  }

  @Test
  void aUrlOrPortInMxIsReducedToTheHost() {
    String text = GOOD.replace("mx: mail.example.com", "mx: mail.example.com:25");
    assertThat(fixFirst(text, Code.POLICY_INVALID_MX, List.of())).isEqualTo(GOOD);
  }

  @Test
  void anUnrepairablePatternIsExplainedWithoutAnEdit() {
    String text = GOOD.replace("mx: mail.example.com", "mx: mail*.example.com");
    DraftAnalysis a = DraftAnalysis.of(text);
    Diagnostic d =
        a.diagnostics().stream()
            .filter(x -> x.finding().code() == Code.POLICY_INVALID_MX)
            .findFirst()
            .orElseThrow();
    List<QuickFix> fixes = QuickFixes.forDiagnostic(a, d, List.of());
    assertThat(fixes)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.changesText()).isFalse();
              assertThat(f.explanation()).contains("left-most label");
            });
  }

  @Test
  void maxAgeWithUnitsBecomesSeconds() {
    assertThat(fixFirst(GOOD.replace("604800", "7d"), Code.POLICY_INVALID_MAX_AGE, List.of()))
        .isEqualTo(GOOD);
    assertThat(
            fixFirst(GOOD.replace("604800", "99999999999"), Code.POLICY_INVALID_MAX_AGE, List.of()))
        .contains("max_age: 31557600");
  }

  @Test
  void modeValueCaseIsFixed() {
    assertThat(fixFirst(GOOD.replace("enforce", "Enforce"), Code.POLICY_INVALID_MODE, List.of()))
        .isEqualTo(GOOD);
  }

  @Test
  void layoutMistakesAreFixed() {
    assertThat(fixFirst(GOOD.replace("mode: ", " mode : "), Code.POLICY_WHITESPACE, List.of()))
        .isEqualTo(GOOD);
    assertThat(fixFirst(GOOD + "mode: testing\n", Code.POLICY_DUPLICATE_FIELD, List.of()))
        .isEqualTo(GOOD);
    assertThat(
            fixFirst(
                GOOD.replace("mode: enforce\n", "mode: enforce\n\n\n"),
                Code.POLICY_BLANK_LINE,
                List.of()))
        .isEqualTo(GOOD);
    assertThat(
            fixFirst(GOOD.replace("mode: enforce", "mode=enforce"), Code.POLICY_SYNTAX, List.of()))
        .isEqualTo(GOOD);
  }
}
