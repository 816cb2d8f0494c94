package org.stslens.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Settings dialog's validation and result, without a window. */
class SettingsViewModelTest {

  private final Settings current =
      new Settings(
          "9.9.9.9", List.of("/etc/ca.pem"), 7, 61, 31, true, false, List.of("a.com"), 200);

  @Test
  void startsFromTheCurrentSettingsAndGivesThemBackUnchanged() {
    SettingsViewModel vm = new SettingsViewModel(current);
    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.validProperty().get()).isTrue();
    assertThat(vm.result()).contains(current);
  }

  @Test
  void aDnsServerThatIsNotAnAddressIsAProblemUntilCorrected() {
    SettingsViewModel vm = new SettingsViewModel(current);
    vm.dnsServerProperty().set("dns.example");
    assertThat(vm.problemProperty().get())
        .startsWith("DNS server: ")
        .endsWith("(give an IP address, optionally :PORT)");
    assertThat(vm.validProperty().get()).isFalse();
    assertThat(vm.result()).isEmpty();
    vm.dnsServerProperty().set("1.1.1.1:5353");
    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.result())
        .hasValueSatisfying(s -> assertThat(s.dnsServer()).isEqualTo("1.1.1.1:5353"));
    vm.dnsServerProperty().set("  ");
    assertThat(vm.validProperty().get()).isTrue(); // blank: the system's resolvers
  }

  @Test
  void editedValuesMakeTheResultAndTheHistoryIsKept() {
    SettingsViewModel vm = new SettingsViewModel(current);
    vm.dnsTimeoutProperty().set(9);
    vm.fetchTimeoutProperty().set(120);
    vm.smtpTimeoutProperty().set(45);
    vm.checkTimeoutProperty().set(600);
    vm.darkThemeProperty().set(false);
    vm.stepByStepProperty().set(true);
    Settings result = vm.result().orElseThrow();
    assertThat(result)
        .isEqualTo(
            new Settings(
                "9.9.9.9", List.of("/etc/ca.pem"), 9, 120, 45, false, true, List.of("a.com"), 600));
  }

  @Test
  void aTrustFileIsAddedOnceByItsAbsolutePathAndCanBeRemoved() {
    SettingsViewModel vm = new SettingsViewModel(Settings.defaults());
    vm.addTrustFile(Path.of("corp-ca.pem"));
    vm.addTrustFile(Path.of("corp-ca.pem").toAbsolutePath());
    String absolute = Path.of("corp-ca.pem").toAbsolutePath().toString();
    assertThat(vm.trustFiles()).containsExactly(absolute);
    vm.removeTrustFile(absolute);
    assertThat(vm.result().orElseThrow().trustFiles()).isEmpty();
  }
}
