package org.stslens.ui.certificate;

import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stslens.engine.tls.CertificateExtension;
import org.stslens.engine.tls.CertificateExtensions;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.engine.tls.Fingerprints;

/**
 * A chain and what the viewer shows of each certificate that takes work to compute (the PEM decoded
 * and parsed for its extensions, the SHA-1 fingerprint, the details as text, the days left): made
 * before the window opens, off the FX thread, so that opening it only builds nodes.
 */
record PreparedChain(CertificateChain chain, Map<ChainEntry, Entry> entries, Clock clock) {

  /** What the details pane shows of one certificate, beyond its summary's own fields. */
  record Entry(
      Validity validity, String sha1, List<CertificateExtension> extensions, String detailsText) {

    static Entry of(ChainEntry entry, Clock clock) {
      var cert = entry.summary();
      return new Entry(
          Validity.of(cert.notBefore(), cert.notAfter(), clock.instant()),
          Fingerprints.sha1(cert.pem()),
          CertificateExtensions.ofPem(cert.pem()),
          DetailsText.of(entry, clock));
    }
  }

  /** Does the work for every certificate of the chain, on the calling thread. */
  static PreparedChain of(ChainVerdict verdict, Clock clock) {
    CertificateChain chain = CertificateChain.of(verdict);
    Map<ChainEntry, Entry> entries = new IdentityHashMap<>();
    for (ChainEntry entry : chain.entries()) {
      entries.put(entry, Entry.of(entry, clock));
    }
    return new PreparedChain(chain, entries, clock);
  }

  /** The prepared entry; one not prepared (none should be) is made now. */
  Entry entry(ChainEntry entry) {
    Entry prepared = entries.get(entry);
    return prepared != null ? prepared : Entry.of(entry, clock);
  }
}
