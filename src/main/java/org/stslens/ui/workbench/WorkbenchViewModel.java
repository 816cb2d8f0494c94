package org.stslens.ui.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.history.CheckFacts;
import org.stslens.engine.history.HistoryException;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.senders.DraftJudge;
import org.stslens.ui.stages.summary.SendersViewModel;
import org.stslens.workbench.draft.Draft;
import org.stslens.workbench.draft.DraftAutosaver;
import org.stslens.workbench.draft.DraftFiles;
import org.stslens.workbench.draft.DraftStore;
import org.stslens.workbench.draft.Templates;
import org.stslens.workbench.edit.DraftAnalysis;
import org.stslens.workbench.edit.DraftText;
import org.stslens.workbench.evaluate.DraftEvaluation;
import org.stslens.workbench.publish.PublishNotice;
import org.stslens.workbench.publish.PublishingKit;

/**
 * The policy workbench's state: the current draft and its analysis, the named drafts, the last
 * check of the draft's domain and what the draft would do to its MX hosts. Every edit is analysed
 * at once (the parser is linear) and autosaved off the FX thread. Files are opened, saved and
 * exported on the background executor ({@link DraftFiles} holds the rules); how it went is told
 * through {@link #statusProperty()}. No scene graph here.
 */
public final class WorkbenchViewModel {

  private final DraftStore store;
  private final DraftAutosaver saver;
  private final Executor background;
  private final Consumer<Runnable> fx;
  private final Clock clock;

  private final ObservableList<Draft> drafts = FXCollections.observableArrayList();
  private final ObservableList<Draft> draftsView = FXCollections.unmodifiableObservableList(drafts);
  private final ReadOnlyObjectWrapper<Draft> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<EditorLoad> load = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DraftAnalysis> analysis =
      new ReadOnlyObjectWrapper<>(DraftAnalysis.of(""));
  private final ReadOnlyObjectWrapper<DraftEvaluation> evaluation = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DomainReport> lastCheck = new ReadOnlyObjectWrapper<>();
  private final StringProperty domain = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper kitExportStatus = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper publishNotice = new ReadOnlyStringWrapper("");
  private long loads;

  /** The stored checks; none until the app gives its history ({@link #useHistory}). */
  private StoredChecks history = domain -> Optional.empty();

  /** The latest stored check of {@link #storedFor}, as last read; FX thread only. */
  private Optional<CheckFacts> stored = Optional.empty();

  private String storedFor = "";
  private String storedProblem = "";
  private final java.util.concurrent.atomic.AtomicLong historyAsked =
      new java.util.concurrent.atomic.AtomicLong();

  private final SendersViewModel senders = new SendersViewModel();
  private final ObservableList<String> senderSentences = FXCollections.observableArrayList();
  private final ObservableList<String> senderSentencesView =
      FXCollections.unmodifiableObservableList(senderSentences);
  private final java.util.concurrent.atomic.AtomicLong sendersAsked =
      new java.util.concurrent.atomic.AtomicLong();

  /** The current draft is a template nobody has changed (not on disk). */
  private boolean pristineTemplate;

  /**
   * @param fx runs a task on the FX thread (Platform::runLater)
   */
  public WorkbenchViewModel(
      DraftStore store, Executor background, Consumer<Runnable> fx, Clock clock) {
    this.store = store;
    this.background = background;
    this.fx = fx;
    this.clock = clock;
    this.saver =
        new DraftAutosaver(store, background, problem -> fx.accept(() -> status.set(problem)));
    domain.addListener((o, was, now) -> domainChanged(now));
    lastCheck.addListener(
        (o, was, now) -> {
          evaluate();
          readHistory(); // the desktop has just saved this check
        });
    analysis.addListener((o, was, now) -> refreshNotice());
  }

  /** The latest stored check of a domain; read on the background executor. */
  @FunctionalInterface
  public interface StoredChecks {
    Optional<CheckFacts> latest(String domain) throws HistoryException;
  }

  /**
   * Where the stored checks are read from (the desktop's history file), for {@link
   * #publishNoticeProperty()}; read again whenever the domain or the last check changes.
   */
  public void useHistory(StoredChecks history) {
    this.history = java.util.Objects.requireNonNull(history, "history");
    readHistory();
  }

