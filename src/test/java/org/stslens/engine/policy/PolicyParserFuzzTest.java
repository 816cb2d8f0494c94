package org.stslens.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.stslens.engine.finding.Severity;

/**
 * Any body a policy host can serve parses without an exception, and a valid policy has no error.
 * Seeds: the corpus policies ({@code scripts/fuzz-seeds.py}); fuzz with {@code -Pfuzz}.
 */
class PolicyParserFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void parse(byte[] body) {
    ParsedPolicy policy = PolicyParser.parse(body);

    assertThat(policy.policy().isPresent()).isEqualTo(policy.valid());
    if (policy.valid()) {
      assertThat(policy.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }
  }
}
