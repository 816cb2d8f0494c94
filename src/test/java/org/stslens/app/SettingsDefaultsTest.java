package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.check.CheckOptions;
import org.stslens.engine.check.CheckOptionsBuilder;
import org.stslens.ui.settings.Settings;

/** The desktop's default settings give the same check options as the command line's defaults. */
class SettingsDefaultsTest {

  @Test
  void defaultSettingsBuildTheEngineDefaultOptions() throws Exception {
    Settings d = Settings.defaults();
    Settings withServer =
        new Settings(
            "127.0.0.1:5353",
            List.of(),
            d.dnsTimeoutSeconds(),
            d.fetchTimeoutSeconds(),
            d.smtpTimeoutSeconds(),
            false,
            false,
            List.of(),
            d.checkTimeoutSeconds());

    CheckOptions fromSettings = EngineCheckService.optionsFor(withServer);
    CheckOptions engine = new CheckOptionsBuilder().dnsServer("127.0.0.1:5353").build();

    assertThat(fromSettings.dns()).isEqualTo(engine.dns());
    assertThat(fromSettings.fetch()).isEqualTo(engine.fetch());
    assertThat(fromSettings.smtpStepTimeout()).isEqualTo(engine.smtpStepTimeout());
    assertThat(fromSettings.checkTimeout()).isEqualTo(engine.checkTimeout());
    assertThat(d.checkTimeoutSeconds()).isEqualTo(Settings.DEFAULT_CHECK_TIMEOUT_SECONDS);
  }

  @Test
  void anUnusableTrustFileBecomesTheProblemAChecksReports() {
    Settings s =
        new Settings(
            "127.0.0.1:5353", List.of("/nonexistent/ca.pem"), 5, 60, 30, false, false, List.of());
    EngineCheckService service = new EngineCheckService(null, null);
    service.apply(s);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> service.start("example.com", null, null))
        .hasMessageContaining("trust file /nonexistent/ca.pem");
  }
}
