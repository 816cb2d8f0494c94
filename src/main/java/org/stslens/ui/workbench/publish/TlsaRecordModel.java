package org.stslens.ui.workbench.publish;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stslens.workbench.publish.CertificateFile;
import org.stslens.workbench.publish.DaneTlsaRecords;
import org.stslens.workbench.publish.MxCertificates;

/**
 * The state of the kit's "DANE TLSA record" section: which MX host, which certificate (a file, or
 * the chain an MX presented in the last check), an optional chain file, and the records made from
 * them or why none can be made. Lives as long as the workbench, so the kit keeps the records while
 * the draft changes. No scene-graph types; changed on the FX thread.
 */
public final class TlsaRecordModel {

  private final Supplier<List<MxCertificates.Presented>> presented;
  private final StringProperty mxHost = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<DaneTlsaRecords> records = new ReadOnlyObjectWrapper<>();
  private List<X509Certificate> certificate = List.of();
  private List<X509Certificate> chain = List.of();

  /**
   * @param presented the chains the MX hosts presented in the last check (empty without one)
   */
  public TlsaRecordModel(Supplier<List<MxCertificates.Presented>> presented) {
    this.presented = presented;
    mxHost.addListener((o, was, now) -> remake());
  }

  /** The chains of the last check, to pick from. */
  public List<MxCertificates.Presented> presented() {
    return presented.get();
  }

  /** The server certificate (and any chain after it) from a PEM or DER file. */
  public void openCertificate(Path file) {
    try {
      certificate = CertificateFile.read(file);
      source.set("Certificate from " + file.getFileName());
      remake();
    } catch (CertificateFile.UnusableException e) {
      problem.set(e.getMessage());
    }
  }

  /** The issuing CA (and more of the chain) from a second file, for the 2 1 1 record. */
  public void openChain(Path file) {
    try {
      chain = CertificateFile.read(file);
      remake();
    } catch (CertificateFile.UnusableException e) {
      problem.set(e.getMessage());
    }
  }

  /** The chain {@code mx} presented in the last check: its certificate, its CA and its name. */
  public void usePresented(MxCertificates.Presented mx) {
    certificate = mx.chain();
    chain = List.of();
    source.set("Certificate that " + mx.host() + " presented in the last check");
    if (mxHost.get().equals(mx.host())) {
      remake();
    } else {
      mxHost.set(mx.host()); // remakes
    }
  }

  private void remake() {
    if (certificate.isEmpty()) {
      records.set(null);
      problem.set("");
      return;
    }
    if (mxHost.get().isBlank()) {
      records.set(null);
      problem.set("Type the MX host the certificate is for: the record's name is _25._tcp.<MX>.");
      return;
    }
    List<X509Certificate> all = new ArrayList<>(certificate);
    all.addAll(chain);
    try {
      records.set(DaneTlsaRecords.of(mxHost.get(), all));
      problem.set(
          chain.isEmpty() || records.get().issuingCa().isPresent()
              ? ""
              : "The chain file holds no CA that issued this certificate: no 2 1 1 record.");
    } catch (IllegalArgumentException e) {
      records.set(null);
      problem.set(e.getMessage());
    }
  }

  public StringProperty mxHostProperty() {
    return mxHost;
  }

  /** Where the certificate came from, for the user; empty before one is chosen. */
  public ReadOnlyStringProperty sourceProperty() {
    return source.getReadOnlyProperty();
  }

  /** Why no records (or no 2 1 1) could be made; empty when all is well. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DaneTlsaRecords> recordsProperty() {
    return records.getReadOnlyProperty();
  }

  public Optional<DaneTlsaRecords> records() {
    return Optional.ofNullable(records.get());
  }
}
