package org.stslens.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stslens.interop.ServerConfigs.World;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.IssuedCertificate;
import org.stslens.lab.LabSignedZones;
import org.stslens.lab.Scenario;
import org.stslens.lab.ScenarioCatalog;

/** The real-server configuration of the newer scenario features, without starting servers. */
class ServerConfigsTest {

  private static final ScenarioCatalog CATALOG = ScenarioCatalog.load();
  private static final Path DIR = Path.of("/tmp/stslens-interop-test");
  private static final ServerConfigs.MxFiles FILES =
      new ServerConfigs.MxFiles() {
        @Override
        public Path chain(World w, int mx) {
          return DIR.resolve(w.key() + "-mx" + mx + ".chain.pem");
        }

        @Override
        public Path key(World w, int mx) {
          return DIR.resolve(w.key() + "-mx" + mx + ".key.pem");
        }
      };

  private static World world(String id) {
    return new World(CATALOG.byId(id).orElseThrow(), 0, 7);
  }

  @Test
  void hostWithoutAddressGetsItsMxRecordButNoAddressAndNoListener() {
    World w = world("mx-no-address");
    String unbound = ServerConfigs.unbound("127.53.0.1", "127.53.0.99", DIR, List.of(w));
    String master = ServerConfigs.postfixMaster(DIR, List.of(w), FILES);

    assertThat(unbound)
        .contains("mx-no-address.lab.example. 60 IN MX 20 mx2.mx-no-address.lab.example.")
        .contains("mx1.mx-no-address.lab.example. 60 IN A 127.0.7.2")
        .doesNotContain("mx2.mx-no-address.lab.example. 60 IN A");
    assertThat(master).contains("127.0.7.2:smtp").doesNotContain("127.0.7.3:smtp");
    assertThat(ServerConfigs.unsupportedFeatures(w.scenario())).isEmpty();
  }

  @Test
  void nullMxIsPublishedAsLocalData() {
    World w = world("null-mx-enforce");
    String unbound = ServerConfigs.unbound("127.53.0.1", "127.53.0.99", DIR, List.of(w));

    assertThat(unbound).contains("\"null-mx-enforce.lab.example. 60 IN MX 0 .\"");
  }

  @Test
  void ehloRejectionUsesPostfixHeloRestrictionsAtEhloTime() {
    World w = world("mx-ehlo-rejected");
    String master = ServerConfigs.postfixMaster(DIR, List.of(w), FILES);

    assertThat(master)
        .contains(
            "-o smtpd_helo_required=yes -o smtpd_helo_restrictions=reject"
                + " -o smtpd_delay_reject=no -o reject_code=554");
  }

  @Test
  void aDrippingMxPutsPostfixBehindADripRelayOnItsPort25() {
    World w = world("mx-drip-ehlo");
    String master = ServerConfigs.postfixMaster(DIR, List.of(w), FILES);

    assertThat(master).contains("127.0.7.2:smtp inet").contains("127.0.7.3:2525 inet");
    assertThat(ServerConfigs.dripRelays(List.of(w)))
        .containsExactly("127.0.7.3:25=127.0.7.3:2525=ehlo-after-tls");
    assertThat(ServerConfigs.unsupportedFeatures(w.scenario())).isEmpty();
  }

  @Test
  void seventeenMxHostsGetSeventeenListeners() {
    World w = world("many-mx-last-not-covered");
    String master = ServerConfigs.postfixMaster(DIR, List.of(w), FILES);

    assertThat(master.lines().filter(l -> l.contains(":smtp inet"))).hasSize(17);
    assertThat(master).contains("127.0.7.18:smtp inet");
  }

  @Test
  void deadAddressesOfThePolicyHostAreTwentyARecordsWithoutListeners() {
    World w = world("policy-host-dead-addresses");
    String unbound = ServerConfigs.unbound("127.53.0.1", "127.53.0.99", DIR, List.of(w));
    String host = "mta-sts.policy-host-dead-addresses.lab.example.";

    assertThat(unbound.lines().filter(l -> l.contains("\"" + host + " 60 IN A "))).hasSize(20);
    assertThat(unbound).contains(host + " 60 IN A " + w.prefix() + "101\"");
    assertThat(unbound).contains(host + " 60 IN A " + w.prefix() + "120\"");
  }

  @Test
  void signedWorldsAreServedFromSignedZoneFilesByTheirOwnUnbound() {
    World ee = world("dane-ee-valid");
    World plain = world("mx-no-address");
    IssuedCertificate mx = CertificateAuthority.create("test CA").issue("mx1.dane-ee-valid");
    List<LabSignedZones> zones =
        ServerConfigs.signedZones(
            "127.53.0.2", List.of(ee, plain), (w, token) -> token.equals("mx1") ? mx.leaf() : null);
    assertThat(zones).hasSize(1);
    Map<String, String> files = zones.get(0).zoneFiles();
    String tlsa =
        HexFormat.of()
            .formatHex(
                LabSignedZones.tlsa("x.", "3 1 1 mx1", t -> mx.leaf())
                    .getCertificateAssociationData())
            .toUpperCase(java.util.Locale.ROOT);

    assertThat(files).containsOnlyKeys("lab.example.", "dane-ee-valid.lab.example.");
    assertThat(files.get("dane-ee-valid.lab.example."))
        .contains("_25._tcp.mx1.dane-ee-valid.lab.example.\t300\tIN\tTLSA\t3 1 1 " + tlsa)
        .contains("RRSIG\tTLSA 13 ")
        .contains("mx1.dane-ee-valid.lab.example.\t60\tIN\tA\t127.0.7.2")
        .contains("\tIN\tDNSKEY\t257 3 13 ")
        .contains("\tIN\tNSEC\t");
    assertThat(files.get("lab.example."))
        .contains("dane-ee-valid.lab.example.\t300\tIN\tDS\t")
        .doesNotContain("mx-no-address");
    assertThat(zones.get(0).trustAnchor()).startsWith("lab.example.").contains("\tDS\t");

    String conf =
        ServerConfigs.unboundSigned(
            "127.53.0.2",
            DIR,
            List.of("lab.example"),
            Map.of("lab.example.", DIR.resolve("lab.example.zone")));
    assertThat(conf)
        .contains("  interface: 127.53.0.2\n")
        .contains("  local-zone: \".\" static\n  local-zone: \"lab.example.\" transparent\n")
        .contains(
            "auth-zone:\n  name: \"lab.example.\"\n  zonefile: \""
                + DIR.resolve("lab.example.zone")
                + "\"\n  for-downstream: yes\n  for-upstream: no\n");
    // the plain unbound leaves the signed world out: one name, one server
    assertThat(ServerConfigs.unbound("127.53.0.1", "127.53.0.99", DIR, List.of(ee, plain)))
        .doesNotContain("dane-ee-valid")
        .contains("mx-no-address");
  }

  @Test
  void everyDaneScenarioAndItsFixIsReproducible() {
    for (String id : RealServersIT.DANE_SCENARIOS) {
      Scenario s = CATALOG.byId(id).orElseThrow();
      assertThat(ServerConfigs.unsupportedFeatures(s)).as(id).isEmpty();
      assertThat(ServerConfigs.unsupportedFeatures(s.fixed())).as(id + " fixed").isEmpty();
      assertThat(RealServersIT.EXCLUDED).doesNotContainKey(id);
    }
  }
}
