package org.stslens.engine.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.stslens.engine.dns.Discovery;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.dns.MxKind;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.fetch.PolicyFetcher;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.net.CancelScope;
import org.stslens.engine.net.Step;
import org.stslens.engine.net.StepListener;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageEvidence;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.smtp.MxProber;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;

/**
 * Runs the five stages of an MTA-STS check as an RFC 8461 sender would, as concurrently as their
 * dependencies allow: the TXT, MX and TLS-RPT queries together; the MX probes as soon as the MX set
 * is known, alongside the policy fetch; the verdict when everything has arrived. No task waits for
 * another inside the executor, so a small bounded pool can run several checks.
 */
public final class MtaStsChecker {

  /** How often the whole-check limit looks whether a person still steps through the check. */
  private static final Duration PACING_POLL = Duration.ofMillis(250);

  private final CheckOptions options;
  private final Executor executor;
  private final ScheduledExecutorService timer;

  /**
   * @param executor runs the network steps; owned by the caller
   * @param timer enforces the total time limit of the policy fetch and the MX probes' step limits;
   *     owned by the caller
   */
  public MtaStsChecker(CheckOptions options, Executor executor, ScheduledExecutorService timer) {
    this.options = options;
    this.executor = executor;
    this.timer = timer;
  }

  /**
   * Checks one domain and waits for the report.
   *
   * @throws IllegalArgumentException when {@code domain} is not a domain name
   * @throws InterruptedException when the calling thread is interrupted; the check is cancelled and
   *     its sockets closed
   */
  public DomainReport check(String domain, CheckListener listener) throws InterruptedException {
    RunningCheck running = start(domain, listener);
    return running.await();
  }

  /** Starts checking one domain; the returned handle can be awaited or cancelled. */
  public RunningCheck start(String typedDomain, CheckListener listener) {
    return start(typedDomain, listener, StageGate.OPEN);
  }

  /**
   * Starts checking one domain, asking {@code gate} before each stage (step-by-step mode). The gate
   * is asked on worker threads, so this method never blocks.
   */
  public RunningCheck start(String typedDomain, CheckListener listener, StageGate gate) {
    String domain =
        DomainNameInput.normalize(typedDomain)
            .orElseThrow(
                () -> new IllegalArgumentException("not a domain name: \"" + typedDomain + "\""));
    CancelScope scope = new CancelScope();
    Run run = new Run(domain, new SafeListener(listener), gate, scope);
    return new RunningCheck(domain, run.start(), scope);
  }

  /** One check in progress. */
  final class Run {
    final String domain;
    final SafeListener listener;
    final StageGate gate;

    /** Step-by-step: the stages run one after another instead of concurrently. */
    final boolean stepwise;

    final CancelScope scope;
    final DnsClient dns;
    final Discovery discovery;
    final long t0 = System.nanoTime();
    final Instant startedAt = Instant.now();
    final List<StageReport> finished = Collections.synchronizedList(new ArrayList<>());
    final List<Finding> probeLimits = Collections.synchronizedList(new ArrayList<>());

    /** Stages started and not finished, by name (e.g. "mx mx1.example.com"); guarded by this. */
    final Map<String, Started> open = new LinkedHashMap<>();

    /** Set once the report is made (normally or by the time limit): later steps are dropped. */
    boolean closed;

    /** The limit found the person stepping through; it restarts once they stop. */
    boolean paced;

    /** The pending whole-check limit. */
    final AtomicReference<ScheduledFuture<?>> limit = new AtomicReference<>();

    /** What the whole-check limit cut short; null while it has not run out. */
    volatile TimeLimit.Cut cut;

    /** The futures a report cut short by the time limit is made from (null until created). */
    final Partial partial = new Partial();

    Run(String domain, SafeListener listener, StageGate gate, CancelScope scope) {
      this.domain = domain;
      this.listener = listener;
      this.gate = gate;
      this.stepwise = gate != StageGate.OPEN;
      this.scope = scope;
      this.dns = new DnsClient(options.dns(), scope);
      this.discovery = new Discovery(dns.reporting(steps(CheckStage.DISCOVERY, domain)));
    }

