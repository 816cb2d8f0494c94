package org.stslens.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.tlsrpt.reports.ReportWriter;
import org.stslens.engine.tlsrpt.reports.RetestLink;
import org.stslens.lab.LabReports;
import org.stslens.ui.reports.ReportsViewModel.Dimension;

/** The Reports screen's state, with a synchronous executor and dispatcher. */
class ReportsViewModelTest {

  private static final String LAB = "one-good-one-bad-mx.lab.example";

  @TempDir Path dir;
  private final List<String> retested = new ArrayList<>();
  private boolean retestStarts = true;
  private int cancels;
  private final ReportsViewModel vm =
      new ReportsViewModel(
          Runnable::run,
          Runnable::run,
          new ReportsViewModel.Retester() {
            @Override
            public boolean start(String domain) {
              retested.add(domain);
              return retestStarts;
            }

            @Override
            public void cancel() {
              cancels++;
            }
          });

  private void writeSamples() throws IOException {
    ReportWriter.write(
        dir,
        "one.json",
        ReportWriter.json(
            "Sender One",
            "r-1",
            LocalDate.of(2026, 11, 1),
            LAB,
            100,
            List.of(
                new ReportWriter.Failure("certificate-expired", "mx2." + LAB, 6),
                new ReportWriter.Failure("starttls-not-supported", "mx1." + LAB, 2))));
    ReportWriter.write(
        dir.resolve("sub"),
        "two.json",
        ReportWriter.json(
            "Sender Two",
            "r-2",
            LocalDate.of(2026, 11, 2),
            LAB,
            50,
            List.of(new ReportWriter.Failure("certificate-expired", "mx2." + LAB, 4))));
    ReportWriter.write(
        dir,
        "other.json",
        ReportWriter.json(
            "Sender One", "r-3", LocalDate.of(2026, 11, 2), "other.test", 9, List.of()));
    Files.writeString(dir.resolve("broken.json.gz"), "not gzip at all");
  }

  @Test
  void aFolderIsCountedPerDomainAndDayWithSkippedFilesAndTheirReasons() throws IOException {
    writeSamples();
    vm.open(List.of(dir));

    assertThat(vm.importingProperty().get()).isFalse();
    assertThat(vm.domains()).containsExactly(LAB, "other.test");
    assertThat(vm.domainProperty().get()).isEqualTo(LAB);
    assertThat(vm.days())
        .extracting(d -> d.date().toString() + " " + d.successful() + "/" + d.failed())
        .containsExactly("2026-11-01 100/8", "2026-11-02 50/4");
    assertThat(vm.breakdown(Dimension.RESULT_TYPE))
        .extracting(s -> s.key() + "=" + s.sessions())
        .containsExactly("certificate-expired=10", "starttls-not-supported=2");
    assertThat(vm.breakdown(Dimension.MX))
        .extracting(s -> s.key() + "=" + s.sessions())
        .containsExactly("mx2." + LAB + "=10", "mx1." + LAB + "=2");
    assertThat(vm.breakdown(Dimension.ORGANIZATION))
        .extracting(s -> s.key() + "=" + s.sessions())
        .containsExactly("Sender One=8", "Sender Two=4");
    assertThat(vm.skipped()).hasSize(1);
    assertThat(vm.skipped().get(0).file()).endsWith("broken.json.gz");
    assertThat(vm.skipped().get(0).reason()).startsWith("not gzip");
    assertThat(vm.statusProperty().get())
        .isEqualTo("3 reports of 2 domains; 1 files skipped (listed below)");

    vm.domainProperty().set("other.test");
    assertThat(vm.days()).extracting(d -> d.successful()).containsExactly(9L);
    assertThat(vm.breakdown(Dimension.RESULT_TYPE)).isEmpty();
    assertThat(vm.explanationProperty().get()).isNull();
  }

  @Test
  void openingAgainAddsAndAReportSeenTwiceCountsOnce() throws IOException {
    writeSamples();
    vm.open(List.of(dir.resolve("one.json")));
    vm.open(List.of(dir));
    assertThat(vm.breakdown(Dimension.RESULT_TYPE).get(0).sessions()).isEqualTo(10);
    assertThat(vm.notes()).anyMatch(n -> n.contains("counted once"));
  }

