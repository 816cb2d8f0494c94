package org.stslens.ui.workbench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.IssuedCertificate;
import org.stslens.ui.common.FakeDialogService;
import org.stslens.ui.stages.ViewTestSupport;
import org.stslens.workbench.publish.DaneTlsaRecords;
import org.stslens.workbench.publish.MxCertificates;
import org.stslens.workbench.publish.PublishingKit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The kit's DANE TLSA section: a certificate file in, the records to copy and export out. */
@ExtendWith(ApplicationExtension.class)
class PublishingKitPaneTlsaTest {

  private static final String MX = "mail.example.com";
  private static final IssuedCertificate SERVER =
      CertificateAuthority.create("Pane test root").intermediate("Pane test CA").issue(MX);

  private final PublishingKit kit =
      PublishingKit.build(
          "example.com",
          "version: STSv1\nmode: testing\nmx: " + MX + "\nmax_age: 604800\n",
          Clock.systemUTC(),
          Optional.empty(),
          Optional.empty());
  private final List<PublishingKit> exported = new ArrayList<>();
  private final FakeDialogService dialogs = new FakeDialogService();
  private final TlsaRecordModel model =
      new TlsaRecordModel(() -> List.of(new MxCertificates.Presented(MX, SERVER.chain())));

  @Start
  void start(Stage stage) {
    ViewTestSupport.show(stage, new PublishingKitPane(kit, exported::add, model, dialogs));
  }

  @Test
  void anOpenedCertificateGivesTheRecordToCopyWithBothWarningsAndItIsExported(FxRobot robot)
      throws Exception {
    Path pem = Files.createTempFile("mx", ".pem");
    Files.writeString(pem, SERVER.chainPem());
    dialogs.choose(pem);
    robot.interact(() -> robot.lookup("#tlsa-mx").queryAs(TextField.class).setText(MX));
    robot.interact(() -> robot.lookup("#tlsa-open").queryAs(Button.class).fire());

    DaneTlsaRecords expected = DaneTlsaRecords.of(MX, SERVER.chain());
    String shown = robot.lookup("#tlsa-records").queryAs(TextArea.class).getText();
    assertThat(shown).isEqualTo(String.join("\n", expected.zoneLines()));
    assertThat(shown).startsWith("_25._tcp." + MX + ". IN TLSA 3 1 1 ").contains("IN TLSA 2 1 1 ");
    assertThat(robot.lookup(".kit-warning").queryAllAs(Label.class))
        .extracting(Label::getText)
        .containsExactly(DaneTlsaRecords.DNSSEC_WARNING, DaneTlsaRecords.ROLLOVER_WARNING);

    robot.interact(() -> robot.lookup("#export-kit").queryAs(Button.class).fire());
    assertThat(exported).hasSize(1);
    assertThat(exported.get(0).tlsa()).contains(expected);
    Files.deleteIfExists(pem);
  }

  @Test
  void junkIsRefusedWithTheReasonAndNothingIsExported(FxRobot robot) throws Exception {
    Path junk = Files.createTempFile("junk", ".pem");
    Files.write(junk, new byte[] {0, 1, 2, 3, (byte) 0xff, 0x30, 0x03});
    dialogs.choose(junk);
    robot.interact(() -> robot.lookup("#tlsa-open").queryAs(Button.class).fire());
    assertThat(robot.lookup("#tlsa-problem").queryAs(Label.class).getText())
        .contains("is not a certificate");
    robot.interact(() -> robot.lookup("#export-kit").queryAs(Button.class).fire());
    assertThat(exported.get(0).tlsa()).isEmpty();
    Files.deleteIfExists(junk);
  }

  @Test
  void theLastChecksCertificateCanBeTakenWithoutAFile(FxRobot robot) {
    robot.interact(() -> model.usePresented(model.presented().get(0)));
    assertThat(robot.lookup("#tlsa-mx").queryAs(TextField.class).getText()).isEqualTo(MX);
    assertThat(robot.lookup("#tlsa-records").queryAs(TextArea.class).getText())
        .isEqualTo(String.join("\n", DaneTlsaRecords.of(MX, SERVER.chain()).zoneLines()));
  }
}
