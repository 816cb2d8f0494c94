package org.stslens.ui.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stslens.engine.finding.Code;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.tlsrpt.reports.FailureRows;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ReportCounter;
import org.stslens.engine.tlsrpt.reports.ReportImporter;
import org.stslens.engine.tlsrpt.reports.ReportSummary;
import org.stslens.engine.tlsrpt.reports.ResultType;
import org.stslens.engine.tlsrpt.reports.RetestLink;
import org.stslens.engine.tlsrpt.reports.RetestLinks;

/**
 * The Reports screen's state: imports TLS-RPT report files off the FX thread (with progress and
 * cancel), counts them by the engine's rules, breaks the chosen domain's failures down, explains a
 * result type, and links the failures to a re-test of the domain. Each open adds to what was read
 * (a report read twice still counts once); nothing is stored between runs.
 */
public final class ReportsViewModel {

  /**
   * Runs today's check of a domain (the walkthrough's), reporting back through the methods below.
   */
  public interface Retester {
    /** Starts the check; false when it could not start (the walkthrough says why). */
    boolean start(String domain);

    void cancel();
  }

  /** The breakdowns of the failures. */
  public enum Dimension {
    RESULT_TYPE("Result type"),
    MX("Receiving MX"),
    ORGANIZATION("Reporting organisation");

    private final String title;

