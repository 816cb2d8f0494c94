package org.stslens.engine.check;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.dns.MxKind;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.fetch.PolicyFetcher;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxProbeResult;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.net.CancelScope;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.StageEvidence;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.smtp.MxProber;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;
import org.xbill.DNS.Type;

/**
 * Runs the five stages of an MTA-STS check as an RFC 8461 sender would, as concurrently as their
 * dependencies allow: the TXT, MX and TLS-RPT queries together; the MX probes as soon as the MX set
 * is known, alongside the policy fetch; the verdict when everything has arrived. No task waits for
 * another inside the executor, so a small bounded pool can run several checks.
 */
public final class MtaStsChecker {

  /** A hostile DNS answer must not turn a check into a port scan: probe this many MX at most. */
  static final int MAX_MX_HOSTS = 16;

  /** Addresses probed per MX host (big providers publish several; more says nothing new). */
  static final int MAX_ADDRESSES_PER_HOST = 8;

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

    /** Steps started and not finished, e.g. "mx mx1.example.com"; guarded by this. */
    final Set<String> open = new LinkedHashSet<>();

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
      this.discovery = new Discovery(dns);
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
      result.whenComplete((report, error) -> limit.get().cancel(false));
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
        report = TimeLimit.report(this, partial, List.copyOf(open), options.checkTimeout());
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
                                  dns, options.portMap(), validator, options.fetch(), timer)
                              .fetch(domain, scope);
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
                return async(() -> parse(f.get()));
              });
      partial.discovered = discovered;
      partial.fetched = fetched;
      partial.parsed = parsed;
      CompletableFuture<Optional<Policy>> applied =
          discovered.thenCombine(
              fetched.thenCombine(parsed, FetchAndPolicy::new),
              (d, fp) -> VerdictRules.appliedPolicy(d, fp.fetch(), fp.policy()));

      // Stage 4: each MX host probed as soon as the MX set is known.
      MxProber prober =
          new MxProber(
              options.portMap(), validator, options.smtpStepTimeout(), options.ehloName(), timer);
      CompletableFuture<List<MxReport>> mxReports =
          // stepping through: the MX stage comes after the policy, as a sender thinks of it
          (stepwise ? mxQuery.thenCombine(parsed, (m, p) -> m) : mxQuery)
              .thenCompose(m -> async(() -> mxHostsThroughGate(m)))
              .thenComposeAsync(
                  all -> {
                    List<MxHost> hosts = all.subList(0, Math.min(all.size(), MAX_MX_HOSTS));
                    List<MxHost> beyond = all.subList(hosts.size(), all.size());
                    if (!beyond.isEmpty()) {
                      probeLimits.add(
                          Finding.of(
                              Code.MX_PROBE_LIMIT,
                              domain,
                              domain
                                  + " has "
                                  + all.size()
                                  + " MX hosts; STS Lens probed the first "
                                  + MAX_MX_HOSTS
                                  + " by preference. The "
                                  + (beyond.size() == 1
                                      ? "last one was"
                                      : "other " + beyond.size() + " were")
                                  + " only checked against the policy's mx patterns: TLS not"
                                  + " judged.",
                              ""));
                    }
                    List<CompletableFuture<MxReport>> each = new ArrayList<>();
                    for (MxHost host : hosts) {
                      long start = now();
                      started(CheckStage.MX, host.host());
                      each.add(
                          probeHost(host, prober)
                              .thenCombine(
                                  applied,
                                  (probe, policy) -> {
                                    MxReport report = MxJudge.judge(probe, policy);
                                    // The judgement waits for the policy; the stage took as long as
                                    // its probe.
                                    finish(
                                        CheckStage.MX,
                                        host.host(),
                                        start,
                                        probe.durationMillis(),
                                        report.findings(),
                                        Optional.of(new StageEvidence.Mx(report)));
                                    return report;
                                  }));
                    }
                    // Beyond the limit nothing is probed, but the policy's coverage needs no
                    // network: a host it does not cover is refused whatever its TLS.
                    for (MxHost host : beyond) {
                      each.add(applied.thenApply(policy -> notProbed(host, policy)));
                    }
                    for (int i = 0; i < all.size(); i++) {
                      partial.mx.put(all.get(i), each.get(i));
                    }
                    return allOf(each);
                  },
                  executor);

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
                      applied.join(),
                      mxReports.join(),
                      tlsrpt.join()));
    }

    private TlsRptDiscovery lookUpTlsRpt() throws InterruptedException {
      gate.beforeStage(CheckStage.TLSRPT, domain);
      long start = now();
      started(CheckStage.TLSRPT, domain);
      TlsRptDiscovery result = TlsRptDiscovery.lookUp(dns, domain);
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

    private Optional<ParsedPolicy> parse(FetchResult fetch) throws InterruptedException {
      gate.beforeStage(CheckStage.POLICY, domain);
      long start = now();
      started(CheckStage.POLICY, domain);
      ParsedPolicy policy = PolicyParser.parse(fetch.body());
      finish(
          CheckStage.POLICY,
          domain,
          start,
          policy.findings(),
          new StageEvidence.PolicyText(policy, fetch));
      return Optional.of(policy);
    }

    private CompletableFuture<MxProbeResult> probeHost(MxHost host, MxProber prober) {
      long start = System.nanoTime();
      CompletableFuture<List<DnsQuery>> lookups =
          async(() -> dns.query(host.host(), Type.A))
              .thenCombine(async(() -> dns.query(host.host(), Type.AAAA)), List::of);
      return lookups.thenComposeAsync(
          queries -> {
            List<Finding> hostFindings = new ArrayList<>();
            for (DnsQuery q : queries) {
              if (q.outcome().isTemporary()) {
                hostFindings.add(Discovery.temporaryFailure(q, CheckStage.MX));
              }
              Discovery.foreignRecords(q, CheckStage.MX).ifPresent(hostFindings::add);
            }
            List<InetAddress> all =
                queries.stream().flatMap(q -> DnsClient.addresses(q).stream()).toList();
            List<InetAddress> addresses =
                all.subList(0, Math.min(all.size(), MAX_ADDRESSES_PER_HOST));
            if (addresses.size() < all.size()) {
              hostFindings.add(
                  Finding.of(
                      Code.MX_PROBE_LIMIT,
                      host.host(),
                      host.host()
                          + " has "
                          + all.size()
                          + " addresses; STS Lens probed the first "
                          + MAX_ADDRESSES_PER_HOST
                          + ".",
                      ""));
            }
            if (addresses.isEmpty() && hostFindings.isEmpty()) {
              // Both look-ups answered, neither with an address: this fails from everywhere.
              hostFindings.add(noAddress(host, queries));
            }
            List<CompletableFuture<EndpointProbe>> probes = new ArrayList<>();
            for (InetAddress address : addresses) {
              probes.add(async(() -> prober.probe(host.host(), address)));
            }
            return allOf(probes)
                .thenApply(
                    endpoints ->
                        new MxProbeResult(
                            host,
                            queries,
                            endpoints,
                            hostFindings,
                            (System.nanoTime() - start) / 1_000_000));
          },
          executor);
    }

    /** The report of a host beyond the probe limit, judged on the policy's coverage alone. */
    private MxReport notProbed(MxHost host, Optional<Policy> policy) {
      long start = now();
      started(CheckStage.MX, host.host());
      Finding why =
          Finding.of(
              Code.MX_PROBE_LIMIT,
              host.host(),
              host.host()
                  + " was not probed: STS Lens probes the first "
                  + MAX_MX_HOSTS
                  + " MX hosts by preference. Only its coverage by the policy was checked.",
              "");
      MxReport report = MxJudge.judge(MxProbeResult.notProbed(host, why), policy);
      // Nothing was looked at unless coverage failed: skipped, not passed.
      StageStatus status =
          report.findings().stream().anyMatch(Finding::isError)
              ? StageStatus.FAIL
              : StageStatus.SKIPPED;
      StageReport stage =
          new StageReport(
              CheckStage.MX,
              StageKind.MX_HOST,
              host.host(),
              status,
              start,
              0,
              report.findings(),
              Optional.of(new StageEvidence.Mx(report)));
      record(stage);
      return report;
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
        DomainReport report = assemble(discoveryResult, fetch, policy, applied, mx, tlsrpt, now());
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
      open.add(TimeLimit.stepName(stage, target));
      listener.stageStarted(stage, kind, target);
    }

    /**
     * The kind of a step named by its stage alone: stage 4 runs once per MX host. The MX summary is
     * never one of these; it names its kind where it is made.
     */
    private static StageKind ownKind(CheckStage stage) {
      return stage == CheckStage.MX ? StageKind.MX_HOST : StageKind.STAGE;
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

    private <T> CompletableFuture<T> async(IoTask<T> task) {
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
      StageReport report =
          new StageReport(
              stage,
              kind,
              target,
              StageStatus.of(findings),
              startMillis,
              durationMillis,
              findings,
              evidence);
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
  }

  /** mx.no-address: the A and AAAA look-ups of an MX host both answered without an address. */
  static Finding noAddress(MxHost host, List<DnsQuery> queries) {
    boolean nxdomain = queries.stream().anyMatch(q -> q.outcome() == DnsOutcome.NX_DOMAIN);
    String name = host.host();
    return Finding.of(
        Code.MX_NO_ADDRESS,
        name,
        (nxdomain
                ? name + " does not exist in DNS (NXDOMAIN)"
                : name + " has no A or AAAA record (the name exists, without an address)")
            + ": no sender can connect to it, from anywhere. Under a policy it counts as failing.",
        "Publish an A (and AAAA) record for " + name + ", or remove its MX record.");
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

  private record FetchAndPolicy(Optional<FetchResult> fetch, Optional<ParsedPolicy> policy) {}

  @FunctionalInterface
  private interface IoTask<T> {
    T run() throws InterruptedException;
  }

  private static <T> CompletableFuture<List<T>> allOf(List<CompletableFuture<T>> futures) {
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
  }
}
