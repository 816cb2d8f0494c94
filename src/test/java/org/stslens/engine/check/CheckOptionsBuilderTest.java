package org.stslens.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.fetch.FetchSettings;

/** The one way the CLI and the desktop turn what the user set into check options. */
class CheckOptionsBuilderTest {

  private static final String DNS = "127.0.0.1:5353";

  @Test
  void withNothingSetTheOptionsAreTheEngineDefaults() throws Exception {
    CheckOptions o = new CheckOptionsBuilder().dnsServer(DNS).build();

    assertThat(o.dns().timeout()).isEqualTo(CheckOptions.DEFAULT_DNS_TIMEOUT);
    assertThat(o.fetch()).isEqualTo(FetchSettings.defaults());
    assertThat(o.smtpStepTimeout()).isEqualTo(CheckOptions.DEFAULT_SMTP_STEP_TIMEOUT);
    assertThat(o.checkTimeout()).isEqualTo(CheckOptions.DEFAULT_CHECK_TIMEOUT);
    assertThat(o.dns().servers()).containsExactly(new InetSocketAddress("127.0.0.1", 5353));
  }

  @Test
  void theDefaultsAreTheOnesProductMdPromises() {
    assertThat(CheckOptions.DEFAULT_DNS_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
    assertThat(CheckOptions.DEFAULT_FETCH_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
    assertThat(CheckOptions.DEFAULT_SMTP_STEP_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
    assertThat(CheckOptions.DEFAULT_CHECK_TIMEOUT).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void everyLimitSetReachesTheOptions() throws Exception {
    CheckOptions o =
        new CheckOptionsBuilder()
            .dnsServer(DNS)
            .dnsTimeout(Duration.ofSeconds(2))
            .fetchTimeout(Duration.ofSeconds(7))
            .smtpStepTimeout(Duration.ofSeconds(11))
            .checkTimeout(Duration.ofSeconds(13))
            .slowThreshold(Duration.ofMillis(300))
            .build();

    assertThat(o.dns().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.fetch().totalTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(o.fetch().slowThreshold()).isEqualTo(Duration.ofMillis(300));
    assertThat(o.fetch().maxBodyBytes()).isEqualTo(FetchSettings.MAX_POLICY_BYTES);
    assertThat(o.smtpStepTimeout()).isEqualTo(Duration.ofSeconds(11));
    assertThat(o.checkTimeout()).isEqualTo(Duration.ofSeconds(13));
  }

  @Test
  void aDnsServerThatIsNotAnAddressIsNamedAsTheDnsSetting() {
    var e =
        catchThrowableOfType(
            () -> new CheckOptionsBuilder().dnsServer("dns.example").build(),
            CheckOptionsBuilder.UnusableSettingException.class);

    assertThat(e.setting()).isEqualTo(CheckOptionsBuilder.Setting.DNS_SERVER);
    assertThat(e.file()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("DNS server: not an IP address: dns.example");
  }

  @Test
  void anUnreadableTrustFileIsNamedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("missing.pem");

    var e =
        catchThrowableOfType(
            () -> new CheckOptionsBuilder().dnsServer(DNS).trustFiles(List.of(missing)).build(),
            CheckOptionsBuilder.UnusableSettingException.class);

    assertThat(e.setting()).isEqualTo(CheckOptionsBuilder.Setting.TRUST_FILE);
    assertThat(e.file()).contains(missing);
    assertThat(e.getMessage()).startsWith("trust file " + missing + ": ");
  }
}
