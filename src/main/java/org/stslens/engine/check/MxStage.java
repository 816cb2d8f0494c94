package org.stslens.engine.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.stslens.engine.dane.DaneJudge;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dane.DaneSettings;
import org.stslens.engine.dane.DaneVerdict;
import org.stslens.engine.dane.TlsaDiscovery;
import org.stslens.engine.dane.TlsaLookup;
import org.stslens.engine.dane.TlsaStepText;
import org.stslens.engine.dns.AdditionalAddresses;
import org.stslens.engine.dns.Discovery;
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxProbeResult;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.net.Step;
import org.stslens.engine.net.StepListener;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.StageEvidence;
import org.stslens.engine.report.StageKind;
import org.stslens.engine.report.StageReport;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.smtp.MxProber;
import org.xbill.DNS.Type;

/**
 * Stage 4 of one check: each MX host resolved and every address probed at once, then judged against
 * the policy as soon as it is known. The scheduler ({@link MtaStsChecker}) decides when the stage
 * starts; this class decides what it does, and reports each host through the run.
 */
final class MxStage {

  /** A hostile DNS answer must not turn a check into a port scan: probe this many MX at most. */
  static final int MAX_MX_HOSTS = 16;

  /** Addresses probed per MX host (big providers publish several; more says nothing new). */
  static final int MAX_ADDRESSES_PER_HOST = 8;

  private final MtaStsChecker.Run run;
  private final MxProber prober;

  MxStage(MtaStsChecker.Run run, MxProber prober) {
    this.run = run;
    this.prober = prober;
  }

  /**
   * Probes the first {@link #MAX_MX_HOSTS} of {@code all} (in preference order) and judges every
   * host once {@code applied} is known; the rest are judged on the policy's coverage alone. {@code
   * mx} is the MX answer, whose additional section may carry the hosts' addresses.
   */
  CompletableFuture<List<MxReport>> run(
      List<MxHost> all, DnsQuery mx, CompletableFuture<StageRules.SenderPolicy> applied) {
    List<MxHost> hosts = all.subList(0, Math.min(all.size(), MAX_MX_HOSTS));
    List<MxHost> beyond = all.subList(hosts.size(), all.size());
    if (!beyond.isEmpty()) {
      run.probeLimits.add(hostLimit(run.domain, all.size(), beyond.size()));
    }
    List<CompletableFuture<MxReport>> each = new ArrayList<>();
    for (MxHost host : hosts) {
      long start = run.now();
      run.started(CheckStage.MX, host.host());
      // The TLSA look-up runs beside the probe: at most one round trip more on the critical path.
      CompletableFuture<Optional<TlsaDiscovery>> tlsa = lookupTlsa(host);
      each.add(
          probeHost(host, mx)
              .thenCombine(tlsa, ProbeAndTlsa::new)
              .thenCombine(
                  applied,
                  (both, policy) -> {
                    MxProbeResult probe = both.probe();
                    MxReport report = withDane(MxJudge.judge(probe, policy.applied()), both.tlsa());
                    // The judgement waits for the policy; the stage took as long as its probe.
                    run.finish(
                        CheckStage.MX,
                        StageKind.MX_HOST,
                        host.host(),
                        start,
                        probe.durationMillis(),
                        report.findings(),
                        Optional.of(new StageEvidence.Mx(report)),
                        policy.whyMxNotChecked());
                    return report;
                  }));
    }
    // Beyond the limit nothing is probed, but the policy's coverage needs no network: a host it
    // does not cover is refused whatever its TLS.
    for (MxHost host : beyond) {
      each.add(applied.thenApply(policy -> notProbed(host, policy.applied())));
    }
    for (int i = 0; i < all.size(); i++) {
      run.partial.mx.put(all.get(i), each.get(i));
    }
    return MtaStsChecker.allOf(each);
  }

  private record ProbeAndTlsa(MxProbeResult probe, Optional<TlsaDiscovery> tlsa) {}