    CompletableFuture<DomainReport> start() {
      // Everything waits for the discovery gate; it is asked on a worker, never on the caller.
      CompletableFuture<DomainReport> whole =
          async(
                  () -> {
                    gate.beforeStage(CheckStage.DISCOVERY, domain);
                    return now();
                  })
              .thenCompose(this::stages);
      CompletableFuture<DomainReport> result = new CompletableFuture<>();
      scheduleTimeLimit(result, options.checkTimeout());
      whole.whenComplete(
          (report, error) -> {
            if (error != null) {
              result.completeExceptionally(error);
            } else if (report != null) { // null: the time limit made the report first
              result.complete(report);
            }
          });
      // A cancel ends every stage started and not finished; a finished check ignores it.
      CancelScope.Registration onCancel = scope.register(this::cancelled);
      result.whenComplete(
          (report, error) -> {
            limit.get().cancel(false);
            onCancel.close();
          });
      return result;
    }

    private void scheduleTimeLimit(CompletableFuture<DomainReport> result, Duration after) {
      limit.set(
          timer.schedule(() -> timeLimitReached(result), after.toMillis(), TimeUnit.MILLISECONDS));
      if (result.isDone()) {
        limit.get().cancel(false);
      }
    }

    /**
     * The whole-check limit ran out: cancel every open step and report what finished, naming what
     * did not.
     */
    private void timeLimitReached(CompletableFuture<DomainReport> result) {
      DomainReport report;
      synchronized (this) {
        if (closed || scope.isCancelled() || result.isDone()) {
          return;
        }
        if (gate.pacing()) {
          // a person is stepping through: their pace, not a hang. Once they let the rest run,
          // the whole limit counts from then.
          paced = true;
          scheduleTimeLimit(result, PACING_POLL);
          return;
        }
        if (paced) {
          paced = false;
          scheduleTimeLimit(result, options.checkTimeout());
          return;
        }
        // Steps still running block on this lock when they finish, and are dropped after it.
        report =
            TimeLimit.report(this, partial, List.copyOf(open.keySet()), options.checkTimeout());
        closed = true;
      }
      listener.checkFinished(report);
      // The report first: the cancel makes the steps still running fail, which is no news.
      result.complete(report);
      scope.cancel();
    }

