package org.stslens.engine.mx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.net.ConnectFailure;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.smtp.EndpointProbe;

/** The per-MX verdict rules, on hand-made probe results (no network). */
class MxJudgeTest {

  private static final String HOST = "mx1.example.com";

  private static Policy policy(Mode mode, String... patterns) {
    return new Policy(
        "STSv1",
        mode,
        604800,
        java.util.Arrays.stream(patterns).map(p -> MxPattern.parse(p).orElseThrow()).toList());
  }

  private static EndpointProbe endpoint(String ip, Finding... findings) throws Exception {
    InetAddress address = InetAddress.getByName(ip);
    return new EndpointProbe(
        HOST,
        address,
        new InetSocketAddress(address, 25),
        List.of(),
        findings.length == 0 ? Optional.of("220 ok") : Optional.empty(),
        findings.length == 0,
        findings.length == 0 ? Optional.of("TLSv1.3") : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(findings),
        Map.of());
  }

  /** An address whose TCP connection failed for {@code why}, with the prober's finding. */
  private static EndpointProbe notConnected(String ip, ConnectFailure why) throws Exception {
    InetAddress address = InetAddress.getByName(ip);
    return new EndpointProbe(
        HOST,
        address,
        new InetSocketAddress(address, 25),
        List.of(),
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(fail(Code.SMTP_CONNECT_FAILED, "Could not connect to " + HOST + ".")),
        Map.of(),
        Optional.of(why));
  }

  private static MxProbeResult probe(EndpointProbe... endpoints) {
    return new MxProbeResult(
        new MxHost(10, HOST, false), List.<DnsQuery>of(), List.of(endpoints), List.of(), 5);
  }

  private static Finding fail(Code code, String message) {
    return Finding.of(code, HOST, message, "");
  }