  /** The validated TLSA look-up of one host; empty with DANE off. */
  private CompletableFuture<Optional<TlsaDiscovery>> lookupTlsa(MxHost host) {
    DaneSettings dane = run.options().dane();
    if (!dane.enabled()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    TlsaLookup lookup = new TlsaLookup(run.options().dns(), dane.anchors());
    // told as steps of the host's stage, like its A/AAAA queries and SMTP exchange
    StepListener steps = run.steps(CheckStage.MX, host.host());
    return run.async(
        () -> {
          long start = System.nanoTime();
          steps.step(Step.TLSA_LOOKUP_STARTED, TlsaStepText.started(host.host(), dane.anchors()));
          TlsaDiscovery found = lookup.lookup(host.host());
          long millis = (System.nanoTime() - start) / 1_000_000;
          steps.step(TlsaStepText.ending(found), TlsaStepText.finished(found, millis));
          return Optional.of(found);
        });
  }

  /** The host's report with its DANE result, and where MTA-STS and DANE disagree, which wins. */
  private MxReport withDane(MxReport report, Optional<TlsaDiscovery> tlsa) {
    if (tlsa.isEmpty()) {
      return report;
    }
    DaneResult dane =
        DaneJudge.judge(
            report.host(), tlsa.get(), report.endpoints(), run.options().clock().instant());
    boolean stsRefuses =
        report.verdict() == MxVerdict.REFUSE || report.verdict() == MxVerdict.REPORT;
    if (stsRefuses && dane.verdict() == DaneVerdict.PASS) {
      dane =
          dane.withFinding(
              Finding.of(
                  Code.DANE_PRECEDENCE,
                  report.host(),
                  "MTA-STS fails "
                      + report.host()
                      + " but its TLSA records are secure and match: a sender that supports"
                      + " both applies DANE (RFC 8461 §2) and delivers; an MTA-STS-only sender "
                      + (report.verdict() == MxVerdict.REFUSE ? "refuses it." : "reports it."),
                  ""));
    } else if (report.verdict() == MxVerdict.DELIVER && dane.verdict() == DaneVerdict.FAIL) {
      dane =
          dane.withFinding(
              Finding.of(
                  Code.DANE_PRECEDENCE,
                  report.host(),
                  "MTA-STS accepts "
                      + report.host()
                      + " but DANE fails it: a sender that supports both applies DANE (RFC 8461"
                      + " §2) and does not deliver; an MTA-STS-only sender delivers.",
                  ""));
    }
    return report.withDane(dane);
  }

  /**
   * The A and AAAA of one host, then every address (up to the limit) at once. Each family's
   * addresses are probed as soon as they are known: those from the MX answer's additional section
   * at once, without waiting for the other family's query.
   */
  private CompletableFuture<MxProbeResult> probeHost(MxHost host, DnsQuery mx) {
    long start = System.nanoTime();
    StepListener steps = run.steps(CheckStage.MX, host.host());
    DnsClient dns = run.dns.reporting(steps);
    CompletableFuture<DnsQuery> v4 = addressQuery(host, mx, Type.A, dns, steps);
    CompletableFuture<DnsQuery> v6 = addressQuery(host, mx, Type.AAAA, dns, steps);
    CompletableFuture<List<EndpointProbe>> probes4 =
        v4.thenComposeAsync(
            q -> probeAll(host, first(DnsClient.addresses(q), MAX_ADDRESSES_PER_HOST), steps),
            run.executor());
    CompletableFuture<List<EndpointProbe>> probes6 =
        v4.thenCombine(
                v6,
                (q4, q6) ->
                    first(
                        DnsClient.addresses(q6),
                        MAX_ADDRESSES_PER_HOST
                            - Math.min(DnsClient.addresses(q4).size(), MAX_ADDRESSES_PER_HOST)))
            .thenComposeAsync(addresses -> probeAll(host, addresses, steps), run.executor());
    CompletableFuture<List<EndpointProbe>> endpoints =
        probes4.thenCombine(
            probes6,
            (a, b) -> {
              List<EndpointProbe> both = new ArrayList<>(a);
              both.addAll(b);
              return both;
            });
    return v4.thenCombine(v6, List::of)
        .thenCombine(
            endpoints,
            (queries, probed) ->
                new MxProbeResult(
                    host,
                    queries,
                    probed,
                    hostFindings(host, queries),
                    (System.nanoTime() - start) / 1_000_000));
  }

  /**
   * The {@code type} addresses of {@code host}: from the MX answer's additional section when it has
   * them (the step says so), else asked. A family missing there is still asked: a resolver adds
   * only what it holds, so its absence says nothing.
   */
  private CompletableFuture<DnsQuery> addressQuery(
      MxHost host, DnsQuery mx, int type, DnsClient dns, StepListener steps) {
    Optional<DnsQuery> carried = AdditionalAddresses.of(mx, host.host(), Type.string(type));
    if (carried.isPresent()) {
      DnsQuery q = carried.get();
      steps.step(
          Step.DNS_ANSWER_RECEIVED,
          q.name()
              + " "
              + q.type()
              + ": "
              + q.answers().size()
              + (q.answers().size() == 1 ? " record" : " records")
              + " from the MX answer's additional section, no query sent");
      return CompletableFuture.completedFuture(q);
    }
    return run.async(() -> dns.query(host.host(), type));
  }

  private CompletableFuture<List<EndpointProbe>> probeAll(
      MxHost host, List<InetAddress> addresses, StepListener steps) {
    List<CompletableFuture<EndpointProbe>> probes = new ArrayList<>();
    for (InetAddress address : addresses) {
      // addresses are probed at once: each step says which one it is about
      String at = "[" + address.getHostAddress() + "] ";
      StepListener endpointSteps = (step, detail) -> steps.step(step, at + detail);
      probes.add(run.async(() -> prober.probe(host.host(), address, endpointSteps)));
    }
    return MtaStsChecker.allOf(probes);
  }

  private static <T> List<T> first(List<T> all, int n) {
    return all.subList(0, Math.max(0, Math.min(all.size(), n)));
  }

  /** Failed look-ups, foreign records, too many addresses or none. */
  private static List<Finding> hostFindings(MxHost host, List<DnsQuery> queries) {
    List<Finding> hostFindings = new ArrayList<>();
    for (DnsQuery q : queries) {
      if (q.outcome().isTemporary()) {
        hostFindings.add(Discovery.temporaryFailure(q, CheckStage.MX));
      }
      Discovery.foreignRecords(q, CheckStage.MX).ifPresent(hostFindings::add);
    }
    int all = queries.stream().mapToInt(q -> DnsClient.addresses(q).size()).sum();
    if (all > MAX_ADDRESSES_PER_HOST) {
      hostFindings.add(addressLimit(host, all));
    }
    if (all == 0 && hostFindings.isEmpty()) {
      // Both look-ups answered, neither with an address: this fails from everywhere.
      hostFindings.add(noAddress(host, queries));
    }
    return hostFindings;
  }

  /** The report of a host beyond the probe limit, judged on the policy's coverage alone. */
  private MxReport notProbed(MxHost host, Optional<Policy> policy) {
    long start = run.now();
    run.started(CheckStage.MX, host.host());
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
    run.record(stage);
    return report;
  }

  /** mx.probe-limit for the domain: more MX hosts than are probed. */
  private static Finding hostLimit(String domain, int count, int beyond) {
    return Finding.of(
        Code.MX_PROBE_LIMIT,
        domain,
        domain
            + " has "
            + count
            + " MX hosts; STS Lens probed the first "
            + MAX_MX_HOSTS
            + " by preference. The "
            + (beyond == 1 ? "last one was" : "other " + beyond + " were")
            + " only checked against the policy's mx patterns: TLS not judged.",
        "");
  }

  /** mx.probe-limit for one host: more addresses than are probed. */
  private static Finding addressLimit(MxHost host, int count) {
    return Finding.of(
        Code.MX_PROBE_LIMIT,
        host.host(),
        host.host()
            + " has "
            + count
            + " addresses; STS Lens probed the first "
            + MAX_ADDRESSES_PER_HOST
            + ".",
        "");
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
}
