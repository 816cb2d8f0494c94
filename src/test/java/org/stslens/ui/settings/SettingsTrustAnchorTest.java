package org.stslens.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.lab.LabDnssec;

/** Choosing a DNSSEC trust-anchor file in Settings: checked on choose, kept only when usable. */
class SettingsTrustAnchorTest {

  private static Settings current(String anchor) {
    return new Settings("", List.of(), 5, 60, 30, false, false, List.of(), 180)
        .withTrustAnchor(anchor);
  }

  private static Path anchorFile(Path dir) throws Exception {
    return Files.writeString(
        dir.resolve("lab.ds"),
        LabDnssec.create("lab.example", LabDnssec.Mode.SIGNED).trustAnchor());
  }

  @Test
  void aFileOfDsRecordsIsTakenAndBuiltInGoesBackToTheRoot(@TempDir Path dir) throws Exception {
    SettingsViewModel vm = new SettingsViewModel(current(""));
    Path file = anchorFile(dir);
    assertThat(vm.chooseTrustAnchor(file)).isTrue();
    assertThat(vm.trustAnchorProblemProperty().get()).isEmpty();
    assertThat(vm.result().orElseThrow().trustAnchorFile())
        .isEqualTo(file.toAbsolutePath().toString());
    vm.useBuiltInTrustAnchor();
    assertThat(vm.result().orElseThrow().builtInTrustAnchor()).isTrue();
  }

  @Test
  void aFileWithoutDsOrDnskeyIsRefusedWithTheReasonAndThePreviousChoiceStays(@TempDir Path dir)
      throws Exception {
    Path good = anchorFile(dir);
    SettingsViewModel vm = new SettingsViewModel(current(good.toString()));
    Path wrong = Files.writeString(dir.resolve("a.zone"), "example.test. 60 IN A 192.0.2.1\n");
    assertThat(vm.chooseTrustAnchor(wrong)).isFalse();
    assertThat(vm.trustAnchorProblemProperty().get())
        .startsWith("DNSSEC trust anchor: ")
        .contains(wrong.toString())
        .contains("no DS or DNSKEY");
    assertThat(vm.result().orElseThrow().trustAnchorFile()).isEqualTo(good.toString());
  }

  @Test
  void binaryJunkAndHugeFilesAreRefused(@TempDir Path dir) throws Exception {
    SettingsViewModel vm = new SettingsViewModel(current(""));
    byte[] junk = new byte[2048];
    new java.util.Random(3).nextBytes(junk);
    assertThat(vm.chooseTrustAnchor(Files.write(dir.resolve("junk.key"), junk))).isFalse();
    assertThat(vm.trustAnchorProblemProperty().get()).contains("not UTF-8");
    Path huge = Files.writeString(dir.resolve("huge.key"), ";".repeat(1 << 20));
    assertThat(vm.chooseTrustAnchor(huge)).isFalse();
    assertThat(vm.trustAnchorProblemProperty().get()).contains("larger than");
    assertThat(vm.result().orElseThrow().builtInTrustAnchor()).isTrue();
  }

  @Test
  void aSavedAnchorFileThatWentMissingIsSaidWhenTheDialogOpens(@TempDir Path dir) {
    Path gone = dir.resolve("gone.key");
    SettingsViewModel vm = new SettingsViewModel(current(gone.toString()));
    assertThat(vm.trustAnchorProblemProperty().get()).contains(gone.toString());
    // kept as chosen: the check then refuses to run rather than validate from the root
    assertThat(vm.result().orElseThrow().trustAnchorFile()).isEqualTo(gone.toString());
  }
}
