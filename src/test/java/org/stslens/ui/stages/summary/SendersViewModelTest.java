package org.stslens.ui.stages.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.senders.SenderProfiles;
import org.stslens.lab.LabReports;
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.ui.stages.summary.SendersViewModel.Cell;
import org.stslens.ui.stages.summary.SendersViewModel.Row;
import org.stslens.ui.stages.summary.SendersViewModel.Tone;

/** The Senders matrix of real reports: a lab world where senders disagree, one where they agree. */
class SendersViewModelTest {

  private static final String MX = "mx1.policy-key-space.lab.example";
  private static SendersViewModel keySpace;

  @BeforeAll
  static void check() throws InterruptedException {
    keySpace = SendersViewModel.forReport(LabReports.check("policy-key-space"));
  }

  private static Row row(SendersViewModel vm, String sender) {
    return vm.matrixProperty().get().rows().stream()
        .filter(r -> r.sender().equals(sender))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void sendersAreRowsInProfileOrderAndThePolicyAndEachMxAreColumns() {
    SendersViewModel.Matrix m = keySpace.matrixProperty().get();

    assertThat(m.columns()).containsExactly("Policy", MX);
    assertThat(m.rows()).hasSize(SenderProfiles.IDS.size());
    assertThat(m.rows().get(0).sender()).isEqualTo("RFC 8461");
    assertThat(m.rows().get(1).sender()).isEqualTo("Postfix with postfix-mta-sts-resolver");
    assertThat(m.rows()).allSatisfy(r -> assertThat(r.cells()).hasSize(2));
  }

  @Test
  void eachCellSaysItsWordAndTone() {
    assertThat(row(keySpace, "RFC 8461").cells())
        .extracting(Cell::word, Cell::tone)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("enforce", Tone.GOOD),
            org.assertj.core.groups.Tuple.tuple("deliver", Tone.GOOD));
    assertThat(row(keySpace, "Postfix with postfix-mta-sts-resolver").cells())
        .extracting(Cell::word, Cell::tone)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("no-policy", Tone.BAD),
            org.assertj.core.groups.Tuple.tuple("deliver", Tone.GOOD));
    assertThat(row(keySpace, "mailauth").cells().get(0).word()).isEqualTo("enforce");
  }

  @Test
  void aSelectedCellExplainsItselfWithTheBehaviourAndItsSource() {
    keySpace.select(1, 0);

    assertThat(keySpace.explanationProperty().get())
        .startsWith(
            "Postfix with postfix-mta-sts-resolver sees no policy (RFC 8461 reading: enforce).")
        .contains("policy-key-whitespace: this sender field-lost, RFC 8461 trimmed")
        .contains("Source: Snawoot/postfix-mta-sts-resolver");

    keySpace.select(3, 0); // mailauth trims the key, as the RFC reading does
    assertThat(keySpace.explanationProperty().get())
        .isEqualTo("mailauth enforces the policy.\nSame as the RFC reading.");

    keySpace.select(0, 1);
    assertThat(keySpace.explanationProperty().get()).contains("This is the RFC reading");

    keySpace.select(1, -1);
    assertThat(keySpace.explanationProperty().get()).contains("Assumed: resolver 1.x");
  }

  @Test
  void theBannerSaysWhoDisagrees() {
    assertThat(keySpace.bannerProperty().get())
        .startsWith("RFC 8461 and ")
        .contains("enforce the policy; ")
        .contains("Postfix with postfix-mta-sts-resolver")
        .contains("see no policy.");
    assertThat(keySpace.matrixProperty().get().disagreements()).hasSize(1);
  }

  @Test
  void noBannerWhenSendersAgree() {
    DomainReport agreeing = ViewTestSupport.secondHostWithoutStartTls();
    SendersViewModel vm = SendersViewModel.forReport(agreeing);

    assertThat(vm.bannerProperty().get()).isEmpty();
    assertThat(vm.matrixProperty().get().columns())
        .containsExactly("Policy", ViewTestSupport.MX1, ViewTestSupport.MX2);
    assertThat(row(vm, "RFC 8461").cells())
        .extracting(Cell::word)
        .containsExactly("enforce", "deliver", "refuse");
  }

  @Test
  void theMatrixCopiesAsAlignedText() {
    List<String> lines = keySpace.asText().lines().toList();

    assertThat(lines.get(0)).matches("Sender +Policy +" + MX.replace(".", "\\."));
    assertThat(lines.get(1)).matches("RFC 8461 +enforce +deliver");
    assertThat(lines.get(2)).matches("Postfix with postfix-mta-sts-resolver +no-policy +deliver");
    assertThat(lines).contains(keySpace.bannerProperty().get());
  }
}