  /** Reads the latest stored check of the draft's domain off the FX thread; the newest ask wins. */
  private void readHistory() {
    String d = DomainNameInput.normalize(domain.get()).orElse("");
    long asked = historyAsked.incrementAndGet();
    if (d.isEmpty()) {
      stored = Optional.empty();
      storedFor = "";
      storedProblem = "";
      refreshNotice();
      return;
    }
    StoredChecks from = history;
    background.execute(
        () -> {
          Optional<CheckFacts> found;
          String problem = "";
          try {
            found = from.latest(d);
          } catch (HistoryException e) {
            found = Optional.empty();
            problem = " (The history cannot be read: " + e.getMessage() + ".)";
          }
          Optional<CheckFacts> f = found;
          String p = problem;
          fx.accept(
              () -> {
                if (historyAsked.get() == asked) {
                  stored = f;
                  storedFor = d;
                  storedProblem = p;
                  refreshNotice();
                }
              });
        });
  }

  /**
   * The policy senders may have cached: the newer of the latest stored check and the walkthrough's
   * report, when either is of the draft's domain.
   */
  private Optional<CheckFacts> currentPolicy() {
    String d = DomainNameInput.normalize(domain.get()).orElse("");
    Optional<CheckFacts> fromStore = storedFor.equals(d) ? stored : Optional.empty();
    Optional<CheckFacts> fromReport = relevantReport().map(CheckFacts::of);
    if (fromStore.isEmpty()) {
      return fromReport;
    }
    if (fromReport.isEmpty()) {
      return fromStore;
    }
    return fromReport.get().checkedAt().isAfter(fromStore.get().checkedAt())
        ? fromReport
        : fromStore;
  }

  private void refreshNotice() {
    Optional<String> d = DomainNameInput.normalize(domain.get());
    if (d.isEmpty()) {
      publishNotice.set("");
      return;
    }
    Optional<CheckFacts> current = currentPolicy();
    // the editor has no id: the notice reminds that an unchanged id is never fetched
    String text =
        PublishNotice.of(d.get(), current, analysis.get().text(), Optional.empty(), clock.instant())
            .text();
    publishNotice.set(current.isEmpty() ? text + storedProblem : text);
  }

  /**
   * Reads the saved drafts in the background and opens the newest one (unless the user already
   * works on a draft), so a draft typed before a crash or kill is back.
   */
  public void restore() {
    background.execute(
        () -> {
          DraftStore.Listing listing = store.list();
          fx.accept(
              () -> {
                for (Draft saved : listing.drafts()) {
                  if (drafts.stream().noneMatch(d -> d.id().equals(saved.id()))) {
                    drafts.add(saved);
                  }
                }
                if (!listing.problems().isEmpty()) {
                  status.set(String.join(" ", listing.problems()));
                }
                if (!listing.drafts().isEmpty() && (current.get() == null || pristineTemplate)) {
                  Draft template = pristineTemplate ? current.get() : null;
                  select(listing.drafts().get(0));
                  if (template != null) {
                    drafts.remove(template);
                  }
                  status.set(
                      "Restored "
                          + listing.drafts().size()
                          + " saved draft"
                          + (listing.drafts().size() == 1 ? "" : "s")
                          + " from "
                          + store.folder());
                }
              });
        });
  }

  /**
   * The editor is shown for the first time: without a saved draft, start a testing-first draft for
   * the domain of the last check, with its MX hosts.
   */
  public void ensureDraft() {
    if (current.get() == null) {
      DomainReport report = lastCheck.get();
      if (report != null && domain.get().isBlank()) {
        domain.set(report.domain());
      }
      newFromTemplate(Templates.TESTING_FIRST);
    }
  }

  /** The user typed: analyse, compare with the live MX hosts, autosave. */
  public void edited(String text) {
    Draft draft = current.get();
    if (!text.equals(analysis.get().text())) { // a draft just shown is already analysed
      analysis.set(DraftAnalysis.of(text));
      evaluate();
    }
    if (draft != null && !draft.text().equals(text)) {
      pristineTemplate = false;
      Draft changed = draft.withText(text, clock.instant());
      replaceInList(changed);
      current.set(changed);
      saver.changed(changed);
    }
  }

  /** Opens a text as a new draft (live policy, file) and saves it at once. */
  public void open(String name, String forDomain, String originalText) {
    open(name, forDomain, originalText, true);
  }

  /**
   * @param save false for a template: it is written to disk once the user changes it, so merely
   *     looking at the editor leaves no files behind
   */
  private void open(String name, String forDomain, String originalText, boolean save) {
    DraftText.Loaded loaded = DraftText.forEditor(originalText);
    Draft draft = DraftStore.create(name, forDomain, loaded.text(), clock.instant());
    drafts.add(0, draft);
    // a template is written by us; notes only say what loading someone's file changed
    show(draft, save ? String.join(" ", loaded.notes()) : "");
    if (save) {
      saver.changed(draft);
    }
  }

  /** "Open in editor" from the walkthrough: the live policy of the last check. */
  public void openLive(DomainReport report, String policyText) {
    lastCheck.set(report);
    open("Live policy of " + report.domain(), report.domain(), policyText);
  }

