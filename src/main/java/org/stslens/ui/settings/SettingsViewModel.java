package org.stslens.ui.settings;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stslens.engine.dane.TrustAnchorFile;
import org.stslens.engine.dns.DnsSettings;

/**
 * The Settings dialog's state: the values being edited and why they cannot be kept yet. Validates
 * as the values change, so the dialog only binds; plain Java, tested without a window.
 */
public final class SettingsViewModel {

  private final Settings current;
  private final StringProperty dnsServer = new SimpleStringProperty("");
  private final ObservableList<String> trustFiles = FXCollections.observableArrayList();
  private final ObservableList<String> trustFilesView =
      FXCollections.unmodifiableObservableList(trustFiles);
  private final ObjectProperty<Integer> dnsTimeout = new SimpleObjectProperty<>();
  private final ObjectProperty<Integer> fetchTimeout = new SimpleObjectProperty<>();
  private final ObjectProperty<Integer> smtpTimeout = new SimpleObjectProperty<>();
  private final ObjectProperty<Integer> checkTimeout = new SimpleObjectProperty<>();
  private final BooleanProperty darkTheme = new SimpleBooleanProperty();
  private final BooleanProperty stepByStep = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper trustAnchorFile = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper trustAnchorProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);

  /**
   * @param current the settings the dialog starts from; its history is kept as it is
   */
  public SettingsViewModel(Settings current) {
    this.current = current;
    dnsServer.set(current.dnsServer());
    trustFiles.setAll(current.trustFiles());
    dnsTimeout.set(current.dnsTimeoutSeconds());
    fetchTimeout.set(current.fetchTimeoutSeconds());
    smtpTimeout.set(current.smtpTimeoutSeconds());
    checkTimeout.set(current.checkTimeoutSeconds());
    darkTheme.set(current.darkTheme());
    stepByStep.set(current.stepByStep());
    trustAnchorFile.set(current.trustAnchorFile());
    if (!current.builtInTrustAnchor()) {
      // a file that went missing or changed since it was chosen is said here, not at OK
      anchorProblem(Path.of(current.trustAnchorFile())).ifPresent(trustAnchorProblem::set);
    }
    dnsServer.addListener((o, was, now) -> validate());
    validate();
  }

  /** Why the typed DNS server cannot be used, or empty (blank means the system's resolvers). */
  static Optional<String> dnsProblem(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      DnsSettings.parseServer(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "DNS server: " + e.getMessage() + " (give an IP address, optionally :PORT)");
    }
  }

  /** Why {@code file} cannot serve as DNSSEC trust anchor, or empty when it can. */
  static Optional<String> anchorProblem(Path file) {
    try {
      TrustAnchorFile.read(file);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("DNSSEC trust anchor: " + e.getMessage());
    }
  }

  /**
   * Validates {@code file} as the user chose it: kept only when it holds DS or DNSKEY records;
   * otherwise the previous choice stays and {@link #trustAnchorProblemProperty} says why.
   *
   * @return whether the file was taken
   */
  public boolean chooseTrustAnchor(Path file) {
    Optional<String> bad = anchorProblem(file);
    trustAnchorProblem.set(bad.orElse(""));
    if (bad.isPresent()) {
      return false;
    }
    trustAnchorFile.set(file.toAbsolutePath().toString());
    return true;
  }

  /** Back to the IANA root anchors shipped with STS Lens. */
  public void useBuiltInTrustAnchor() {
    trustAnchorFile.set("");
    trustAnchorProblem.set("");
  }

  /** Adds a trusted CA file once, by its absolute path. */
  public void addTrustFile(Path file) {
    String path = file.toAbsolutePath().toString();
    if (!trustFiles.contains(path)) {
      trustFiles.add(path);
    }
  }

  public void removeTrustFile(String path) {
    trustFiles.remove(path);
  }

  /** The settings as edited, or empty while a value is wrong. */
  public Optional<Settings> result() {
    if (!valid.get()) {
      return Optional.empty();
    }
    return Optional.of(
        new Settings(
            dnsServer.get(),
            trustFiles,
            dnsTimeout.get(),
            fetchTimeout.get(),
            smtpTimeout.get(),
            darkTheme.get(),
            stepByStep.get(),
            current.history(),
            checkTimeout.get(),
            trustAnchorFile.get(),
            current.autoCheck(),
            current.autoCheckHours()));
  }

  private void validate() {
    problem.set(dnsProblem(dnsServer.get()).orElse(""));
    valid.set(problem.get().isEmpty());
  }

  public StringProperty dnsServerProperty() {
    return dnsServer;
  }

  /** The extra trusted CA files; changed through {@link #addTrustFile} and removeTrustFile. */
  public ObservableList<String> trustFiles() {
    return trustFilesView;
  }

  public ObjectProperty<Integer> dnsTimeoutProperty() {
    return dnsTimeout;
  }

  public ObjectProperty<Integer> fetchTimeoutProperty() {
    return fetchTimeout;
  }

  public ObjectProperty<Integer> smtpTimeoutProperty() {
    return smtpTimeout;
  }

  public ObjectProperty<Integer> checkTimeoutProperty() {
    return checkTimeout;
  }

  public BooleanProperty darkThemeProperty() {
    return darkTheme;
  }

  public BooleanProperty stepByStepProperty() {
    return stepByStep;
  }

  /** The chosen trust-anchor file, or empty for the built-in IANA root anchors. */
  public ReadOnlyStringProperty trustAnchorFileProperty() {
    return trustAnchorFile.getReadOnlyProperty();
  }

  /** Why the last chosen (or the saved) trust-anchor file cannot be used; empty when it can. */
  public ReadOnlyStringProperty trustAnchorProblemProperty() {
    return trustAnchorProblem.getReadOnlyProperty();
  }

  /** Why OK cannot be pressed yet; empty when every value is usable. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }
}
