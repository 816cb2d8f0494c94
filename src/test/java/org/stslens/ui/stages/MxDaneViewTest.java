package org.stslens.ui.stages;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The MX page of a DANE lab world shows DANE beside MTA-STS. */
@ExtendWith(ApplicationExtension.class)
class MxDaneViewTest {

  private static final String HOST = "mx1.dane-rollover-mismatch.lab.example";

  @Start
  void start(Stage stage) throws InterruptedException {
    DomainReport report = LabReports.check("dane-rollover-mismatch");
    ViewTestSupport.show(
        stage,
        (ScrollPane)
            StageViews.mx(report.mx(), HOST, new ViewTestSupport.RecordingContext().context()));
  }

  @Test
  void theDaneSectionShowsStatusRecordsAndWhichApplies(FxRobot robot) {
    assertThat(robot.lookup("#dane").tryQuery()).isPresent();
    assertThat(robot.lookup("#dane-dnssec").queryAs(Labeled.class).getText()).startsWith("secure:");
    assertThat(robot.lookup("#dane-verdict").queryAs(Labeled.class).getText()).startsWith("fail:");
    assertThat(robot.lookup("#dane-applies").queryAs(Labeled.class).getText())
        .startsWith("MTA-STS accepts this host but DANE fails.");
    assertThat(
            robot.lookup("#tlsa-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText))
        .contains("3 DANE-EE", "1 public key", "1 SHA-256", "did not match");
    assertThat(
            robot.lookup("#tlsa-why .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText))
        .singleElement()
        .asString()
        .startsWith("3 1 1 ")
        .contains(": did not match, ");
    assertThat(
            robot.lookup("#dane .command-text").queryAllAs(TextField.class).stream()
                .map(TextField::getText))
        .anyMatch(c -> c.startsWith("dig +dnssec ") && c.contains("_25._tcp." + HOST))
        .anyMatch(c -> c.contains("-dane_tlsa_domain " + HOST + " -dane_tlsa_rrdata \"3 1 1 "));
    assertThat(
            robot.lookup("#dane-chain .dane-chain-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText))
        .hasSize(8) // two zones, four cells each
        .contains("lab.example.", "dane-rollover-mismatch.lab.example.", "DS, DNSKEY");
    assertThat(robot.lookup("#dane-chain-end").queryAs(Labeled.class).getText())
        .startsWith("Ended: secure to the TLSA RRset at dane-rollover-mismatch.lab.example. (");
    assertThat(
            robot.lookup("#dane .finding-code").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText))
        .contains("dane.tlsa-mismatch");
  }
}
