package org.stslens.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.interop.ServerConfigs.World;
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
}
