package org.stslens.engine.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stslens.engine.finding.Finding;

/**
 * The outcome of parsing a policy body.
 *
 * @param valid whether a sender would use the policy
 * @param policy present exactly when valid
 * @param lines every {@code key: value} line, in body order, valid or not
 * @param findings every diagnostic, each with its line and column
 */
public record ParsedPolicy(
    boolean valid, Optional<Policy> policy, List<PolicyLine> lines, List<Finding> findings) {

  public ParsedPolicy {
    lines = List.copyOf(lines);
    findings = List.copyOf(findings);
  }

  /**
   * The first value of every key as written, in order of first appearance, even when the policy is
   * invalid (so a report can show {@code mode: Enforce}). For {@code mx} this is only the first
   * one.
   */
  public Map<String, String> firstValues() {
    Map<String, String> values = new LinkedHashMap<>();
    for (PolicyLine line : lines) {
      values.putIfAbsent(line.key(), line.value());
    }
    return Collections.unmodifiableMap(values);
  }
}