    Dimension(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** One row of a breakdown: a result type, MX or organisation and its failed sessions. */
  public record Share(String key, long sessions, double percent) {}

  /**
   * A result type in words, and what today's check said about it.
   *
   * @param codes the STS Lens codes that produce it, or a sentence when none does
   * @param today one line per failure row of this type after a re-test, else empty
   */
  public record Explanation(
      String type, String senderSaw, String causes, String fix, String codes, List<String> today) {
    public Explanation {
      today = List.copyOf(today);
    }
  }

  private final Executor background;
  private final Consumer<Runnable> dispatcher;
  private final Retester retester;

  private final BooleanProperty importing = new SimpleBooleanProperty(false);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty status =
      new SimpleStringProperty("Open TLS-RPT report files or a folder.");
  private final ObservableList<ImportResult.Skipped> skipped = FXCollections.observableArrayList();
  private final ObservableList<String> notes = FXCollections.observableArrayList();
  private final ObservableList<String> domains = FXCollections.observableArrayList();
  private final StringProperty domain = new SimpleStringProperty();
  private final ObjectProperty<ReportSummary.Domain> summary = new SimpleObjectProperty<>();
  private final ObservableList<ReportSummary.Day> days = FXCollections.observableArrayList();
  private final ObservableList<Share> byType = FXCollections.observableArrayList();
  private final ObservableList<Share> byMx = FXCollections.observableArrayList();
  private final ObservableList<Share> byOrganization = FXCollections.observableArrayList();
  private final StringProperty selectedType = new SimpleStringProperty();
  private final ObjectProperty<Explanation> explanation = new SimpleObjectProperty<>();
  private final BooleanProperty retesting = new SimpleBooleanProperty(false);
  private final ObservableList<RetestLink> links = FXCollections.observableArrayList();

  // one read-only view of each list, kept: a view made per call loses its listeners to the GC
  private final ObservableList<ImportResult.Skipped> skippedView = readOnly(skipped);
  private final ObservableList<String> notesView = readOnly(notes);
  private final ObservableList<String> domainsView = readOnly(domains);
  private final ObservableList<ReportSummary.Day> daysView = readOnly(days);
  private final ObservableList<Share> byTypeView = readOnly(byType);
  private final ObservableList<Share> byMxView = readOnly(byMx);
  private final ObservableList<Share> byOrganizationView = readOnly(byOrganization);
  private final ObservableList<RetestLink> linksView = readOnly(links);

  private ImportResult imported = new ImportResult(List.of(), List.of());
  private ReportSummary counted = ReportCounter.count(imported);
  private FutureTask<ImportResult> running;
  private String retested;

  /**
   * @param background reads the files (never the FX thread)
   * @param dispatcher runs on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in
   *     tests)
   */
  public ReportsViewModel(Executor background, Consumer<Runnable> dispatcher, Retester retester) {
    this.background = background;
    this.dispatcher = dispatcher;
    this.retester = retester;
    domain.addListener((o, was, now) -> showDomain());
    selectedType.addListener((o, was, now) -> explain());
  }

  // ---- commands (FX thread) ----

  /** Reads the files and folders in the background and adds them to what was read. */
  public void open(List<Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    if (importing.get()) {
      status.set("Reports are being read: wait, or press Cancel first.");
      return;
    }
    importing.set(true);
    progress.set(-1);
    status.set("Reading " + describe(paths) + " …");
    ReportImporter.Progress heard =
        (done, total, next) -> {
          if (total > 0) {
            double now = (double) done / total;
            dispatcher.accept(
                () -> {
                  if (importing.get()) {
                    progress.set(now);
                    status.set("Reading reports: " + done + " of " + total + " files …");
                  }
                });
          }
        };
    FutureTask<ImportResult> task =
        new FutureTask<>(() -> ReportImporter.importAll(paths, heard)) {
          @Override
          protected void done() {
            dispatcher.accept(() -> finished(this));
          }
        };
    running = task;
    background.execute(task);
  }

  /** Stops reading between two files; what was read before this open stays. */
  public void cancelImport() {
    if (running != null && importing.get()) {
      running.cancel(true);
    }
  }

  /** Checks the chosen domain again (the walkthrough's check) and links its findings. */
  public void retest() {
    String d = domain.get();
    if (d == null || d.equals(ReportCounter.UNKNOWN_DOMAIN) || retesting.get()) {
      return;
    }
    retested = d;
    retesting.set(true);
    links.clear();
    explain();
    status.set("Checking " + d + " again …");
    if (!retester.start(d)) {
      retesting.set(false);
      retested = null;
      status.set("The re-test of " + d + " could not start: see the walkthrough's status.");
    }
  }

  public void cancelRetest() {
    if (retesting.get()) {
      retester.cancel();
      retesting.set(false);
      retested = null;
      status.set("Re-test cancelled.");
    }
  }

  /** A check finished (of any domain): the one asked for by Re-test is linked to the reports. */
  public void checkFinished(DomainReport report) {
    if (!retesting.get() || !report.domain().equals(retested)) {
      return;
    }
    retesting.set(false);
    retested = null;
    links.setAll(
        RetestLinks.link(
            FailureRows.of(imported, report.domain()),
            new RetestLinks.Today(
                report.domain(), report.startedAt(), report.findings(), report.mx())));
    long still = links.stream().filter(l -> l.outcome() == RetestLink.Outcome.STILL_SEEN).count();
    status.set(
        "Re-tested "
            + report.domain()
            + ": "
            + still
            + " of "
            + links.size()
            + " reported failures still have their cause today.");
    explain();
  }

  /** A check stopped; if it was the re-test and gave no report, the re-test ends without one. */
  public void checkStopped() {
    if (retesting.get()) {
      retesting.set(false);
      retested = null;
      status.set("The re-test ended without a result (cancelled or failed): see the walkthrough.");
    }
  }

  /** The table of a breakdown as tab-separated text, with a header line, for the clipboard. */
  public String tableText(Dimension dimension) {
    StringBuilder text = new StringBuilder();
    text.append(dimension.title()).append("\tFailed sessions\tShare\n");
    for (Share s : shares(dimension)) {
      text.append(s.key())
          .append('\t')
          .append(s.sessions())
          .append('\t')
          .append(String.format(java.util.Locale.ROOT, "%.1f%%", s.percent()))
          .append('\n');
    }
    return text.toString();
  }

  // ---- internals ----

  private void finished(FutureTask<ImportResult> task) {
    if (task != running) {
      return;
    }
    running = null;
    importing.set(false);
    progress.set(0);
    ImportResult result;
    try {
      result = task.get();
    } catch (CancellationException e) {
      status.set("Reading cancelled: nothing of it was added.");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      status.set(
          cause instanceof CancellationException
              ? "Reading cancelled: nothing of it was added."
              : "The reports could not be read: " + cause);
      return;
    }
    List<org.stslens.engine.tlsrpt.reports.TlsReport> reports = new ArrayList<>(imported.reports());
    reports.addAll(result.reports());
    List<ImportResult.Skipped> skippedNow = new ArrayList<>(imported.skipped());
    skippedNow.addAll(result.skipped());
    imported = new ImportResult(reports, skippedNow);
    counted = ReportCounter.count(imported);
    skipped.setAll(counted.skipped());
    notes.setAll(counted.notes());
    String keep = domain.get();
    List<String> names = counted.domains().stream().map(ReportSummary.Domain::domain).toList();
    domains.setAll(names);
    links.clear();
    if (names.contains(keep)) {
      showDomain();
    } else {
      domain.set(names.isEmpty() ? null : names.get(0));
    }
    status.set(
        counted.reports()
            + (counted.reports() == 1 ? " report" : " reports")
            + " of "
            + names.size()
            + (names.size() == 1 ? " domain" : " domains")
            + (counted.skipped().isEmpty()
                ? ""
                : "; " + counted.skipped().size() + " files skipped (listed below)"));
  }

  private void showDomain() {
    Optional<ReportSummary.Domain> chosen =
        counted.domains().stream().filter(d -> d.domain().equals(domain.get())).findFirst();
    summary.set(chosen.orElse(null));
    days.setAll(chosen.map(ReportSummary.Domain::days).orElse(List.of()));
    byType.setAll(shares(chosen.map(ReportSummary.Domain::byResultType).orElse(Map.of())));
    byMx.setAll(shares(chosen.map(ReportSummary.Domain::byMx).orElse(Map.of())));
    byOrganization.setAll(
        shares(chosen.map(ReportSummary.Domain::byOrganization).orElse(Map.of())));
    links.clear();
    selectedType.set(byType.isEmpty() ? null : byType.get(0).key());
    explain();
  }

  private static List<Share> shares(Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return counts.entrySet().stream()
        .map(
            e -> new Share(e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total))
        .toList();
  }

  private List<Share> shares(Dimension dimension) {
    return switch (dimension) {
      case RESULT_TYPE -> byType;
      case MX -> byMx;
      case ORGANIZATION -> byOrganization;
    };
  }

  private void explain() {
    String type = selectedType.get();
    if (type == null) {
      explanation.set(null);
      return;
    }
    List<String> today =
        links.stream()
            .filter(l -> l.row().resultType().equals(type))
            .map(RetestLink::words)
            .toList();
    Optional<ResultType> known = ResultType.byId(type);
    if (known.isEmpty()) {
      explanation.set(
          new Explanation(
              type,
              "This is not one of the result types of RFC 8460 §4.3; the sender wrote its own"
                  + " words.",
              "Read the sender's failure-reason-code, or ask the sender what it means.",
              "",
              "No STS Lens finding produces it.",
              today));
      return;
    }
    ResultType t = known.get();
    String codes =
        t.producedBy().isEmpty()
            ? "No STS Lens finding produces it."
            : t.producedBy().stream().map(Code::id).collect(Collectors.joining(", "));
    explanation.set(new Explanation(t.id(), t.senderSaw(), t.causes(), t.fix(), codes, today));
  }

  private static <T> ObservableList<T> readOnly(ObservableList<T> list) {
    return FXCollections.unmodifiableObservableList(list);
  }

  private static String describe(List<Path> paths) {
    return paths.size() == 1 ? String.valueOf(paths.get(0).getFileName()) : paths.size() + " items";
  }

  // ---- state ----

  public ReadOnlyBooleanProperty importingProperty() {
    return importing;
  }

  /** 0..1 while reading, -1 before the files are counted. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ObservableList<ImportResult.Skipped> skipped() {
    return skippedView;
  }

  public ObservableList<String> notes() {
    return notesView;
  }

  public ObservableList<String> domains() {
    return domainsView;
  }

  /** The domain shown; the user picks it. */
  public StringProperty domainProperty() {
    return domain;
  }

  public ReadOnlyObjectProperty<ReportSummary.Domain> summaryProperty() {
    return summary;
  }

  /** Successful and failed sessions per UTC day, oldest first. */
  public ObservableList<ReportSummary.Day> days() {
    return daysView;
  }

  public ObservableList<Share> breakdown(Dimension dimension) {
    return switch (dimension) {
      case RESULT_TYPE -> byTypeView;
      case MX -> byMxView;
      case ORGANIZATION -> byOrganizationView;
    };
  }

  /** The result type explained; the user picks it in the breakdown. */
  public StringProperty selectedTypeProperty() {
    return selectedType;
  }

  public ReadOnlyObjectProperty<Explanation> explanationProperty() {
    return explanation;
  }

  public ReadOnlyBooleanProperty retestingProperty() {
    return retesting;
  }

  /** The last re-test's link of every failure row of the domain. */
  public ObservableList<RetestLink> links() {
    return linksView;
  }
}
