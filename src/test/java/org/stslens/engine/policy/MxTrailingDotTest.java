package org.stslens.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;

/** An mx pattern with a trailing dot stays usable (corpus pol-085) and is warned about. */
class MxTrailingDotTest {

  private static ParsedPolicy parse(String body) {
    return PolicyParser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDottedPatternIsKeptNormalisedWithAWarningAtItsValue() {
    ParsedPolicy p =
        parse("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com.\r\nmax_age: 86400\r\n");

    assertThat(p.valid()).isTrue();
    assertThat(p.policy().orElseThrow().mx())
        .extracting(MxPattern::normalized)
        .containsExactly("mail.example.com");
    List<Finding> dots =
        p.findings().stream().filter(f -> f.code() == Code.POLICY_MX_TRAILING_DOT).toList();
    assertThat(dots).hasSize(1);
    Finding dot = dots.get(0);
    assertThat(dot.severity()).isEqualTo(Severity.WARNING);
    assertThat(dot.line()).isEqualTo(3);
    assertThat(dot.column()).isEqualTo(5);
    assertThat(dot.message()).contains("postfix-mta-sts-resolver").contains("KumoMTA");
    assertThat(dot.fix()).contains("`mx: mail.example.com`");
    assertThat(p.findings()).noneMatch(f -> f.code() == Code.POLICY_INVALID_MX);
  }

  @Test
  void aWildcardWithATrailingDotIsWarnedAboutToo() {
    ParsedPolicy p =
        parse("version: STSv1\r\nmode: testing\r\nmx: *.example.com.\r\nmax_age: 86400\r\n");

    assertThat(p.valid()).isTrue();
    assertThat(p.findings()).anyMatch(f -> f.code() == Code.POLICY_MX_TRAILING_DOT);
  }

  @Test
  void aPatternWithoutTheDotHasNoSuchWarning() {
    ParsedPolicy p =
        parse("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n");

    assertThat(p.findings()).noneMatch(f -> f.code() == Code.POLICY_MX_TRAILING_DOT);
  }
}
