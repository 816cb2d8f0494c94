package org.stslens.workbench.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;

class DraftAnalysisTest {

  private static Diagnostic only(DraftAnalysis a, Code code) {
    List<Diagnostic> found =
        a.diagnostics().stream().filter(d -> d.finding().code() == code).toList();
    assertThat(found).as("diagnostics with %s in %s", code, a.diagnostics()).hasSize(1);
    return found.get(0);
  }

  private static String underlined(DraftAnalysis a, Diagnostic d) {
    return a.text().substring(d.start(), d.end());
  }

  @Test
  void aTypoedKeyIsUnderlinedExactly() {
    DraftAnalysis a =
        DraftAnalysis.of("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax-age: 604800\n");
    Diagnostic typo = only(a, Code.POLICY_LIKELY_TYPO);
    assertThat(typo.line()).isEqualTo(4);
    assertThat(underlined(a, typo)).isEqualTo("max-age");
    Diagnostic missing = only(a, Code.POLICY_MISSING_MAX_AGE);
    assertThat(missing.line()).as("the error is blamed on the misspelt line").isEqualTo(4);
    assertThat(underlined(a, missing)).isEqualTo("max-age");
    assertThat(QuickFixes.forDiagnostic(a, missing, List.of()))
        .extracting(QuickFix::title)
        .containsExactly("Change `max-age` to `max_age`");
  }

  @Test
  void aMissingFieldWithoutAMisspellingIsAboutTheWholeDraftWithNoLine() {
    DraftAnalysis a = DraftAnalysis.of("version: STSv1\nmode: enforce\nmx: mail.example.com\n");
    Diagnostic missing = only(a, Code.POLICY_MISSING_MAX_AGE);
    assertThat(missing.aboutWholeDraft()).isTrue();
    assertThat(missing.line()).as("no gutter marker on line 1").isZero();
    assertThat(missing.underlined()).isFalse();
    assertThat(a.onLine(1)).isEmpty();
  }

  @Test
  void anInvalidValueIsUnderlinedAsTheValue() {
    DraftAnalysis a =
        DraftAnalysis.of("version: STSv1\nmode: Enforce\nmx: mail.example.com\nmax_age: 1w\n");
    assertThat(underlined(a, only(a, Code.POLICY_INVALID_MODE))).isEqualTo("Enforce");
    assertThat(underlined(a, only(a, Code.POLICY_INVALID_MAX_AGE))).isEqualTo("1w");
  }

  @Test
  void theDraftIsParsedAsSavedWithCrlfSoNoLineEndingNoise() {
    DraftAnalysis a =
        DraftAnalysis.of("version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n");
    assertThat(a.parsed().valid()).isTrue();
    assertThat(a.diagnostics())
        .extracting(d -> d.finding().code())
        .doesNotContain(Code.POLICY_LINE_ENDINGS);
  }

  @Test
  void aBomIsTheFirstCharacterAndColumnsAfterItStayRight() {
    DraftAnalysis a =
        DraftAnalysis.of("\uFEFFversion: STSv1\nmode: enforce\nmx: a b\nmax_age: 604800\n");
    Diagnostic bom = only(a, Code.POLICY_BOM);
    assertThat(bom.start()).isZero();
    assertThat(bom.end()).isEqualTo(1);
    assertThat(underlined(a, only(a, Code.POLICY_INVALID_MX))).isEqualTo("a b");
  }

  @Test
  void anEmptyValueUnderlinesTheColon() {
    DraftAnalysis a = DraftAnalysis.of("version: STSv1\nmode:\nmx: m.example.com\nmax_age: 1\n");
    assertThat(underlined(a, only(a, Code.POLICY_INVALID_MODE))).isEqualTo(":");
  }

  @Test
  void spacesAroundAKeyAreUnderlined() {
    DraftAnalysis a =
        DraftAnalysis.of("version: STSv1\n  mode : enforce\nmx: m.example.com\nmax_age: 604800\n");
    List<Diagnostic> ws =
        a.diagnostics().stream().filter(d -> d.finding().code() == Code.POLICY_WHITESPACE).toList();
    assertThat(ws).hasSize(1);
    assertThat(underlined(a, ws.get(0))).isEqualTo("  ");
  }

  @Test
  void diagnosticsAtAnOffsetAreFoundForHover() {
    DraftAnalysis a = DraftAnalysis.of("version: STSv1\nMode: enforce\n");
    int inMode = a.text().indexOf("Mode") + 1;
    assertThat(a.at(inMode))
        .extracting(d -> d.finding().code())
        .containsExactlyInAnyOrder(Code.POLICY_LIKELY_TYPO, Code.POLICY_MISSING_MODE);
    assertThat(a.onLine(2)).isNotEmpty();
  }

  @Test
  void hostileInputStaysLinearAndNeverThrows() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      big.append("x y z\n\n");
    }
    long start = System.nanoTime();
    DraftAnalysis a = DraftAnalysis.of(big.toString());
    List<StyledRange> runs = Highlighting.of(a);
    a.diagnostics().stream().limit(50).forEach(d -> QuickFixes.forDiagnostic(a, d, List.of()));
    assertThat(a.diagnostics()).isNotEmpty();
    assertThat(runs.stream().mapToInt(StyledRange::length).sum()).isEqualTo(big.length());
    // generous: quadratic behaviour would take minutes here
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
  }

  @Test
  void highlightingCoversTheTextAndMarksKeysValuesAndErrors() {
    DraftAnalysis a = DraftAnalysis.of("version: STSv1\nmode: Enforce\n");
    List<StyledRange> runs = Highlighting.of(a);
    assertThat(runs.stream().mapToInt(StyledRange::length).sum()).isEqualTo(a.text().length());
    assertThat(runs.get(0).styles()).containsExactly("pk-key");
    assertThat(runs).anySatisfy(r -> assertThat(r.styles()).contains("pk-value", "pk-error"));
  }
}
