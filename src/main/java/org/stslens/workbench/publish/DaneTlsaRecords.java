package org.stslens.workbench.publish;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.dane.TlsaDiscovery;
import org.stslens.engine.dane.TlsaMatcher;
import org.stslens.engine.dane.TlsaRecord;

/**
 * The DANE TLSA records that bind an MX host to its certificate (RFC 7672 §3.1): {@code 3 1 1}, the
 * SHA-256 of the server key (DANE-EE: names and dates are ignored, so a renewal with the same key
 * keeps matching), and, when the issuing CA is known, {@code 2 1 1} of the CA's key (DANE-TA).
 * Selector 1 with SHA-256 is what RFC 7671 §5.1 recommends.
 *
 * @param mxHost the MX host, A-labels, no final dot
 * @param serverKey {@code 3 1 1} of the certificate's SubjectPublicKeyInfo
 * @param serverSubject the certificate's subject, to say which one it is
 * @param issuingCa {@code 2 1 1} of the issuing CA's SubjectPublicKeyInfo, when a chain gave it
 * @param caSubject the issuing CA's subject, when a chain gave it
 */
public record DaneTlsaRecords(
    String mxHost,
    TlsaRecord serverKey,
    String serverSubject,
    Optional<TlsaRecord> issuingCa,
    Optional<String> caSubject) {

  /** The file the records are exported to with the kit. */
  public static final String FILE_NAME = "tlsa-records.txt";

  /** Why the records protect nothing on their own (RFC 7672 §2.2: only secure TLSA counts). */
  public static final String DNSSEC_WARNING =
      "These records protect nothing unless the zone of the MX host is signed with DNSSEC and"
          + " validates from the root: a DANE sender ignores TLSA records it cannot validate"
          + " (RFC 7672 §2.2).";

  /** Why a key change needs the next record first (RFC 7671 §8.1 and §8.4). */
  public static final String ROLLOVER_WARNING =
      "Before the server's key changes, publish 3 1 1 of the next key beside the current one"
          + " (\"3 1 1 + 3 1 1 of the next key\"), wait at least the records' TTL, then switch the"
          + " key, then remove the old record (RFC 7671 §8.1, §8.4). Switching first makes every"
          + " DANE sender defer mail until the new record is seen.";

  public DaneTlsaRecords {
    Objects.requireNonNull(mxHost, "mxHost");
    Objects.requireNonNull(serverKey, "serverKey");
    Objects.requireNonNull(serverSubject, "serverSubject");
    Objects.requireNonNull(issuingCa, "issuingCa");
    Objects.requireNonNull(caSubject, "caSubject");
  }

  /**
   * The records for {@code mxHost} from a certificate and, optionally, its chain.
   *
   * @param mxHost the MX host name as typed
   * @param certificates the server certificate first, then any chain certificates (the issuing CA
   *     is found among them by name)
   * @throws IllegalArgumentException when the name is not a host name, there is no certificate, or
   *     the first one is a CA certificate rather than the server's
   */
  public static DaneTlsaRecords of(String mxHost, List<X509Certificate> certificates) {
    String host = hostName(mxHost);
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no certificate");
    }
    X509Certificate leaf = certificates.get(0);
    if (leaf.getBasicConstraints() >= 0) {
      throw new IllegalArgumentException(
          "the first certificate ("
              + leaf.getSubjectX500Principal().getName()
              + ") is a CA certificate, not the MX host's own: open the server certificate first"
              + " (its chain may follow it, or come from a second file)");
    }
    TlsaRecord ee = spkiSha256(3, leaf);
    Optional<X509Certificate> ca =
        certificates.stream()
            .skip(1)
            .filter(c -> c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()))
            .filter(c -> signed(leaf, c))
            .findFirst();
    return new DaneTlsaRecords(
        host,
        ee,
        leaf.getSubjectX500Principal().getName(),
        ca.map(c -> spkiSha256(2, c)),
        ca.map(c -> c.getSubjectX500Principal().getName()));
  }

  /** {@code _25._tcp.<mx>.}. */
  public String owner() {
    return TlsaDiscovery.tlsaName(mxHost);
  }

  /** The records as zone-file lines, {@code 3 1 1} first. */
  public List<String> zoneLines() {
    return issuingCa
        .map(ca -> List.of(zoneLine(serverKey), zoneLine(ca)))
        .orElseGet(() -> List.of(zoneLine(serverKey)));
  }

  /** The exported file: the lines with what each binds and the two warnings as comments. */
  public String fileText() {
    StringBuilder out = new StringBuilder();
    out.append("; DANE TLSA records for ").append(mxHost).append(" (RFC 7672)\n");
    out.append("; ").append(zoneLine(serverKey)).append('\n');
    out.append(";   binds the key of ").append(serverSubject).append('\n');
    issuingCa.ifPresent(
        ca ->
            out.append(";   and 2 1 1 the key of the issuing CA ")
                .append(caSubject.orElse(""))
                .append('\n'));
    out.append(";\n");
    for (String w : List.of(DNSSEC_WARNING, ROLLOVER_WARNING)) {
      out.append("; ").append(w).append("\n;\n");
    }
    zoneLines().forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  /** {@code _25._tcp.<mx>. IN TLSA 3 1 1 <hex>}. */
  public String zoneLine(TlsaRecord r) {
    return owner() + " IN TLSA " + r.text();
  }

  private static TlsaRecord spkiSha256(int usage, X509Certificate c) {
    return new TlsaRecord(
        usage, 1, 1, TlsaMatcher.associationData(c.getPublicKey().getEncoded(), 1));
  }

  private static boolean signed(X509Certificate leaf, X509Certificate by) {
    try {
      leaf.verify(by.getPublicKey());
      return true;
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static String hostName(String typed) {
    DomainNameInput.Reading reading = DomainNameInput.read(typed == null ? "" : typed);
    if (reading instanceof DomainNameInput.NotADomain not) {
      throw new IllegalArgumentException(
          "'" + (typed == null ? "" : typed.strip()) + "' is not a host name: " + not.reason());
    }
    return ((DomainNameInput.Domain) reading).ascii();
  }
}
