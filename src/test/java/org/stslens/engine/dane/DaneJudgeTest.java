package org.stslens.engine.dane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.smtp.EndpointProbe;

/** The per-MX DANE verdicts that the lab scenarios do not reach. */
class DaneJudgeTest {

  private static final String MX = "mx1.example.test";

  private static TlsaDiscovery secure(TlsaRecord... records) {
    return new TlsaDiscovery(
        TlsaDiscovery.tlsaName(MX),
        List.of(TlsaDiscovery.tlsaName(MX)),
        DnsOutcome.ANSWER,
        List.of(records),
        DnssecStatus.SECURE,
        "",
        false);
  }

  private static EndpointProbe withoutStarttls() throws Exception {
    InetAddress a = InetAddress.getByName("127.0.0.2");
    return new EndpointProbe(
        MX,
        a,
        new InetSocketAddress(a, 25),
        List.of(),
        Optional.of("220 mx1"),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Map.of());
  }

  private static List<Code> codes(DaneResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void secureTlsaWithoutStarttlsFails() throws Exception {
    DaneResult r =
        DaneJudge.judge(
            MX,
            secure(new TlsaRecord(3, 1, 1, new byte[32])),
            List.of(withoutStarttls()),
            Instant.now());
    assertThat(r.verdict()).isEqualTo(DaneVerdict.FAIL);
    assertThat(codes(r)).containsExactly(Code.DANE_NO_STARTTLS);
    assertThat(r.appliedBySenderWithBoth()).isEqualTo("dane");
  }

  @Test
  void onlyUnusableRecordsWarnAndLeaveDaneOut() {
    DaneResult r =
        DaneJudge.judge(
            MX, secure(new TlsaRecord(1, 1, 1, new byte[32])), List.of(), Instant.now());
    assertThat(r.verdict()).isEqualTo(DaneVerdict.NONE);
    assertThat(codes(r)).containsExactly(Code.DANE_TLSA_UNUSABLE);
  }

  @Test
  void noTlsaIsFineAndSaysNothing() {
    DaneResult r = DaneJudge.judge(MX, secure(), List.of(), Instant.now());
    assertThat(r.verdict()).isEqualTo(DaneVerdict.NONE);
    assertThat(r.findings()).isEmpty();
    assertThat(r.appliedBySenderWithBoth()).isEqualTo("mta-sts");
  }

  @Test
  void aStrippingResolverIsNotTheDomainsFaultUnlessTlsaWasSeen() {
    TlsaDiscovery stripped =
        new TlsaDiscovery(
            TlsaDiscovery.tlsaName(MX),
            List.of(),
            DnsOutcome.TEMPORARY,
            List.of(),
            DnssecStatus.INDETERMINATE,
            "strips",
            true);
    assertThat(DaneJudge.judge(MX, stripped, List.of(), Instant.now()).findings()).isEmpty();
    TlsaDiscovery failed =
        new TlsaDiscovery(
            TlsaDiscovery.tlsaName(MX),
            List.of(),
            DnsOutcome.TEMPORARY,
            List.of(),
            DnssecStatus.INDETERMINATE,
            "timeout",
            false);
    DaneResult r = DaneJudge.judge(MX, failed, List.of(), Instant.now());
    assertThat(codes(r)).containsExactly(Code.DANE_DNSSEC_INDETERMINATE);
    assertThat(r.verdict()).isEqualTo(DaneVerdict.NONE);
  }
}
