package org.stslens.ui.stages.mx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dane.TlsaMatch;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.TryCommands;
import org.stslens.lab.LabReports;

/** The words of the DANE section, on real reports of DANE lab worlds checked by the engine. */
class DaneRowsTest {

  private static DomainReport valid;
  private static DomainReport rollover;
  private static DomainReport rescues;
  private static DomainReport noDane;
  private static DomainReport alias;

  @BeforeAll
  static void check() throws InterruptedException {
    valid = LabReports.check("dane-ee-valid");
    rollover = LabReports.check("dane-rollover-mismatch");
    rescues = LabReports.check("dane-rescues-sts");
    noDane = LabReports.check("good-enforce");
    alias = LabReports.check("dane-cname-mx");
  }

  private static MxReport mx(DomainReport r) {
    return r.mx().get(0);
  }

  private static DaneResult dane(DomainReport r) {
    return mx(r).dane().orElseThrow();
  }

  @Test
  void aValidDaneEeRecordMatchesOnASecureAnswer() {
    DaneResult d = dane(valid);
    assertThat(DaneRows.applies(d)).isTrue();
    assertThat(DaneRows.dnssec(d.tlsa())).startsWith("secure: signed, and validated");
    List<DaneRows.Row> rows = DaneRows.rows(d);
    assertThat(rows).isNotEmpty();
    assertThat(rows)
        .extracting(DaneRows.Row::usage, DaneRows.Row::selector, DaneRows.Row::matchingType)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple("3 DANE-EE", "1 public key", "1 SHA-256"));
    assertThat(rows).extracting(DaneRows.Row::resultWord).containsOnly("matched");
    assertThat(DaneRows.verdict(d.verdict())).startsWith("pass:");
    assertThat(DaneRows.whichApplies(mx(valid), d)).startsWith("MTA-STS and DANE agree.");
  }

  @Test
  void theChainOfTrustRunsFromTheAnchorToTheZoneAndEndsSecure() {
    List<String> chain = DaneRows.chain(dane(valid).tlsa());
    assertThat(chain).hasSize(3);
    assertThat(chain.get(0)).startsWith("lab.example.  DS tag ").contains("(trust anchor)");
    assertThat(chain.get(1))
        .startsWith("dane-ee-valid.lab.example.  DS tag ")
        .contains("DNSKEY tag ")
        .contains("KSK (RRSIG present)");
    assertThat(chain.get(2)).startsWith("→ secure to the TLSA RRset at dane-ee-valid.lab.example.");
    assertThat(DaneRows.alias(dane(valid).tlsa())).isEmpty();
    List<DaneRows.ChainRow> rows = DaneRows.chainRows(dane(valid).tlsa());
    assertThat(rows)
        .extracting(DaneRows.ChainRow::zone)
        .containsExactly("lab.example.", "dane-ee-valid.lab.example.");
    assertThat(rows.get(0).ds()).matches("\\d+ / 13 / 2 \\(trust anchor\\)");
    assertThat(rows.get(0).signatures()).isEqualTo("DNSKEY");
    assertThat(rows.get(1).keys()).matches("\\d+ / 13 KSK");
    assertThat(rows.get(1).signatures()).isEqualTo("DS, DNSKEY");
    assertThat(DaneRows.chainEnd(dane(valid).tlsa()))
        .startsWith("Ended: secure to the TLSA RRset at dane-ee-valid.lab.example. (");
  }

  @Test
  void anAliasedMxHostSaysWhichNameCarriesItsTlsaRecords() {
    DaneResult d = dane(alias);
    assertThat(DaneRows.alias(d.tlsa()))
        .hasValue(
            "mx1.dane-cname-mx.lab.example → mail.dane-cname-mx.lab.example: every CNAME is"
                + " secure, so the TLSA records are looked up at mail.dane-cname-mx.lab.example"
                + " (RFC 7672 §2.2.2)");
    assertThat(DaneRows.commands(mx(alias), d, TryCommands.internet()))
        .anyMatch(c -> c.equals("dig +dnssec TLSA _25._tcp.mail.dane-cname-mx.lab.example."))
        .anyMatch(c -> c.contains("-dane_tlsa_domain mail.dane-cname-mx.lab.example "));
  }

  @Test
  void aRolledOverKeyDoesNotMatchAndDaneOverridesMtaSts() {
    DaneResult d = dane(rollover);
    assertThat(DaneRows.dnssec(d.tlsa())).startsWith("secure:");
    assertThat(DaneRows.rows(d))
        .extracting(DaneRows.Row::result)
        .containsOnly(Optional.of(TlsaMatch.Result.NOT_MATCHED));
    assertThat(DaneRows.rows(d)).extracting(DaneRows.Row::resultWord).containsOnly("did not match");
    assertThat(DaneRows.rows(d).get(0).line(false))
        .startsWith("3 1 1 ")
        .contains(": did not match, ")
        .doesNotContain("127.0.0.");
    assertThat(DaneRows.verdict(d.verdict())).startsWith("fail:");
    assertThat(DaneRows.whichApplies(mx(rollover), d))
        .isEqualTo(
            "MTA-STS accepts this host but DANE fails. A sender that supports both applies DANE"
                + " first (RFC 8461 §2) and will not deliver; an MTA-STS-only sender delivers.");
  }

  @Test
  void daneRescuesAnMxThatMtaStsRefuses() {
    assertThat(DaneRows.whichApplies(mx(rescues), dane(rescues)))
        .startsWith("MTA-STS refuses this host but DANE validates it.")
        .endsWith("and delivers; an MTA-STS-only sender refuses.");
  }

  @Test
  void dataIsShortenedButTheFullRecordIsKept() {
    DaneRows.Row row = DaneRows.rows(dane(valid)).get(0);
    assertThat(row.record().hex()).hasSize(64);
    assertThat(row.shortData())
        .hasSize(17)
        .startsWith(row.record().hex().substring(0, 8))
        .endsWith(row.record().hex().substring(56))
        .contains("…");
  }

  @Test
  void commandsAskForDnssecAndPassEveryRecord() {
    MxReport m = mx(rollover);
    DaneResult d = dane(rollover);
    List<String> internet = DaneRows.commands(m, d, TryCommands.internet());
    String host = m.host();
    assertThat(internet)
        .containsExactly(
            "dig +dnssec TLSA _25._tcp." + host + ".",
            "openssl s_client -connect "
                + host
                + ":25 -starttls smtp -dane_tlsa_domain "
                + host
                + " -dane_tlsa_rrdata \""
                + d.tlsa().records().get(0).text()
                + "\"");
  }

  @Test
  void aResolverThatStripsDnssecIsOneQuietLine() {
    // the unsigned lab world's DNS server has no signatures for the anchor: it "strips DNSSEC"
    DaneResult d = dane(noDane);
    assertThat(d.tlsa().resolverStripsDnssec()).isTrue();
    assertThat(DaneRows.applies(d)).isFalse();
    assertThat(DaneRows.quietLine(d))
        .contains("gives no DNSSEC signatures")
        .contains("strips DNSSEC records");
  }

  @Test
  void noTlsaRecordsInASecureZoneIsOneQuietLine() {
    DaneResult d =
        new DaneResult(
            new org.stslens.engine.dane.TlsaDiscovery(
                "_25._tcp.mx.example.",
                List.of("_25._tcp.mx.example."),
                org.stslens.engine.dns.DnsOutcome.NO_DATA,
                List.of(),
                org.stslens.engine.dane.DnssecStatus.SECURE,
                "",
                false),
            List.of(),
            org.stslens.engine.dane.DaneVerdict.NONE,
            List.of());
    assertThat(DaneRows.applies(d)).isFalse();
    assertThat(DaneRows.quietLine(d))
        .isEqualTo(
            "DANE: no TLSA records at _25._tcp.mx.example. (secure answer), so DANE does not apply"
                + " to this host: every sender applies MTA-STS.");
  }
}