    private CompletableFuture<DomainReport> stages(long discoveryStart) {
      ChainValidator validator = new ChainValidator(options.trust(), options.clock());
      started(CheckStage.DISCOVERY, domain);
      CompletableFuture<DnsQuery> stsQuery = async(() -> discovery.lookUpRecord(domain));
      CompletableFuture<DnsQuery> apexQuery = async(() -> discovery.lookUpApex(domain));
      CompletableFuture<Discovery.StsLookup> txt =
          stsQuery.thenCombine(apexQuery, Discovery.StsLookup::new);
      CompletableFuture<DnsQuery> mxQuery = async(() -> discovery.lookUpMx(domain));
      partial.sts = stsQuery;
      partial.apex = apexQuery;
      partial.mxQuery = mxQuery;
      CompletableFuture<DiscoveryResult> discovered =
          txt.thenCombine(
              mxQuery,
              (t, m) -> {
                DiscoveryResult result = Discovery.judge(domain, t, m);
                finish(
                    CheckStage.DISCOVERY,
                    domain,
                    discoveryStart,
                    result.findings(),
                    new StageEvidence.Discovery(result));
                return result;
              });

      // Stage 2 and 3: the fetch starts once discovery is done, the parse right after it.
      CompletableFuture<Optional<FetchResult>> fetched =
          discovered.thenComposeAsync(
              d -> {
                if (d.mxKind() == MxKind.NO_DOMAIN) {
                  skip(CheckStage.RETRIEVAL);
                  return CompletableFuture.completedFuture(Optional.<FetchResult>empty());
                }
                return async(
                    () -> {
                      gate.beforeStage(CheckStage.RETRIEVAL, domain);
                      long start = now();
                      started(CheckStage.RETRIEVAL, domain);
                      FetchResult result =
                          new PolicyFetcher(
                                  dns.reporting(steps(CheckStage.RETRIEVAL, domain)),
                                  options.portMap(),
                                  validator,
                                  options.fetch(),
                                  timer)
                              .fetch(domain, scope, steps(CheckStage.RETRIEVAL, domain));
                      List<Finding> findings = new ArrayList<>(result.findings());
                      findings.addAll(CrossStageFindings.delegationMismatch(d, result));
                      finish(
                          CheckStage.RETRIEVAL,
                          domain,
                          start,
                          findings,
                          new StageEvidence.Retrieval(result));
                      return Optional.of(result);
                    });
              },
              executor);
      CompletableFuture<Optional<ParsedPolicy>> parsed =
          fetched.thenCompose(
              f -> {
                if (f.isEmpty() || f.get().status() != 200 || f.get().bodyTruncated()) {
                  skip(CheckStage.POLICY);
                  return CompletableFuture.completedFuture(Optional.<ParsedPolicy>empty());
                }
                // discovery finished before the fetch started: join() does not wait
                return async(() -> parse(discovered.join(), f.get()));
              });
      partial.discovered = discovered;
      partial.fetched = fetched;
      partial.parsed = parsed;
      CompletableFuture<StageRules.SenderPolicy> applied =
          discovered.thenCombine(
              fetched.thenCombine(parsed, FetchAndPolicy::new),
              (d, fp) -> StageRules.senderPolicy(d, fp.fetch(), fp.policy()));

      // Stage 4: each MX host probed as soon as the MX set is known.
      MxStage mxStage =
          new MxStage(
              this,
              new MxProber(
                  options.portMap(),
                  validator,
                  options.smtpStepTimeout(),
                  options.ehloName(),
                  timer));
      CompletableFuture<List<MxReport>> mxReports =
          // stepping through: the MX stage comes after the policy, as a sender thinks of it
          (stepwise ? mxQuery.thenCombine(parsed, (m, p) -> m) : mxQuery)
              .thenCompose(m -> async(() -> mxHostsThroughGate(m)))
              .thenComposeAsync(all -> mxStage.run(all, mxQuery.join(), applied), executor);

      // TLS reporting needs nothing else: at once, or last when stepping through the stages.
      CompletableFuture<?> tlsrptAfter =
          stepwise ? mxReports : CompletableFuture.completedFuture(null);
      CompletableFuture<TlsRptDiscovery> tlsrpt =
          tlsrptAfter.thenCompose(ignored -> async(this::lookUpTlsRpt));
      partial.tlsrpt = tlsrpt;

      return CompletableFuture.allOf(discovered, fetched, parsed, tlsrpt, mxReports, applied)
          .thenApply(
              ignored ->
                  assemble(
                      discovered.join(),
                      fetched.join(),
                      parsed.join(),
                      applied.join().applied(),
                      mxReports.join(),
                      tlsrpt.join()));
    }

    private TlsRptDiscovery lookUpTlsRpt() throws InterruptedException {
      gate.beforeStage(CheckStage.TLSRPT, domain);
      long start = now();
      started(CheckStage.TLSRPT, domain);
      TlsRptDiscovery result =
          TlsRptDiscovery.lookUp(dns.reporting(steps(CheckStage.TLSRPT, domain)), domain);
      finish(CheckStage.TLSRPT, domain, start, result.findings(), new StageEvidence.TlsRpt(result));
      return result;
    }

    /** The MX hosts to probe, once the step-by-step gate lets stage 4 start. */
    private List<MxHost> mxHostsThroughGate(DnsQuery mx) throws InterruptedException {
      List<MxHost> hosts = Discovery.mxSet(domain, mx).hosts();
      if (!hosts.isEmpty()) {
        gate.beforeStage(CheckStage.MX, domain);
      }
      return hosts;
    }