  @Test
  void theSelectedResultTypeIsExplainedWithTheCodesThatProduceIt() throws IOException {
    writeSamples();
    vm.open(List.of(dir));
    assertThat(vm.selectedTypeProperty().get()).isEqualTo("certificate-expired");
    ReportsViewModel.Explanation x = vm.explanationProperty().get();
    assertThat(x.senderSaw()).contains("validity period has ended");
    assertThat(x.codes()).isEqualTo("tls.cert-expired");

    vm.selectedTypeProperty().set("starttls-not-supported");
    assertThat(vm.explanationProperty().get().codes()).contains("smtp.starttls-missing");
    vm.selectedTypeProperty().set("dane-required");
    assertThat(vm.explanationProperty().get().codes()).contains("dane.tlsa-unsigned");
  }

  @Test
  void copyGivesTheTableAsTabSeparatedText() throws IOException {
    writeSamples();
    vm.open(List.of(dir));
    assertThat(vm.tableText(Dimension.ORGANIZATION))
        .isEqualTo(
            "Reporting organisation\tFailed sessions\tShare\n"
                + "Sender One\t8\t66.7%\n"
                + "Sender Two\t4\t33.3%\n");
  }

  @Test
  void reTestLinksTodaysCheckToEachFailure() throws Exception {
    writeSamples();
    vm.open(List.of(dir));
    vm.retest();
    assertThat(retested).containsExactly(LAB);
    assertThat(vm.retestingProperty().get()).isTrue();

    DomainReport other = LabReports.check("good-enforce");
    vm.checkFinished(other); // another domain's check is not the re-test
    assertThat(vm.retestingProperty().get()).isTrue();

    vm.checkFinished(LabReports.check("one-good-one-bad-mx"));
    assertThat(vm.retestingProperty().get()).isFalse();
    assertThat(vm.links())
        .extracting(RetestLink::outcome)
        .containsExactly(RetestLink.Outcome.STILL_SEEN, RetestLink.Outcome.NOT_SEEN);
    assertThat(vm.explanationProperty().get().today())
        .singleElement()
        .asString()
        .startsWith("certificate-expired on mx2." + LAB + ": still expired (tls.cert-expired)");
    assertThat(vm.statusProperty().get())
        .isEqualTo("Re-tested " + LAB + ": 1 of 2 reported failures still have their cause today.");
  }

  @Test
  void aReTestThatCannotStartOrStopsWithoutAReportEnds() throws IOException {
    writeSamples();
    vm.open(List.of(dir));
    retestStarts = false;
    vm.retest();
    assertThat(vm.retestingProperty().get()).isFalse();
    assertThat(vm.statusProperty().get()).contains("could not start");

    retestStarts = true;
    vm.retest();
    vm.checkStopped();
    assertThat(vm.retestingProperty().get()).isFalse();
    assertThat(vm.links()).isEmpty();

    vm.retest();
    vm.cancelRetest();
    assertThat(cancels).isEqualTo(1);
    assertThat(vm.retestingProperty().get()).isFalse();
  }

  @Test
  void aCancelledImportAddsNothing() throws IOException {
    writeSamples();
    List<Runnable> queued = new ArrayList<>();
    ReportsViewModel queuedVm =
        new ReportsViewModel(
            queued::add,
            Runnable::run,
            new ReportsViewModel.Retester() {
              @Override
              public boolean start(String domain) {
                return false;
              }

              @Override
              public void cancel() {}
            });
    queuedVm.open(List.of(dir));
    assertThat(queuedVm.importingProperty().get()).isTrue();
    queuedVm.cancelImport();
    queued.forEach(Runnable::run);
    assertThat(queuedVm.importingProperty().get()).isFalse();
    assertThat(queuedVm.domains()).isEmpty();
    assertThat(queuedVm.statusProperty().get()).startsWith("Reading cancelled");
  }
}
