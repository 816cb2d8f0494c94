package org.stslens.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.export.ReportFormat;
import org.stslens.engine.report.DomainReport;
import org.stslens.ui.common.FakeDialogService;
import org.stslens.ui.stages.summary.ReportExport;

/** Export from the toolbar and the File menu: the dialog asked, the file written, the status. */
class ReportExporterTest {

  @Test
  void writesTheChosenFormatWhereTheUserSaidAndSaysSo(@TempDir Path dir) throws Exception {
    DomainReport report;
    try (TestWorld world = new TestWorld()) {
      world.standardDns("export.test", "1", "mx1.export.test");
      world.policyHost("export.test", TestWorld.policy("enforce", "mx1.export.test"));
      world.goodMx(0, "mx1.export.test");
      report = world.check("export.test");
    }
    Path target = dir.resolve("customer.html");
    FakeDialogService dialogs = new FakeDialogService().choose(target);
    List<String> status = new CopyOnWriteArrayList<>();
    ReportExporter exporter =
        new ReportExporter(() -> report, dialogs, Runnable::run, Runnable::run, status::add);

    Path written = exporter.export(ReportFormat.HTML).orElseThrow().get(5, TimeUnit.SECONDS);

    assertThat(written).isEqualTo(target);
    assertThat(Files.readString(target)).contains("export.test").containsIgnoringCase("<html");
    assertThat(dialogs.fileDialogs.get(0).initialFileName()).isEqualTo("mta-sts-export.test.html");
    assertThat(status).last().asString().contains("Saved the HTML report to " + target);
    // cancelled dialog: nothing written, nothing said to have been
    assertThat(exporter.export(ReportFormat.MD)).isEmpty();
    assertThat(ReportExport.offered())
        .doesNotContain(ReportFormat.TEXT)
        .endsWith(ReportFormat.JSON);
  }

  @Test
  void beforeAnyCheckThereIsNothingToExport() {
    List<String> status = new CopyOnWriteArrayList<>();
    ReportExporter exporter =
        new ReportExporter(
            () -> null, new FakeDialogService(), Runnable::run, Runnable::run, status::add);
    assertThat(exporter.export(ReportFormat.HTML)).isEmpty();
    assertThat(status).containsExactly("Nothing to export yet: check a domain first.");
  }
}