  public void newFromTemplate(Templates template) {
    String d = domain.get().isBlank() ? "" : domain.get();
    open(
        template.title() + (d.isEmpty() ? "" : " for " + d), d, template.text(d, mxHosts()), false);
    pristineTemplate = true;
  }

  /** Shows another draft; the same draft (by id, in any version) is left as it is. */
  public void select(Draft draft) {
    Draft now = current.get();
    if (draft != null && (now == null || !draft.id().equals(now.id()))) {
      show(draft, "");
    }
  }

  public void rename(String name) {
    Draft draft = current.get();
    if (draft != null && name != null && !name.isBlank()) {
      Draft renamed = draft.withName(name);
      replaceInList(renamed);
      current.set(renamed);
      saver.changed(renamed);
    }
  }

  /** Deletes the current draft from disk and opens the next one (or a blank draft). */
  public void deleteCurrent() {
    Draft draft = current.get();
    if (draft == null) {
      return;
    }
    drafts.remove(draft);
    background.execute(
        () -> {
          try {
            store.delete(draft.id());
          } catch (java.io.IOException e) {
            fx.accept(() -> status.set("The draft could not be deleted: " + e.getMessage()));
          }
        });
    current.set(null);
    if (drafts.isEmpty()) {
      newFromTemplate(Templates.BLANK);
    } else {
      show(drafts.get(0), "");
    }
  }

  /** Opens a policy file as a new draft, read in the background; refuses huge and binary files. */
  public void openFile(Path file) {
    status.set("Opening " + file + " …");
    background.execute(
        () -> {
          DraftFiles.Opening opening = DraftFiles.open(file);
          fx.accept(
              () -> {
                if (opening instanceof DraftFiles.Opened opened) {
                  open(opened.name(), domain.get(), opened.text());
                  status.set(
                      opened.tooLargeForSenders()
                          ? "Opened, but the file is larger than 64 KiB: senders would refuse it"
                              + " (fetch.too-large)."
                          : "Opened " + file);
                } else if (opening instanceof DraftFiles.Refused refused) {
                  status.set(refused.message());
                }
              });
        });
  }

  /** Saves the current text as the policy file senders should get, in the background. */
  public void saveAs(Path file) {
    String text = analysis.get().text();
    background.execute(
        () -> {
          String message;
          try {
            int written = DraftFiles.save(file, text);
            message =
                "Saved "
                    + written
                    + " bytes to "
                    + file
                    + " (UTF-8, CRLF line endings, no BOM, final newline).";
          } catch (IOException | RuntimeException e) {
            message = file + " could not be written: " + e.getMessage();
          }
          String m = message;
          fx.accept(() -> status.set(m));
        });
  }

  /** Writes {@code kit} into {@code folder} in the background; see {@link #kitExportStatus}. */
  public void exportKit(PublishingKit kit, Path folder) {
    kitExportStatus.set(""); // the same outcome twice is still told twice
    background.execute(
        () -> {
          String message;
          try {
            message = "Exported to " + DraftFiles.exportKit(kit, folder);
          } catch (IOException | RuntimeException e) {
            message = "Export failed: " + e.getMessage();
          }
          String m = message;
          fx.accept(() -> kitExportStatus.set(m));
        });
  }

  /** "Probe MX hosts": checks the draft's domain with {@code check}, or asks for a domain first. */
  public void probe(Consumer<String> check) {
    String d = domain.get().strip();
    if (d.isEmpty()) {
      status.set("Enter the policy domain above the editor first.");
    } else {
      check.accept(d);
    }
  }

  /**
   * Judges the current draft for every sender profile on the background executor (the view calls
   * this once typing pauses). Only the latest request is computed and shown: a request overtaken by
   * a newer one before it runs is dropped.
   */
  public void judgeSenders() {
    long asked = sendersAsked.incrementAndGet();
    DraftAnalysis a = analysis.get();
    List<String> hosts = mxHosts();
    background.execute(
        () -> {
          if (sendersAsked.get() != asked) {
            return;
          }
          DraftJudge.Judgement j =
              DraftJudge.judge(a.parsed(), DraftText.forParsing(a.text()), hosts);
          fx.accept(
              () -> {
                if (sendersAsked.get() == asked) {
                  senders.show(j.verdicts());
                  senderSentences.setAll(j.sentences());
                }
              });
        });
  }

  /** The Senders matrix of the draft, as of the last {@link #judgeSenders()}. */
  public SendersViewModel senders() {
    return senders;
  }

  /**
   * Where a sender reads the draft otherwise than RFC 8461, in words ("... would reject this draft:
   * ..."); empty when all senders with a known answer agree.
   */
  public ObservableList<String> senderSentences() {
    return senderSentencesView;
  }

