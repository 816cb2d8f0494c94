package org.stslens.engine.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.stslens.engine.dns.Discovery;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.DnsFailure;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxProbeResult;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.engine.report.StageEvidence;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;
import org.xbill.DNS.Type;

/**
 * The whole-check limit: when it runs out, the report is made from the steps that finished, and
 * every step that did not (still running, or never started) is marked with {@code
 * check.time-limit}. The verdict is temporarily-unknown, naming them.
 */
final class TimeLimit {

  /** What the limit cut short, for the verdict's reason. */
  record Cut(Duration limit, List<String> running, List<String> notStarted) {
    Cut {
      running = List.copyOf(running);
      notStarted = List.copyOf(notStarted);
    }
  }

  private TimeLimit() {}

  /** How a step is named in findings and the verdict, e.g. {@code mx mx1.example.com}. */
  static String stepName(CheckStage stage, String target) {
    return target.isEmpty() ? stage.word() : stage.word() + " " + target;
  }

  /**
   * The report of a run cut short. Called with the run's lock held, after its scope was cancelled;
   * records a stage report for every step that did not finish.
   *
   * @param open the steps started and not finished when the limit ran out
   */
  static DomainReport report(
      MtaStsChecker.Run run, MtaStsChecker.Partial partial, List<String> open, Duration limit) {
    String domain = run.domain;
    long at = run.now();
    List<String> finished =
        run.finishedStages().stream().map(s -> stepName(s.stage(), s.target())).toList();
    List<String> running = new ArrayList<>();
    List<String> notStarted = new ArrayList<>();

    // Stage 1: the answers that came, the others as timed out.
    DiscoveryResult discovery;
    Optional<DiscoveryResult> done = done(partial.discovered);
    if (done.isPresent()) {
      discovery = done.get();
    } else {
      DnsQuery sts =
          done(partial.sts).orElseGet(() -> unanswered(Discovery.stsName(domain), Type.TXT, limit));
      DnsQuery apex = done(partial.apex).orElseGet(() -> unanswered(domain, Type.TXT, limit));
      DnsQuery mx = done(partial.mxQuery).orElseGet(() -> unanswered(domain, Type.MX, limit));
      discovery = Discovery.judge(domain, new Discovery.StsLookup(sts, apex), mx);
      List<Finding> findings = new ArrayList<>(discovery.findings());
      findings.add(
          cutShort(CheckStage.DISCOVERY, domain, open, limit, running, notStarted, finished));
      run.finish(
          CheckStage.DISCOVERY,
          domain,
          at,
          0,
          findings,
          Optional.of(new StageEvidence.Discovery(discovery)));
    }

    // Stages 2 and 3: what arrived, or nothing.
    Optional<FetchResult> fetch = done(partial.fetched).flatMap(f -> f);
    Optional<ParsedPolicy> policy = done(partial.parsed).flatMap(p -> p);
    markIfUnfinished(
        run, CheckStage.RETRIEVAL, domain, open, limit, running, notStarted, finished, at);
    markIfUnfinished(
        run, CheckStage.POLICY, domain, open, limit, running, notStarted, finished, at);
    Optional<Policy> applied = VerdictRules.appliedPolicy(discovery, fetch, policy);

    // Stage 4: the hosts judged, the others judged on coverage alone and marked.
    List<MxReport> mx = new ArrayList<>();
    List<MxHost> hosts;
    List<CompletableFuture<MxReport>> reports = new ArrayList<>();
    synchronized (partial.mx) {
      hosts = new ArrayList<>(partial.mx.keySet());
      for (Map.Entry<MxHost, CompletableFuture<MxReport>> e : partial.mx.entrySet()) {
        reports.add(e.getValue());
      }
    }
    if (hosts.isEmpty() && discovery.mxQuery().outcome() == DnsOutcome.ANSWER) {
      hosts = discovery.mxHosts();
      hosts.forEach(h -> reports.add(null));
    }
    for (int i = 0; i < hosts.size(); i++) {
      MxHost host = hosts.get(i);
      Optional<MxReport> report = done(reports.get(i));
      if (report.isPresent()) {
        mx.add(report.get());
        continue;
      }
      Finding why =
          cutShort(CheckStage.MX, host.host(), open, limit, running, notStarted, finished);
      MxReport cut = MxJudge.judge(MxProbeResult.notProbed(host, why), applied);
      mx.add(cut);
      run.finish(
          CheckStage.MX,
          host.host(),
          at,
          0,
          cut.findings(),
          Optional.of(new StageEvidence.Mx(cut)));
    }

    // TLS reporting: the answer, or a timed-out query.
    TlsRptDiscovery tlsrpt;
    Optional<TlsRptDiscovery> record = done(partial.tlsrpt);
    if (record.isPresent()) {
      tlsrpt = record.get();
    } else {
      tlsrpt =
          TlsRptDiscovery.judge(unanswered(TlsRptDiscovery.recordName(domain), Type.TXT, limit));
      List<Finding> findings = new ArrayList<>(tlsrpt.findings());
      findings.add(cutShort(CheckStage.TLSRPT, domain, open, limit, running, notStarted, finished));
      run.finish(
          CheckStage.TLSRPT,
          domain,
          at,
          0,
          findings,
          Optional.of(new StageEvidence.TlsRpt(tlsrpt)));
    }
    run.cut = new Cut(limit, running, notStarted);
    return run.assemble(discovery, fetch, policy, applied, mx, tlsrpt, at);
  }

