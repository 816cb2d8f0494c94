package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/** The zone files of the lab's signed zones, read back and verified with dnsjava. */
class LabSignedZonesTest {

  private static final IssuedCertificate MX =
      CertificateAuthority.create("test CA").issue("mx1.a.lab.example");

  private static List<Record> records(String domain) throws Exception {
    Name apex = Name.fromString(domain + ".");
    return List.of(
        new MXRecord(apex, DClass.IN, 60, 10, Name.fromString("mx1", apex)),
        new ARecord(
            Name.fromString("mx1", apex),
            DClass.IN,
            60,
            java.net.InetAddress.getByName("127.0.5.2")),
        LabSignedZones.tlsa("_25._tcp.mx1." + domain + ".", "3 1 1 mx1", t -> MX.leaf()));
  }

  private static Map<String, List<Record>> zones(LabSignedZones z) throws Exception {
    Map<String, List<Record>> zones = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : z.zoneFiles().entrySet()) {
      List<Record> records = new ArrayList<>();
      try (Master m =
          new Master(
              new ByteArrayInputStream(file.getValue().getBytes(StandardCharsets.US_ASCII)))) {
        for (Record r = m.nextRecord(); r != null; r = m.nextRecord()) {
          records.add(r);
        }
      }
      zones.put(file.getKey(), records);
    }
    return zones;
  }

  private static DNSKEYRecord key(List<Record> zone) {
    return (DNSKEYRecord)
        zone.stream().filter(r -> r.getType() == Type.DNSKEY).findFirst().orElseThrow();
  }

  /** The RRsets a signature covers: same owner and covered type. */
  private static RRset covered(List<Record> zone, RRSIGRecord sig) {
    RRset set = new RRset();
    zone.stream()
        .filter(r -> r.getName().equals(sig.getName()) && r.getType() == sig.getTypeCovered())
        .forEach(set::addRR);
    return set;
  }

  @Test
  void aSignedZoneValidatesFromTheTrustAnchorDown() throws Exception {
    LabSignedZones z =
        LabSignedZones.under("lab.example", "127.53.0.2")
            .zone("a.lab.example", LabDnssec.Mode.SIGNED, records("a.lab.example"));
    Map<String, List<Record>> zones = zones(z);
    List<Record> parent = zones.get("lab.example.");
    List<Record> child = zones.get("a.lab.example.");

    // the trust anchor is the DS of the parent's key; the parent's DS is the child's key
    DSRecord anchor;
    try (Master m =
        new Master(new ByteArrayInputStream(z.trustAnchor().getBytes(StandardCharsets.US_ASCII)))) {
      anchor = (DSRecord) m.nextRecord();
    }
    assertThat(anchor.getName()).isEqualTo(Name.fromString("lab.example."));
    assertThat(anchor.getFootprint()).isEqualTo(key(parent).getFootprint());
    DSRecord ds =
        (DSRecord) parent.stream().filter(r -> r.getType() == Type.DS).findFirst().orElseThrow();
    assertThat(ds.getName()).isEqualTo(Name.fromString("a.lab.example."));
    assertThat(ds.getDigest())
        .isEqualTo(new DSRecord(ds.getName(), DClass.IN, 300, 2, key(child)).getDigest());

    for (List<Record> zone : List.of(parent, child)) {
      List<RRSIGRecord> sigs =
          zone.stream().filter(RRSIGRecord.class::isInstance).map(RRSIGRecord.class::cast).toList();
      assertThat(sigs).isNotEmpty();
      for (RRSIGRecord sig : sigs) {
        DNSSEC.verify(covered(zone, sig), sig, key(zone)); // throws when it does not verify
      }
    }
    // no signature over the delegation's NS (the child owns it)
    assertThat(parent)
        .noneMatch(
            r ->
                r instanceof RRSIGRecord s
                    && s.getName().equals(ds.getName())
                    && s.getTypeCovered() == Type.NS);
    // the NSEC chain of the child closes: every owner once, the last points to the apex
    List<NSECRecord> chain =
        child.stream().filter(NSECRecord.class::isInstance).map(NSECRecord.class::cast).toList();
    assertThat(chain).hasSize(3); // apex, mx1, _25._tcp.mx1; none for the empty _tcp.mx1
    for (int i = 0; i < chain.size(); i++) {
      assertThat(chain.get(i).getNext()).isEqualTo(chain.get((i + 1) % chain.size()).getName());
    }
    assertThat(chain.get(0).getName()).isEqualTo(Name.fromString("a.lab.example."));
  }

  @Test
  void bogusTlsaBreaksOnlyTheTlsaSignature() throws Exception {
    List<Record> child =
        zones(
                LabSignedZones.under("lab.example", "127.53.0.2")
                    .zone("a.lab.example", LabDnssec.Mode.BOGUS_TLSA, records("a.lab.example")))
            .get("a.lab.example.");
    int verified = 0;
    for (Record r : child) {
      if (r instanceof RRSIGRecord sig) {
        if (sig.getTypeCovered() == Type.TLSA) {
          assertThatThrownBy(() -> DNSSEC.verify(covered(child, sig), sig, key(child)))
              .isInstanceOf(DNSSEC.DNSSECException.class);
        } else {
          DNSSEC.verify(covered(child, sig), sig, key(child));
          verified++;
        }
      }
    }
    assertThat(verified).isGreaterThan(3);
    assertThat(child).anyMatch(TLSARecord.class::isInstance);
  }

  @Test
  void anUnsignedZoneHasNoDnssecRecordsAndTheParentProvesItHasNoDs() throws Exception {
    Map<String, List<Record>> zones =
        zones(
            LabSignedZones.under("lab.example", "127.53.0.2")
                .zone("u.lab.example", LabDnssec.Mode.UNSIGNED, records("u.lab.example")));
    List<Record> parent = zones.get("lab.example.");
    Name child = Name.fromString("u.lab.example.");

    assertThat(zones.get("u.lab.example."))
        .noneMatch(
            r ->
                r.getType() == Type.RRSIG || r.getType() == Type.NSEC || r.getType() == Type.DNSKEY)
        .anyMatch(TLSARecord.class::isInstance);
    assertThat(parent).noneMatch(r -> r.getType() == Type.DS);
    NSECRecord nsec =
        parent.stream()
            .filter(r -> r instanceof NSECRecord && r.getName().equals(child))
            .map(NSECRecord.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(nsec.hasType(Type.NS)).isTrue();
    assertThat(nsec.hasType(Type.DS)).isFalse();
    RRSIGRecord sig =
        parent.stream()
            .filter(
                r ->
                    r instanceof RRSIGRecord s
                        && s.getName().equals(child)
                        && s.getTypeCovered() == Type.NSEC)
            .map(RRSIGRecord.class::cast)
            .findFirst()
            .orElseThrow();
    DNSSEC.verify(covered(parent, sig), sig, key(parent));
  }

  @Test
  void tlsaTokensNameCertificatesAndCaIsNotReadAsHex() throws Exception {
    TLSARecord ca =
        LabSignedZones.tlsa(
            "_25._tcp.mx1.a.lab.example.",
            "2 1 1 ca",
            t -> t.equals("ca") ? MX.chain().get(1) : null);
    assertThat(ca.getCertificateAssociationData())
        .isEqualTo(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(MX.chain().get(1).getPublicKey().getEncoded()));
    TLSARecord hex = LabSignedZones.tlsa("_25._tcp.mx1.a.lab.example.", "3 1 0 c0ffee", t -> null);
    assertThat(hex.getCertificateAssociationData()).containsExactly(0xc0, 0xff, 0xee);
  }

  @Test
  void recordsOutsideTheZoneAreRefused() {
    assertThatThrownBy(
            () ->
                LabSignedZones.under("lab.example", "127.53.0.2")
                    .zone("a.lab.example", LabDnssec.Mode.SIGNED, records("b.lab.example")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
