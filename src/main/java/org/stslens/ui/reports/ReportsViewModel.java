package org.stslens.ui.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import org.stslens.engine.history.HistoryException;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.tlsrpt.reports.FailureRows;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ReportCounter;
import org.stslens.engine.tlsrpt.reports.ReportImporter;
import org.stslens.engine.tlsrpt.reports.ReportSummary;
import org.stslens.engine.tlsrpt.reports.ResultType;
import org.stslens.engine.tlsrpt.reports.RetestLink;
import org.stslens.engine.tlsrpt.reports.RetestLinks;
import org.stslens.engine.tlsrpt.reports.TlsReport;

/**
 * The Reports screen's state: imports TLS-RPT report files off the FX thread (with progress and
 * cancel), counts them by the engine's rules, breaks the chosen domain's failures down, explains a
 * result type, and links the failures to a re-test of the domain. Each open adds to what was read
 * (a report read twice still counts once). With a history file, every import is stored there and
 * {@link #loadStored()} shows the stored reports again at the next start; a store that cannot be
 * used never costs the import, it is named in {@link #storeProblemProperty()}.
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

  /**
   * What one piece of background work gave.
   *
   * @param added the reports (and skipped files) to add to what is shown
   * @param forgotten the stored reports were removed: what is shown is cleared first
   * @param note a note on the store, kept in the notes until the stored reports are forgotten
   * @param usedStore the history file was used (or tried): its last problem is replaced
   * @param storeProblem why the store could not be used, in one line
   * @param done the status afterwards, instead of the counts
   */
  private record Batch(
      ImportResult added,
      boolean forgotten,
      Optional<String> note,
      boolean usedStore,
      Optional<String> storeProblem,
      Optional<String> done) {

    /** Reports read without the store. */
    static Batch of(ImportResult added) {
      return new Batch(added, false, Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    /** Reports read, and the store used without a problem. */
    static Batch stored(ImportResult added) {
      return new Batch(added, false, Optional.empty(), true, Optional.empty(), Optional.empty());
    }

    Batch withProblem(String problem) {
      return new Batch(added, forgotten, note, true, Optional.of(problem), done);
    }
  }

  private static final ImportResult NOTHING = new ImportResult(List.of(), List.of());

  private final Optional<Path> historyFile;
  private final Clock clock;
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
  private final StringProperty storeProblem = new SimpleStringProperty("");

  // one read-only view of each list, kept: a view made per call loses its listeners to the GC
  private final ObservableList<ImportResult.Skipped> skippedView = readOnly(skipped);
  private final ObservableList<String> notesView = readOnly(notes);
  private final ObservableList<String> domainsView = readOnly(domains);
  private final ObservableList<ReportSummary.Day> daysView = readOnly(days);
  private final ObservableList<Share> byTypeView = readOnly(byType);
  private final ObservableList<Share> byMxView = readOnly(byMx);
  private final ObservableList<Share> byOrganizationView = readOnly(byOrganization);
  private final ObservableList<RetestLink> linksView = readOnly(links);

  private ImportResult imported = NOTHING;
  private ReportSummary counted = ReportCounter.count(imported);
  private FutureTask<Batch> running;
  private boolean loadingStored;
  private boolean storedLoaded;
  private final List<List<Path>> waiting = new ArrayList<>();
  private final List<String> storeNotes = new ArrayList<>();
  private String retested;

  /**
   * A screen whose reports are not stored.
   *
   * @param background reads the files (never the FX thread)
   * @param dispatcher runs on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in
   *     tests)
   */
  public ReportsViewModel(Executor background, Consumer<Runnable> dispatcher, Retester retester) {
    this(Optional.empty(), Clock.systemUTC(), background, dispatcher, retester);
  }

  /**
   * A screen that stores every import in the history file {@code historyFile} and reads the stored
   * reports back with {@link #loadStored()}.
   */
  public ReportsViewModel(
      Path historyFile,
      Clock clock,
      Executor background,
      Consumer<Runnable> dispatcher,
      Retester retester) {
    this(Optional.of(historyFile), clock, background, dispatcher, retester);
  }

  private ReportsViewModel(
      Optional<Path> historyFile,
      Clock clock,
      Executor background,
      Consumer<Runnable> dispatcher,
      Retester retester) {
    this.historyFile = historyFile;
    this.clock = clock;
    this.background = background;
    this.dispatcher = dispatcher;
    this.retester = retester;
    domain.addListener((o, was, now) -> showDomain());
    selectedType.addListener((o, was, now) -> explain());
  }

  // ---- commands (FX thread) ----

  /**
   * Reads the files and folders in the background, adds them to what was read and stores them.
   * While the stored reports are being read, the files wait for them.
   */
  public void open(List<Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    if (importing.get() && loadingStored) {
      waiting.add(List.copyOf(paths));
      status.set("Reading the stored reports; " + describe(paths) + " will be read next …");
      return;
    }
    if (importing.get()) {
      status.set("Reports are being read: wait, or press Cancel first.");
      return;
    }
    read(paths);
  }

  private void read(List<Path> paths) {
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
    start(
        "Reading " + describe(paths) + " …",
        () -> {
          ImportResult read = ReportImporter.importAll(paths, heard);
          if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled before the reports were stored");
          }
          return stored(read);
        });
  }

  /**
   * Reads the reports of the history file in the background and shows them with whatever else was
   * read: once, when the screen is first opened. Does nothing without a history file.
   */
  public void loadStored() {
    if (historyFile.isEmpty() || storedLoaded || importing.get()) {
      return;
    }
    storedLoaded = true;
    loadingStored = true;
    Path file = historyFile.get();
    start(
        "Reading the stored reports …",
        () -> {
          try {
            ImportResult stored = HistoryStore.open(file).storedReports();
            int n = stored.reports().size();
            Optional<String> note =
                n == 0
                    ? Optional.empty()
                    : Optional.of(
                        n
                            + (n == 1 ? " report" : " reports")
                            + " came from the store ("
                            + file
                            + ")");
            return new Batch(stored, false, note, true, Optional.empty(), Optional.empty());
          } catch (HistoryException e) {
            return Batch.of(NOTHING).withProblem("Stored reports not read: " + e.getMessage());
          }
        });
  }

  /**
   * Removes every stored report from the history file, then clears the screen; the files stay where
   * they are and can be opened again. Does nothing without a history file.
   */
  public void forgetStored() {
    if (historyFile.isEmpty() || importing.get()) {
      return;
    }
    Path file = historyFile.get();
    start(
        "Forgetting the stored reports …",
        () -> {
          try {
            int n = HistoryStore.open(file).forgetReports();
            return new Batch(
                NOTHING,
                true,
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.of(
                    "Forgot "
                        + n
                        + (n == 1 ? " stored report" : " stored reports")
                        + "; open the files again to see them."));
          } catch (HistoryException e) {
            return Batch.of(NOTHING).withProblem("Stored reports not removed: " + e.getMessage());
          }
        });
  }

  /** True when the reports are stored (a history file was given). */
  public boolean storesReports() {
    return historyFile.isPresent();
  }

  private void start(String message, Callable<Batch> work) {
    importing.set(true);
    progress.set(-1);
    status.set(message);
    FutureTask<Batch> task =
        new FutureTask<>(work) {
          @Override
          protected void done() {
            dispatcher.accept(() -> finished(this));
          }
        };
    running = task;
    background.execute(task);
  }

  /** Stores what was read (on the background thread); a store that cannot be used is named. */
  private Batch stored(ImportResult read) {
    if (historyFile.isEmpty() || read.reports().isEmpty()) {
      return Batch.of(read);
    }
    try {
      HistoryStore.open(historyFile.get()).saveReports(read.reports(), clock.instant());
      return Batch.stored(read);
    } catch (HistoryException e) {
      return Batch.of(read).withProblem("Not stored: " + e.getMessage());
    }
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

  private void finished(FutureTask<Batch> task) {
    if (task != running) {
      return;
    }
    running = null;
    loadingStored = false;
    // files dropped while the stored reports were read: read now, without a moment of "not busy"
    List<Path> next = waiting.stream().flatMap(List::stream).toList();
    waiting.clear();
    if (next.isEmpty()) {
      importing.set(false);
      progress.set(0);
    }
    try {
      show(task.get());
    } catch (CancellationException e) {
      status.set("Reading cancelled: nothing of it was added.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      status.set(
          cause instanceof CancellationException
              ? "Reading cancelled: nothing of it was added."
              : "The reports could not be read: " + cause);
    }
    if (!next.isEmpty()) {
      read(next);
    }
  }

  private void show(Batch batch) {
    if (batch.usedStore()) {
      storeProblem.set(batch.storeProblem().orElse(""));
    }
    if (batch.forgotten()) {
      imported = NOTHING;
      storeNotes.clear();
    }
    batch.note().ifPresent(storeNotes::add);
    ImportResult result = batch.added();
    List<TlsReport> reports = new ArrayList<>(imported.reports());
    reports.addAll(result.reports());
    List<ImportResult.Skipped> skippedNow = new ArrayList<>(imported.skipped());
    skippedNow.addAll(result.skipped());
    imported = new ImportResult(reports, skippedNow);
    counted = ReportCounter.count(imported);
    skipped.setAll(counted.skipped());
    List<String> allNotes = new ArrayList<>(storeNotes);
    allNotes.addAll(counted.notes());
    notes.setAll(allNotes);
    String keep = domain.get();
    List<String> names = counted.domains().stream().map(ReportSummary.Domain::domain).toList();
    domains.setAll(names);
    links.clear();
    if (names.contains(keep)) {
      // a chooser bound to the domain may have let go of it while its items were replaced
      if (keep.equals(domain.get())) {
        showDomain();
      } else {
        domain.set(keep);
      }
    } else {
      domain.set(names.isEmpty() ? null : names.get(0));
    }
    if (batch.done().isPresent()) {
      status.set(batch.done().get());
      return;
    }
    status.set(
        counted.reports()
            + (counted.reports() == 1 ? " report" : " reports")
            + " of "
            + names.size()
            + (names.size() == 1 ? " domain" : " domains")
            + (counted.skipped().isEmpty()
                ? ""
                : "; " + counted.skipped().size() + " files skipped (listed below)")
            + (batch.note().isPresent()
                ? "; " + batch.added().reports().size() + " from the store"
                : ""));
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

  /**
   * Why the history file could not be used by the last import, load or forget; empty if it could.
   */
  public ReadOnlyStringProperty storeProblemProperty() {
    return storeProblem;
  }

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