  public void setLastCheck(DomainReport report) {
    lastCheck.set(report);
  }

  /** The MX hosts of the last check, when it was of the draft's domain. */
  public List<String> mxHosts() {
    return relevantMx().stream().map(MxReport::host).toList();
  }

  /** Why the typed policy domain is not a domain name; empty when it is one or nothing is typed. */
  public Optional<String> domainProblem() {
    String typed = domain.get();
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    return DomainNameInput.read(typed) instanceof DomainNameInput.NotADomain not
        ? Optional.of("\"" + typed.strip() + "\" is not a domain name: " + not.reason() + ".")
        : Optional.empty();
  }

  /** The publishing kit of the draft, when its domain is a domain name. */
  public Optional<PublishingKit> kit() {
    Optional<String> d = DomainNameInput.normalize(domain.get());
    if (d.isEmpty()) {
      return Optional.empty();
    }
    DomainReport report = relevantReport().orElse(null);
    Optional<CheckFacts> current = currentPolicy();
    Optional<String> liveId =
        report == null
            ? current.flatMap(CheckFacts::txtId)
            : report.discovery().stsRecord().flatMap(r -> r.id());
    Optional<Long> liveMaxAge =
        current.filter(CheckFacts::servedPolicy).flatMap(CheckFacts::maxAge);
    Optional<String> rua =
        report == null
            ? Optional.empty()
            : report
                .tlsrpt()
                .record()
                .filter(r -> r.valid() && !r.rua().isEmpty())
                .map(r -> String.join(",", r.rua()));
    try {
      return Optional.of(
          PublishingKit.build(
              d.get(),
              analysis.get().text(),
              clock,
              new PublishingKit.Live(liveId, liveMaxAge),
              rua));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void show(Draft draft, String loadNotes) {
    pristineTemplate = false;
    current.set(draft);
    domain.set(draft.domain());
    notes.set(loadNotes);
    analysis.set(DraftAnalysis.of(draft.text()));
    evaluate();
    load.set(new EditorLoad(draft.text(), ++loads));
  }

  private void domainChanged(String now) {
    Draft draft = current.get();
    String d = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
    if (draft != null && !draft.domain().equals(d)) {
      pristineTemplate = false;
      Draft changed = draft.withDomain(d);
      replaceInList(changed);
      current.set(changed);
      saver.changed(changed);
    }
    evaluate();
    readHistory();
  }

  private void replaceInList(Draft changed) {
    for (int i = 0; i < drafts.size(); i++) {
      if (drafts.get(i).id().equals(changed.id())) {
        drafts.set(i, changed);
        return;
      }
    }
  }

  private void evaluate() {
    evaluation.set(DraftEvaluation.of(analysis.get().parsed(), relevantMx()));
  }

  private List<MxReport> relevantMx() {
    return relevantReport().map(DomainReport::mx).orElse(List.of());
  }

  private Optional<DomainReport> relevantReport() {
    DomainReport report = lastCheck.get();
    String d = DomainNameInput.normalize(domain.get()).orElse("");
    return report != null && report.domain().equals(d) ? Optional.of(report) : Optional.empty();
  }

  /** The named drafts, newest first; changed only through the commands above. */
  public ObservableList<Draft> drafts() {
    return draftsView;
  }

  public ReadOnlyObjectProperty<Draft> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** Set when the editor must show another text (a draft opened); not on the user's edits. */
  public ReadOnlyObjectProperty<EditorLoad> loadProperty() {
    return load.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DraftAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DraftEvaluation> evaluationProperty() {
    return evaluation.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DomainReport> lastCheckProperty() {
    return lastCheck.getReadOnlyProperty();
  }

  public StringProperty domainProperty() {
    return domain;
  }

  /** What loading a file changed (line endings, a BOM...); empty for templates and edits. */
  public ReadOnlyStringProperty notesProperty() {
    return notes.getReadOnlyProperty();
  }

  /** The one line the editor shows about files, drafts on disk and probing. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /**
   * "If you publish this draft now, ...": until when senders keep the domain's current policy
   * ({@link PublishNotice}); empty while the policy domain is not a domain name.
   */
  public ReadOnlyStringProperty publishNoticeProperty() {
    return publishNotice.getReadOnlyProperty();
  }

  /** How the last export of the publishing kit went; empty before the first. */
  public ReadOnlyStringProperty kitExportStatusProperty() {
    return kitExportStatus.getReadOnlyProperty();
  }

  /**
   * A text for the editor to show.
   *
   * @param serial distinguishes two loads of the same text
   */
  public record EditorLoad(String text, long serial) {}
}
