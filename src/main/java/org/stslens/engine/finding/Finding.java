package org.stslens.engine.finding;

import java.util.Objects;
import java.util.Optional;

/**
 * One diagnostic: what is wrong (or worth knowing), where, and how to fix it.
 *
 * @param code the catalog code
 * @param severity usually {@code code.severity()}; may differ where checks.md says so
 * @param stage the stage that produced it
 * @param target what it is about: the domain, a DNS name, a URL, an MX host or MX host + address
 * @param message plain-language statement of what was seen
 * @param fix how to fix it (empty for info findings that need no action)
 * @param line 1-based line in the input (policy body or TXT record), 0 when not applicable
 * @param column 1-based column in that line, 0 when not applicable
 */
public record Finding(
    Code code,
    Severity severity,
    CheckStage stage,
    String target,
    String message,
    String fix,
    int line,
    int column) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(stage, "stage");
    target = target == null ? "" : target;
    Objects.requireNonNull(message, "message");
    fix = fix == null ? "" : fix;
  }

  /** A finding with the catalog severity and stage and no position. */
  public static Finding of(Code code, String target, String message, String fix) {
    return new Finding(code, code.severity(), code.stage(), target, message, fix, 0, 0);
  }

  /** A finding with the catalog severity and stage at a line and column of the input. */
  public static Finding at(Code code, int line, int column, String message, String fix) {
    return new Finding(code, code.severity(), code.stage(), "", message, fix, line, column);
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(code, newSeverity, stage, target, message, fix, line, column);
  }

  public Finding withTarget(String newTarget) {
    return new Finding(code, severity, stage, newTarget, message, fix, line, column);
  }

  public String rfc() {
    return code.rfc();
  }

  public Optional<String> tlsrptType() {
    return code.tlsrptType();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
