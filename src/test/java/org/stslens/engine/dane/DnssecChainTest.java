package org.stslens.engine.dane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsSettings;
import org.stslens.lab.LabDnsServer;
import org.stslens.lab.LabDnssec;
import org.xbill.DNS.DNSSEC;

/**
 * The chain of trust a TLSA look-up reports: what the validator asked, from the lab's anchor
 * ({@code lab.example.}) down to the scenario zone, and where it ended.
 */
class DnssecChainTest {

  private static final String DOMAIN = "chain.lab.example";
  private static final String MX = "mx1." + DOMAIN;
  private static final byte[] DATA = new byte[32];

  private static TlsaDiscovery lookup(LabDnssec.Mode mode) throws InterruptedException {
    LabDnssec keys = LabDnssec.create(DOMAIN, mode);
    try (LabDnsServer dns =
        LabDnsServer.builder()
            .a(MX, "127.0.0.2")
            .mx(DOMAIN, 10, MX)
            .tlsa("_25._tcp." + MX, 3, 1, 1, DATA)
            .dnssec(keys)
            .start()) {
      DnsSettings settings = new DnsSettings(List.of(dns.address()), Duration.ofSeconds(2), 0);
      return new TlsaLookup(settings, DaneTrustAnchors.parse(keys.trustAnchor())).lookup(MX);
    }
  }

  @Test
  void secureChainRunsFromTheAnchorToTheTlsaZone() throws Exception {
    TlsaDiscovery t = lookup(LabDnssec.Mode.SIGNED);
    DnssecChain c = t.chain();
    assertThat(c.end()).isEqualTo(DnssecStatus.SECURE);
    assertThat(c.zones())
        .extracting(DnssecChain.Zone::name)
        .containsExactly("lab.example.", DOMAIN + ".");
    DnssecChain.Zone anchor = c.zones().get(0);
    assertThat(anchor.fromAnchor()).isTrue();
    assertThat(anchor.ds()).hasSize(1);
    assertThat(anchor.ds().get(0).digestType()).isEqualTo(DNSSEC.Digest.SHA256);
    assertThat(anchor.keys()).hasSize(1);
    // the anchor's DS names the key the zone answered with
    assertThat(anchor.keys().get(0).keyTag()).isEqualTo(anchor.ds().get(0).keyTag());
    assertThat(anchor.keys().get(0).algorithm()).isEqualTo(DNSSEC.Algorithm.ECDSAP256SHA256);
    assertThat(anchor.keys().get(0).ksk()).isTrue();
    assertThat(anchor.keysSigned()).isTrue();
    DnssecChain.Zone child = c.zones().get(1);
    assertThat(child.fromAnchor()).isFalse();
    assertThat(child.ds()).hasSize(1);
    assertThat(child.dsSigned()).isTrue();
    assertThat(child.keys())
        .extracting(DnssecChain.Key::keyTag)
        .containsExactly(child.ds().get(0).keyTag());
    assertThat(c.endZone()).isEqualTo(DOMAIN + ".");
    assertThat(c.queries()).isGreaterThanOrEqualTo(4); // TLSA, DNSKEY, DS, DNSKEY at least
    assertThat(c.roundTrips()).isBetween(4, c.queries()); // those four wait for one another
    assertThat(c.endLine()).startsWith("secure to the TLSA RRset");
  }

  @Test
  void insecureChainEndsWhereTheParentDeniesTheDs() throws Exception {
    TlsaDiscovery t = lookup(LabDnssec.Mode.UNSIGNED);
    DnssecChain c = t.chain();
    assertThat(c.end()).isEqualTo(DnssecStatus.INSECURE);
    assertThat(c.endZone()).isEqualTo(DOMAIN + ".");
    assertThat(c.zones())
        .extracting(DnssecChain.Zone::name)
        .containsExactly("lab.example.", DOMAIN + ".");
    DnssecChain.Zone child = c.zones().get(1);
    assertThat(child.dsDenied()).isTrue();
    assertThat(child.keys()).isEmpty();
    assertThat(c.lines()).noneMatch(l -> l.contains("secure to"));
    assertThat(c.endLine()).startsWith("insecure at " + DOMAIN + ".: no DS");
  }

  @Test
  void bogusChainEndsAtTheSignerWithTheValidatorsReason() throws Exception {
    TlsaDiscovery t = lookup(LabDnssec.Mode.BOGUS_TLSA);
    DnssecChain c = t.chain();
    assertThat(c.end()).isEqualTo(DnssecStatus.BOGUS);
    assertThat(c.endZone()).isEqualTo(DOMAIN + ".");
    assertThat(c.reason()).isEqualTo(t.reason()).isNotEmpty();
    // the keys were all there and signed: still bogus, because the validator said so
    assertThat(c.zones()).allMatch(z -> !z.keys().isEmpty() && z.keysSigned());
    assertThat(c.endLine()).startsWith("bogus at " + DOMAIN + ".");
  }

  @Test
  void queriesSentTogetherCountAsOneRoundTrip() throws Exception {
    org.xbill.DNS.Name n = org.xbill.DNS.Name.fromString("a.");
    java.util.function.BiFunction<Long, Long, RecordingResolver.Exchange> ex =
        (sent, answered) ->
            new RecordingResolver.Exchange(n, 1, 0, List.of(), List.of(), sent, answered);
    assertThat(RecordingResolver.roundTrips(List.of(ex.apply(0L, 10L), ex.apply(1L, 11L))))
        .isEqualTo(1);
    assertThat(
            RecordingResolver.roundTrips(
                List.of(
                    ex.apply(0L, 10L), ex.apply(12L, 20L), ex.apply(1L, 9L), ex.apply(21L, 30L))))
        .isEqualTo(3);
    assertThat(RecordingResolver.roundTrips(List.of())).isZero();
  }

  @Test
  void aStrangersAnchorIsNotShownAsTheStartOfTheChain() throws Exception {
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    LabDnssec stranger = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    try (LabDnsServer dns =
        LabDnsServer.builder()
            .a(MX, "127.0.0.2")
            .tlsa("_25._tcp." + MX, 3, 1, 1, DATA)
            .dnssec(keys)
            .start()) {
      DnsSettings settings = new DnsSettings(List.of(dns.address()), Duration.ofSeconds(2), 0);
      TlsaDiscovery t =
          new TlsaLookup(settings, DaneTrustAnchors.parse(stranger.trustAnchor())).lookup(MX);
      DnssecChain c = t.chain();
      assertThat(c.end()).isEqualTo(DnssecStatus.BOGUS);
      DnssecChain.Zone anchor = c.zones().get(0);
      // the anchor's DS and the key the zone answered with differ: visible in the chain
      assertThat(anchor.keys())
          .extracting(DnssecChain.Key::keyTag)
          .doesNotContain(anchor.ds().get(0).keyTag());
    }
  }
}