  /** The verdict of a report cut short: temporarily-unknown, naming what did not finish. */
  static VerdictRules.Decision verdict(VerdictRules.Decision decided, Cut cut) {
    if (cut == null) {
      return decided;
    }
    StringBuilder reason =
        new StringBuilder("The check's time limit (" + seconds(cut.limit()) + ") ran out");
    if (!cut.running().isEmpty()) {
      reason.append("; still running: ").append(String.join(", ", cut.running()));
    }
    if (!cut.notStarted().isEmpty()) {
      reason.append("; not started: ").append(String.join(", ", cut.notStarted()));
    }
    reason.append(". The steps that finished are shown; the verdict needs the others.");
    return new VerdictRules.Decision(DomainVerdict.TEMPORARILY_UNKNOWN, reason.toString());
  }

  private static void markIfUnfinished(
      MtaStsChecker.Run run,
      CheckStage stage,
      String domain,
      List<String> open,
      Duration limit,
      List<String> running,
      List<String> notStarted,
      List<String> finished,
      long at) {
    if (finished.contains(stepName(stage, domain))) {
      return;
    }
    Finding why = cutShort(stage, domain, open, limit, running, notStarted, finished);
    run.finish(stage, domain, at, 0, List.of(why), Optional.empty());
  }

  /** check.time-limit for one step, which is added to {@code running} or {@code notStarted}. */
  private static Finding cutShort(
      CheckStage stage,
      String target,
      List<String> open,
      Duration limit,
      List<String> running,
      List<String> notStarted,
      List<String> finished) {
    String step = stepName(stage, target);
    boolean wasRunning = open.contains(step);
    (wasRunning ? running : notStarted).add(step);
    return new Finding(
        Code.CHECK_TIME_LIMIT,
        Code.CHECK_TIME_LIMIT.severity(),
        stage,
        target,
        "The check's time limit ("
            + seconds(limit)
            + ") ran out "
            + (wasRunning
                ? "while this step was still running: it was cancelled."
                : "before this step could start.")
            + " What it would have shown is unknown.",
        "Check again; if a server is merely slow, raise the limit (--check-timeout, or the"
            + " desktop's settings). A step that never ends points at a server that stalls.",
        0,
        0);
  }

  /** A query the time limit cut off, as a timeout: a temporary failure, never an absence. */
  private static DnsQuery unanswered(String name, int type, Duration limit) {
    String fqdn = name.endsWith(".") ? name : name + ".";
    return new DnsQuery(
        fqdn,
        Type.string(type),
        "",
        "udp",
        0,
        DnsOutcome.TEMPORARY,
        "TIMEOUT",
        false,
        List.of(),
        List.of(fqdn),
        Optional.of(new DnsFailure(DnsFailure.Kind.CHECK_TIME_LIMIT, "", seconds(limit))));
  }

  private static <T> Optional<T> done(CompletableFuture<T> future) {
    if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return Optional.ofNullable(future.join());
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
