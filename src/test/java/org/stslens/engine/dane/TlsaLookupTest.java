package org.stslens.engine.dane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsSettings;
import org.stslens.lab.LabDnsServer;
import org.stslens.lab.LabDnssec;
import org.xbill.DNS.Type;

/** The engine's own DNSSEC validation of TLSA answers, against the lab's signed zones. */
class TlsaLookupTest {

  private static final String DOMAIN = "dane.lab.example";
  private static final String MX = "mx1." + DOMAIN;
  private static final byte[] DATA = new byte[32];

  private static LabDnsServer server(LabDnssec keys, boolean withTlsa) {
    LabDnsServer.Builder b = LabDnsServer.builder().a(MX, "127.0.0.2").mx(DOMAIN, 10, MX);
    if (withTlsa) {
      b.tlsa("_25._tcp." + MX, 3, 1, 1, DATA);
    }
    if (keys != null) {
      b.dnssec(keys);
    }
    return b.start();
  }

  private static TlsaDiscovery lookup(LabDnsServer dns, DaneTrustAnchors anchors)
      throws InterruptedException {
    DnsSettings settings = new DnsSettings(List.of(dns.address()), Duration.ofSeconds(2), 0);
    return new TlsaLookup(settings, anchors).lookup(MX);
  }

  private static DaneTrustAnchors anchorOf(LabDnssec keys) {
    return DaneTrustAnchors.parse(keys.trustAnchor());
  }

  @Test
  void signedZoneIsSecure() throws Exception {
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    try (LabDnsServer dns = server(keys, true)) {
      TlsaDiscovery t = lookup(dns, anchorOf(keys));
      assertThat(t.dnssec()).isEqualTo(DnssecStatus.SECURE);
      assertThat(t.outcome()).isEqualTo(DnsOutcome.ANSWER);
      assertThat(t.records()).containsExactly(new TlsaRecord(3, 1, 1, DATA));
      // the validator walked the chain of trust itself
      assertThat(dns.queryCount(DOMAIN, Type.DNSKEY)).isPositive();
      assertThat(dns.queryCount(DOMAIN, Type.DS)).isPositive();
    }
  }

  @Test
  void anotherAnchorDoesNotMakeItSecure() throws Exception {
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    LabDnssec stranger = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    try (LabDnsServer dns = server(keys, true)) {
      TlsaDiscovery t = lookup(dns, anchorOf(stranger));
      assertThat(t.dnssec()).isEqualTo(DnssecStatus.BOGUS);
      assertThat(t.records()).isEmpty();
    }
  }

  @Test
  void signedDenialOfTlsaIsSecure() throws Exception {
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    try (LabDnsServer dns = server(keys, false)) {
      TlsaDiscovery t = lookup(dns, anchorOf(keys));
      assertThat(t.dnssec()).isEqualTo(DnssecStatus.SECURE);
      assertThat(t.records()).isEmpty();
    }
  }

  @Test
  void brokenSignatureIsBogusWithTheValidatorsReason() throws Exception {
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.BOGUS_TLSA);
    try (LabDnsServer dns = server(keys, true)) {
      TlsaDiscovery t = lookup(dns, anchorOf(keys));
      assertThat(t.dnssec()).isEqualTo(DnssecStatus.BOGUS);
      assertThat(t.records()).isEmpty();
      assertThat(t.reason()).isNotEmpty();
      assertThat(t.resolverStripsDnssec()).isFalse();
    }
  }

  @Test
  void unsignedChildOfSignedParentIsInsecure() throws Exception {
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.UNSIGNED);
    try (LabDnsServer dns = server(keys, true)) {
      TlsaDiscovery t = lookup(dns, anchorOf(keys));
      assertThat(t.dnssec()).as(t.reason()).isEqualTo(DnssecStatus.INSECURE);
      assertThat(t.records()).containsExactly(new TlsaRecord(3, 1, 1, DATA));
    }
    try (LabDnsServer dns = server(keys, false)) {
      TlsaDiscovery t = lookup(dns, anchorOf(keys));
      assertThat(t.dnssec()).as(t.reason()).isEqualTo(DnssecStatus.INSECURE);
      assertThat(t.records()).isEmpty();
    }
  }

  @Test
  void aResolverWithoutDnssecRecordsIsSaidToStripThem() throws Exception {
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    try (LabDnsServer dns = server(null, true)) {
      TlsaDiscovery t = lookup(dns, anchorOf(keys));
      assertThat(t.dnssec()).isEqualTo(DnssecStatus.INDETERMINATE);
      assertThat(t.resolverStripsDnssec()).isTrue();
      assertThat(t.reason()).contains("strips DNSSEC");
    }
  }
}
