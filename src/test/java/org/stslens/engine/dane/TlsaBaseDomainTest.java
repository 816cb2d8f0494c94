package org.stslens.engine.dane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.dns.DnsSettings;
import org.stslens.lab.LabDnsServer;
import org.stslens.lab.LabDnssec;

/**
 * RFC 7672 §2.2.2: an MX host name that is a CNAME alias has its TLSA records at the expanded name
 * when every CNAME is secure, at its own name otherwise.
 */
class TlsaBaseDomainTest {

  private static final String DOMAIN = "alias.lab.example";
  private static final String TARGET = "mail." + DOMAIN;
  private static final byte[] AT_TARGET = new byte[32];
  private static final byte[] AT_ALIAS = filled(7);

  private static byte[] filled(int b) {
    byte[] d = new byte[32];
    java.util.Arrays.fill(d, (byte) b);
    return d;
  }

  private static TlsaDiscovery lookup(String mx, LabDnssec keys, LabDnsServer.Builder b)
      throws InterruptedException {
    try (LabDnsServer dns = b.dnssec(keys).start()) {
      DnsSettings settings = new DnsSettings(List.of(dns.address()), Duration.ofSeconds(2), 0);
      return new TlsaLookup(settings, DaneTrustAnchors.parse(keys.trustAnchor())).lookup(mx);
    }
  }

  @Test
  void aSecureAliasHasItsTlsaRecordsAtTheExpandedName() throws Exception {
    String mx = "mx1." + DOMAIN;
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    TlsaDiscovery t =
        lookup(
            mx,
            keys,
            LabDnsServer.builder()
                .cname(mx, TARGET)
                .a(TARGET, "127.0.0.2")
                .tlsa("_25._tcp." + TARGET, 3, 1, 1, AT_TARGET));
    assertThat(t.mxAliases()).containsExactly(mx, TARGET);
    assertThat(t.expandedSecurely()).isTrue();
    assertThat(t.usesExpandedName()).isTrue();
    assertThat(t.baseDomain()).isEqualTo(TARGET);
    assertThat(t.name()).isEqualTo("_25._tcp." + TARGET + ".");
    assertThat(t.dnssec()).isEqualTo(DnssecStatus.SECURE);
    assertThat(t.records()).containsExactly(new TlsaRecord(3, 1, 1, AT_TARGET));
  }

  @Test
  void aSecureAliasWithoutTlsaAtItsTargetFallsBackToTheMxHostName() throws Exception {
    String mx = "mx1." + DOMAIN;
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    TlsaDiscovery t =
        lookup(
            mx,
            keys,
            LabDnsServer.builder()
                .cname(mx, TARGET)
                .a(TARGET, "127.0.0.2")
                .tlsa("_25._tcp." + mx, 3, 1, 1, AT_ALIAS));
    assertThat(t.expandedSecurely()).isTrue();
    assertThat(t.usesExpandedName()).isFalse();
    assertThat(t.baseDomain()).isEqualTo(mx);
    assertThat(t.name()).isEqualTo("_25._tcp." + mx + ".");
    assertThat(t.dnssec()).isEqualTo(DnssecStatus.SECURE);
    assertThat(t.records()).containsExactly(new TlsaRecord(3, 1, 1, AT_ALIAS));
  }

  @Test
  void anInsecureAliasKeepsTheMxHostNameAsBase() throws Exception {
    // the alias lives outside every trust anchor (insecure); its target is in the signed zone
    String mx = "mx.elsewhere.test";
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    TlsaDiscovery t =
        lookup(
            mx,
            keys,
            LabDnsServer.builder()
                .cname(mx, TARGET)
                .a(TARGET, "127.0.0.2")
                .tlsa("_25._tcp." + TARGET, 3, 1, 1, AT_TARGET)
                .tlsa("_25._tcp." + mx, 3, 1, 1, AT_ALIAS));
    assertThat(t.mxAliases()).containsExactly(mx, TARGET);
    assertThat(t.expandedSecurely()).isFalse();
    assertThat(t.usesExpandedName()).isFalse();
    assertThat(t.baseDomain()).isEqualTo(mx);
    assertThat(t.name()).isEqualTo("_25._tcp." + mx + ".");
    assertThat(t.records()).containsExactly(new TlsaRecord(3, 1, 1, AT_ALIAS));
    assertThat(t.dnssec()).isEqualTo(DnssecStatus.INSECURE);
  }

  @Test
  void aHostThatIsNoAliasIsItsOwnBase() throws Exception {
    String mx = "mx1." + DOMAIN;
    LabDnssec keys = LabDnssec.create(DOMAIN, LabDnssec.Mode.SIGNED);
    TlsaDiscovery t =
        lookup(
            mx,
            keys,
            LabDnsServer.builder().a(mx, "127.0.0.2").tlsa("_25._tcp." + mx, 3, 1, 1, AT_ALIAS));
    assertThat(t.mxAliases()).containsExactly(mx);
    assertThat(t.baseDomain()).isEqualTo(mx);
    assertThat(t.records()).containsExactly(new TlsaRecord(3, 1, 1, AT_ALIAS));
  }
}
