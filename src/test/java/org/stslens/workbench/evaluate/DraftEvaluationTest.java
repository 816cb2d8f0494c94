package org.stslens.workbench.evaluate;

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
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxProbeResult;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.engine.smtp.EndpointProbe;

class DraftEvaluationTest {

  private static MxProbeResult probe(String host, int preference, boolean passes) throws Exception {
    InetAddress address = InetAddress.getByName("127.0.0." + preference);
    List<Finding> findings =
        passes ? List.of() : List.of(Finding.of(Code.TLS_CERT_EXPIRED, host, "expired", ""));
    EndpointProbe endpoint =
        new EndpointProbe(
            host,
            address,
            new InetSocketAddress(address, 25),
            List.of(),
            Optional.of("220 ok"),
            true,
            Optional.of("TLSv1.3"),
            Optional.empty(),
            Optional.empty(),
            findings,
            Map.of());
    return new MxProbeResult(
        new MxHost(preference, host, false), List.<DnsQuery>of(), List.of(endpoint), List.of(), 5);
  }

  private static List<MxReport> liveCheck(String livePolicy) throws Exception {
    var policy = PolicyParser.parse(livePolicy).policy();
    return List.of(
        MxJudge.judge(probe("mx1.example.com", 10, true), policy),
        MxJudge.judge(probe("mx2.example.com", 20, true), policy),
        MxJudge.judge(probe("mx3.example.com", 30, false), policy));
  }

  @Test
  void coveringAnUncoveredHostChangesItsVerdict() throws Exception {
    List<MxReport> live =
        liveCheck("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n");
    DraftEvaluation eval =
        DraftEvaluation.of(
            PolicyParser.parse(
                "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmx: old.example.net\r\nmax_age: 604800\r\n"),
            live);
    assertThat(eval.rows())
        .extracting(MxComparison::host, MxComparison::live, MxComparison::draft)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "mx1.example.com", MxVerdict.DELIVER, MxVerdict.DELIVER),
            org.assertj.core.groups.Tuple.tuple(
                "mx2.example.com", MxVerdict.REFUSE, MxVerdict.DELIVER),
            org.assertj.core.groups.Tuple.tuple(
                "mx3.example.com", MxVerdict.REFUSE, MxVerdict.REFUSE));
    assertThat(eval.changes()).containsExactly("mx2.example.com goes from refused to delivered");
    assertThat(eval.unusedPatterns())
        .extracting(Finding::target)
        .containsExactly("old.example.net");
    assertThat(eval.uncovered()).isEmpty();
    assertThat(eval.headline()).contains("delivers to 2 of 3").contains("1 MX host changes");
  }

  @Test
  void testingModeReportsInsteadOfRefusing() throws Exception {
    List<MxReport> live =
        liveCheck("version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n");
    DraftEvaluation eval =
        DraftEvaluation.of(
            PolicyParser.parse(
                "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmax_age: 86400\r\n"),
            live);
    assertThat(eval.rows())
        .extracting(MxComparison::draft)
        .containsExactly(MxVerdict.DELIVER, MxVerdict.REPORT, MxVerdict.REPORT);
    assertThat(eval.uncovered()).containsExactly("mx2.example.com", "mx3.example.com");
  }

  @Test
  void anInvalidDraftIsSaidToBeIgnored() throws Exception {
    DraftEvaluation eval =
        DraftEvaluation.of(
            PolicyParser.parse("version: STSv1\r\nmode: Enforce\r\n"),
            liveCheck(
                "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n"));
    assertThat(eval.draftApplies()).isFalse();
    assertThat(eval.headline()).contains("not a valid policy");
    assertThat(eval.rows()).extracting(MxComparison::draft).containsOnly(MxVerdict.DELIVER);
  }

  @Test
  void withoutACheckThereIsNothingToCompare() {
    DraftEvaluation eval = DraftEvaluation.of(PolicyParser.parse(""), List.of());
    assertThat(eval.rows()).isEmpty();
    assertThat(eval.headline()).contains("check the domain");
  }
}