    private Optional<ParsedPolicy> parse(DiscoveryResult discovered, FetchResult fetch)
        throws InterruptedException {
      gate.beforeStage(CheckStage.POLICY, domain);
      long start = now();
      started(CheckStage.POLICY, domain);
      ParsedPolicy policy = PolicyParser.parse(fetch.body());
      // A valid text that was not fetched cleanly (text/html, untrusted certificate) or behind no
      // usable record is not applied: the stage says so instead of passing.
      Optional<String> notApplied =
          StageRules.senderPolicy(discovered, Optional.of(fetch), Optional.of(policy))
              .whyNotApplied();
      finish(
          CheckStage.POLICY,
          StageKind.STAGE,
          domain,
          start,
          now() - start,
          policy.findings(),
          Optional.of(new StageEvidence.PolicyText(policy, fetch)),
          notApplied);
      return Optional.of(policy);
    }

    private DomainReport assemble(
        DiscoveryResult discoveryResult,
        Optional<FetchResult> fetch,
        Optional<ParsedPolicy> policy,
        Optional<Policy> applied,
        List<MxReport> mx,
        TlsRptDiscovery tlsrpt) {
      synchronized (this) {
        if (closed) {
          return null; // the time limit made the report
        }
        // the time the check worked: the pauses of step-by-step are the reader's, not the check's
        long worked = now() - gate.pausedMillis();
        DomainReport report = assemble(discoveryResult, fetch, policy, applied, mx, tlsrpt, worked);
        closed = true;
        listener.checkFinished(report);
        return report;
      }
    }

    /** The report from what the stages gave; also the report cut short by the time limit. */
    DomainReport assemble(
        DiscoveryResult discoveryResult,
        Optional<FetchResult> fetch,
        Optional<ParsedPolicy> policy,
        Optional<Policy> applied,
        List<MxReport> mx,
        TlsRptDiscovery tlsrpt,
        long endMillis) {
      List<Finding> summary = new ArrayList<>(probeLimits);
      applied.ifPresent(
          p -> summary.addAll(MxJudge.unusedPatterns(p, mx.stream().map(MxReport::host).toList())));
      CrossStageFindings.port25Blocked(fetch, mx).ifPresent(summary::add);
      if (!summary.isEmpty()) {
        long start = now();
        started(CheckStage.MX, StageKind.MX_SUMMARY, "");
        finish(
            CheckStage.MX,
            StageKind.MX_SUMMARY,
            "",
            start,
            now() - start,
            summary,
            Optional.empty());
      }
      VerdictRules.Decision decision =
          TimeLimit.verdict(VerdictRules.decide(discoveryResult, fetch, policy, mx), cut);
      List<StageReport> stages;
      synchronized (finished) {
        stages = List.copyOf(finished);
      }
      return new DomainReport(
          domain,
          startedAt,
          endMillis,
          decision.verdict(),
          decision.reason(),
          discoveryResult,
          fetch,
          policy,
          applied.isPresent(),
          mx,
          tlsrpt,
          stages);
    }

    synchronized List<StageReport> finishedStages() {
      synchronized (finished) {
        return List.copyOf(finished);
      }
    }

    /** A stage's own step starts (one MX host for stage 4). */
    void started(CheckStage stage, String target) {
      started(stage, ownKind(stage), target);
    }

    /** A step starts: the listener hears of it, and the time limit would name it. */
    synchronized void started(CheckStage stage, StageKind kind, String target) {
      if (closed) {
        return;
      }
      open.put(TimeLimit.stepName(stage, target), new Started(stage, target));
      listener.stageStarted(stage, kind, target);
    }

    /**
     * The kind of a step named by its stage alone: stage 4 runs once per MX host. The MX summary is
     * never one of these; it names its kind where it is made.
     */
    private static StageKind ownKind(CheckStage stage) {
      return stage == CheckStage.MX ? StageKind.MX_HOST : StageKind.STAGE;
    }

    /** A step inside a stage: told only while the stage is open. */
    synchronized void step(CheckStage stage, String target, Step step, String detail) {
      if (closed || !open.containsKey(TimeLimit.stepName(stage, target))) {
        return;
      }
      listener.stepEvent(stage, target, step, detail);
    }

    /** The steps of one stage, for the network client that does its work. */
    StepListener steps(CheckStage stage, String target) {
      return (step, detail) -> step(stage, target, step, detail);
    }

    /** The check was cancelled: every open stage ends now, and nothing is told after. */
    private synchronized void cancelled() {
      if (closed) {
        return;
      }
      closed = true;
      for (Started s : open.values()) {
        listener.stageCancelled(s.stage(), s.target());
      }
      open.clear();
    }