  @Test
  void coveredHostWithOnePassingAddressIsDelivered() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(endpoint("192.0.2.1")), Optional.of(policy(Mode.ENFORCE, "*.example.com")));
    assertThat(r.verdict()).isEqualTo(MxVerdict.DELIVER);
    assertThat(r.matchedPattern()).map(MxPattern::written).contains("*.example.com");
  }

  @Test
  void uncoveredHostIsRefusedUnderEnforceAndReportedUnderTesting() throws Exception {
    MxReport enforce =
        MxJudge.judge(
            probe(endpoint("192.0.2.1")), Optional.of(policy(Mode.ENFORCE, "mx2.example.com")));
    assertThat(enforce.verdict()).isEqualTo(MxVerdict.REFUSE);
    assertThat(enforce.findings())
        .anyMatch(f -> f.code() == Code.MX_NOT_COVERED && f.severity() == Severity.ERROR);

    MxReport testing =
        MxJudge.judge(
            probe(endpoint("192.0.2.1")), Optional.of(policy(Mode.TESTING, "mx2.example.com")));
    assertThat(testing.verdict()).isEqualTo(MxVerdict.REPORT);
    assertThat(testing.findings())
        .anyMatch(f -> f.code() == Code.MX_NOT_COVERED && f.severity() == Severity.WARNING);
  }

  @Test
  void wildcardMeantForSeveralLabelsIsExplained() {
    Policy p = policy(Mode.ENFORCE, "*.example.com");
    MxJudge.Coverage coverage = MxJudge.coverage("a.b.example.com", p);
    assertThat(coverage.matched()).isEmpty();
    assertThat(coverage.problem()).map(Finding::code).contains(Code.MX_WILDCARD_DEPTH);
    assertThat(MxJudge.coverage("example.com", p).problem())
        .map(Finding::code)
        .contains(Code.MX_WILDCARD_DEPTH);
  }

  @Test
  void connectionFailuresMakeTheHostUnreachableNotRefused() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(endpoint("192.0.2.1", fail(Code.SMTP_CONNECT_FAILED, "refused"))),
            Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.verdict()).isEqualTo(MxVerdict.UNREACHABLE);
  }

  @Test
  void tlsFailureOnEveryAddressIsRefused() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(endpoint("192.0.2.1", fail(Code.TLS_CERT_EXPIRED, "expired"))),
            Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.verdict()).isEqualTo(MxVerdict.REFUSE);
    assertThat(r.failingCodes()).contains("tls.cert-expired");
  }

  @Test
  void withoutPolicyEveryReachableHostIsDelivered() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(endpoint("192.0.2.1", fail(Code.TLS_CERT_EXPIRED, "expired"))), Optional.empty());
    assertThat(r.verdict()).isEqualTo(MxVerdict.DELIVER);
  }

  @Test
  void addressesThatDisagreeAreReported() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(endpoint("192.0.2.1"), endpoint("192.0.2.2", fail(Code.TLS_CERT_UNTRUSTED, "x"))),
            Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.verdict()).isEqualTo(MxVerdict.DELIVER);
    assertThat(r.findings()).anyMatch(f -> f.code() == Code.TLS_ENDPOINTS_DIFFER);
  }

  @Test
  void ipv6WithoutLocalRouteIsSetAsideNotBlamedOnTheMx() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(
                endpoint("192.0.2.1"),
                notConnected("2001:db8::1", ConnectFailure.NETWORK_UNREACHABLE)),
            Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.verdict()).isEqualTo(MxVerdict.DELIVER);
    assertThat(r.findings()).noneMatch(Finding::isError);
    assertThat(r.findings()).noneMatch(f -> f.code() == Code.TLS_ENDPOINTS_DIFFER);
  }

  @Test
  void anIpv6HostThatIsUnreachableBeyondOurNetworkIsBlamedOnTheMx() throws Exception {
    // a router said "no route to host": a fact about the MX, unlike a missing local route
    MxReport r =
        MxJudge.judge(
            probe(
                endpoint("192.0.2.1"),
                notConnected("2001:db8::1", ConnectFailure.HOST_UNREACHABLE)),
            Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.findings()).anyMatch(f -> f.code() == Code.SMTP_CONNECT_FAILED && f.isError());
  }

  private static MxProbeResult noAddress() {
    return new MxProbeResult(
        new MxHost(10, HOST, false),
        List.<DnsQuery>of(),
        List.of(),
        List.of(fail(Code.MX_NO_ADDRESS, "no address")),
        5);
  }

  @Test
  void hostWithoutAddressFailsUnderAPolicyAndIsUnreachableWithout() {
    assertThat(MxJudge.judge(noAddress(), Optional.of(policy(Mode.ENFORCE, HOST))).verdict())
        .isEqualTo(MxVerdict.REFUSE);
    MxReport testing = MxJudge.judge(noAddress(), Optional.of(policy(Mode.TESTING, HOST)));
    assertThat(testing.verdict()).isEqualTo(MxVerdict.REPORT);
    assertThat(testing.failingCodes()).containsExactly("mx.no-address");
    assertThat(MxJudge.judge(noAddress(), Optional.empty()).verdict())
        .isEqualTo(MxVerdict.UNREACHABLE);
  }

  @Test
  void hostWithoutAnyJudgedAddressButNoNoAddressFindingStaysUnreachable() {
    MxReport r = MxJudge.judge(probe(), Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.verdict()).isEqualTo(MxVerdict.UNREACHABLE);
  }

  @Test
  void everyAddressRejectingEhloAndHeloIsRefused() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(endpoint("192.0.2.1", fail(Code.SMTP_EHLO_REJECTED, "554"))),
            Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.verdict()).isEqualTo(MxVerdict.REFUSE);
    assertThat(
            MxJudge.judge(
                    probe(endpoint("192.0.2.1", fail(Code.SMTP_EHLO_REJECTED, "554"))),
                    Optional.empty())
                .verdict())
        .as("no session, so no delivery, policy or not")
        .isEqualTo(MxVerdict.UNREACHABLE);
  }

  @Test
  void anAddressUnreachableFromHereKeepsAHostThatRejectsEhloElsewhereUnjudged() throws Exception {
    MxReport r =
        MxJudge.judge(
            probe(
                endpoint("192.0.2.1", fail(Code.SMTP_EHLO_REJECTED, "554")),
                notConnected("192.0.2.2", ConnectFailure.TIMED_OUT)),
            Optional.of(policy(Mode.ENFORCE, HOST)));
    assertThat(r.verdict()).isEqualTo(MxVerdict.UNREACHABLE);
  }

  @Test
  void hostBeyondTheProbeLimitIsJudgedOnCoverageAlone() {
    MxProbeResult notProbed =
        MxProbeResult.notProbed(
            new MxHost(170, HOST, false), fail(Code.MX_PROBE_LIMIT, "not probed"));

    assertThat(MxJudge.judge(notProbed, Optional.of(policy(Mode.ENFORCE, HOST))).verdict())
        .isEqualTo(MxVerdict.NOT_PROBED);
    assertThat(MxJudge.judge(notProbed, Optional.empty()).verdict())
        .isEqualTo(MxVerdict.NOT_PROBED);
    MxReport uncovered =
        MxJudge.judge(notProbed, Optional.of(policy(Mode.ENFORCE, "other.example.com")));
    assertThat(uncovered.verdict()).isEqualTo(MxVerdict.REFUSE);
    assertThat(uncovered.failingCodes()).containsExactly("mx.not-covered");
    assertThat(
            MxJudge.judge(notProbed, Optional.of(policy(Mode.TESTING, "other.example.com")))
                .verdict())
        .isEqualTo(MxVerdict.REPORT);
  }

  @Test
  void unusedPatternsAreListed() {
    assertThat(MxJudge.unusedPatterns(policy(Mode.ENFORCE, HOST, "old.example.com"), List.of(HOST)))
        .extracting(Finding::target)
        .containsExactly("old.example.com");
    assertThat(MxJudge.unusedPatterns(policy(Mode.NONE, "old.example.com"), List.of(HOST)))
        .isEmpty();
  }
}
