package org.stslens.engine.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;

/**
 * The complete, immutable result of checking one domain: every piece of evidence, every finding,
 * the timings and the verdict.
 *
 * @param domain the domain as checked (A-labels)
 * @param startedAt wall-clock start
 * @param durationMillis wall time of the whole check
 * @param verdict the domain verdict
 * @param verdictReason the verdict in plain words (which MX fail, why there is no policy...)
 * @param discovery stage 1
 * @param fetch stage 2, empty when it was skipped (domain does not exist)
 * @param policy stage 3, empty when no body was retrieved
 * @param policyApplies true when a sender would apply the policy (valid record, fetch and body)
 * @param mx stage 4, one per MX host, in preference order
 * @param tlsrpt the TLS-RPT record
 * @param stages every stage that ran, in the order they finished
 * @param origin the world checked: the real Internet or a lab world (badged everywhere)
 * @param changes what changed since the previous stored check ({@link ChangeSet#NONE} when the
 *     check was not compared with a history)
 */
public record DomainReport(
    String domain,
    Instant startedAt,
    long durationMillis,
    DomainVerdict verdict,
    String verdictReason,
    DiscoveryResult discovery,
    Optional<FetchResult> fetch,
    Optional<ParsedPolicy> policy,
    boolean policyApplies,
    List<MxReport> mx,
    TlsRptDiscovery tlsrpt,
    List<StageReport> stages,
    CheckOrigin origin,
    ChangeSet changes) {

  public DomainReport {
    mx = List.copyOf(mx);
    stages = List.copyOf(stages);
    java.util.Objects.requireNonNull(origin, "origin");
    changes = changes == null ? ChangeSet.NONE : changes;
  }

  /** A report not compared with a history. */
  public DomainReport(
      String domain,
      Instant startedAt,
      long durationMillis,
      DomainVerdict verdict,
      String verdictReason,
      DiscoveryResult discovery,
      Optional<FetchResult> fetch,
      Optional<ParsedPolicy> policy,
      boolean policyApplies,
      List<MxReport> mx,
      TlsRptDiscovery tlsrpt,
      List<StageReport> stages,
      CheckOrigin origin) {
    this(
        domain,
        startedAt,
        durationMillis,
        verdict,
        verdictReason,
        discovery,
        fetch,
        policy,
        policyApplies,
        mx,
        tlsrpt,
        stages,
        origin,
        ChangeSet.NONE);
  }

  /** A report of the real Internet (the engine's own; a lab world stamps it with its origin). */
  public DomainReport(
      String domain,
      Instant startedAt,
      long durationMillis,
      DomainVerdict verdict,
      String verdictReason,
      DiscoveryResult discovery,
      Optional<FetchResult> fetch,
      Optional<ParsedPolicy> policy,
      boolean policyApplies,
      List<MxReport> mx,
      TlsRptDiscovery tlsrpt,
      List<StageReport> stages) {
    this(
        domain,
        startedAt,
        durationMillis,
        verdict,
        verdictReason,
        discovery,
        fetch,
        policy,
        policyApplies,
        mx,
        tlsrpt,
        stages,
        CheckOrigin.internet());
  }

  /** This report, from {@code from}. */
  public DomainReport withOrigin(CheckOrigin from) {
    return new DomainReport(
        domain,
        startedAt,
        durationMillis,
        verdict,
        verdictReason,
        discovery,
        fetch,
        policy,
        policyApplies,
        mx,
        tlsrpt,
        stages,
        from,
        changes);
  }

  /** This report, with what changed since the previous check. */
  public DomainReport withChanges(ChangeSet found) {
    return new DomainReport(
        domain,
        startedAt,
        durationMillis,
        verdict,
        verdictReason,
        discovery,
        fetch,
        policy,
        policyApplies,
        mx,
        tlsrpt,
        stages,
        origin,
        found);
  }

  /** Every finding of every stage, then the changes, worst first, then in stage order. */
  public List<Finding> findings() {
    return java.util.stream.Stream.concat(
            stages.stream().flatMap(s -> s.findings().stream()), changes.findings().stream())
        .sorted(Comparator.comparing(Finding::severity))
        .toList();
  }

  public boolean hasErrors() {
    return findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** The sum of the stage durations: compare with {@link #durationMillis()} to see concurrency. */
  public long sumOfStageMillis() {
    return stages.stream().mapToLong(StageReport::durationMillis).sum();
  }
}