    /** A step finished: kept for the report, unless the report is already made. */
    synchronized void record(StageReport report) {
      if (closed) {
        return;
      }
      open.remove(TimeLimit.stepName(report.stage(), report.target()));
      finished.add(report);
      listener.stageFinished(report);
    }

    CheckOptions options() {
      return options;
    }

    <T> CompletableFuture<T> async(IoTask<T> task) {
      return CompletableFuture.supplyAsync(
          () -> {
            // Cancelling interrupts the worker: channel-based sockets close at once on interrupt.
            // Closing the registration ends that (the scope never interrupts after it), and the
            // flag is cleared so that no late interrupt reaches the next task on this pooled
            // thread.
            Thread worker = Thread.currentThread();
            try (CancelScope.Registration registration = scope.register(worker::interrupt)) {
              scope.checkpoint();
              return task.run();
            } catch (InterruptedException | java.util.concurrent.CancellationException e) {
              throw new CompletionException(new InterruptedException("check cancelled"));
            } finally {
              Thread.interrupted();
            }
          },
          executor);
    }

    void finish(
        CheckStage stage,
        String target,
        long startMillis,
        List<Finding> findings,
        StageEvidence evidence) {
      finish(stage, target, startMillis, now() - startMillis, findings, Optional.of(evidence));
    }

    void finish(
        CheckStage stage,
        String target,
        long startMillis,
        long durationMillis,
        List<Finding> findings,
        Optional<StageEvidence> evidence) {
      finish(stage, ownKind(stage), target, startMillis, durationMillis, findings, evidence);
    }

    void finish(
        CheckStage stage,
        StageKind kind,
        String target,
        long startMillis,
        long durationMillis,
        List<Finding> findings,
        Optional<StageEvidence> evidence) {
      finish(
          stage, kind, target, startMillis, durationMillis, findings, evidence, Optional.empty());
    }

    /** A finished step; {@code notApplied} says why senders do not apply the policy it is about. */
    void finish(
        CheckStage stage,
        StageKind kind,
        String target,
        long startMillis,
        long durationMillis,
        List<Finding> findings,
        Optional<StageEvidence> evidence,
        Optional<String> notApplied) {
      StageReport report =
          new StageReport(
              stage,
              kind,
              target,
              StageRules.status(findings, notApplied),
              startMillis,
              durationMillis,
              findings,
              evidence,
              notApplied);
      record(report);
    }

    private void skip(CheckStage stage) {
      long at = now();
      started(stage, domain);
      StageReport report =
          new StageReport(
              stage,
              StageKind.STAGE,
              domain,
              StageStatus.SKIPPED,
              at,
              0,
              List.of(),
              Optional.empty());
      record(report);
    }

    long now() {
      return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The caller's executor, for continuations that must not run on the completing thread. */
    Executor executor() {
      return executor;
    }
  }

  /** The stage futures of one run, read when the time limit cuts it short. */
  static final class Partial {
    volatile CompletableFuture<DnsQuery> sts;
    volatile CompletableFuture<DnsQuery> apex;
    volatile CompletableFuture<DnsQuery> mxQuery;
    volatile CompletableFuture<DiscoveryResult> discovered;
    volatile CompletableFuture<Optional<FetchResult>> fetched;
    volatile CompletableFuture<Optional<ParsedPolicy>> parsed;
    volatile CompletableFuture<TlsRptDiscovery> tlsrpt;

    /** Every MX host, in preference order, with its report to come. */
    final Map<MxHost, CompletableFuture<MxReport>> mx =
        Collections.synchronizedMap(new LinkedHashMap<>());
  }

  /** A stage started and not yet finished. */
  private record Started(CheckStage stage, String target) {}

  private record FetchAndPolicy(Optional<FetchResult> fetch, Optional<ParsedPolicy> policy) {}

  @FunctionalInterface
  interface IoTask<T> {
    T run() throws InterruptedException;
  }

  static <T> CompletableFuture<List<T>> allOf(List<CompletableFuture<T>> futures) {
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
  }
}
