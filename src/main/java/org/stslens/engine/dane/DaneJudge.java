package org.stslens.engine.dane;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.CertificateSummary;

/**
 * Judges one MX host as a DANE sender would (RFC 7672 §2.2): from its validated TLSA records and
 * the chains its addresses presented in the STARTTLS probe (no second connection).
 */
public final class DaneJudge {

  private DaneJudge() {}

  public static DaneResult judge(
      String mxHost, TlsaDiscovery tlsa, List<EndpointProbe> endpoints, Instant at) {
    List<Finding> findings = new ArrayList<>();
    String name = tlsa.name();
    switch (tlsa.dnssec()) {
      case BOGUS -> {
        findings.add(
            Finding.of(
                Code.DANE_DNSSEC_BOGUS,
                mxHost,
                "The TLSA answer for "
                    + name
                    + " failed DNSSEC validation ("
                    + tlsa.reason()
                    + "). A DANE sender cannot tell whether TLSA records exist and defers mail to "
                    + mxHost
                    + ".",
                "Fix the signatures of the zone of "
                    + name
                    + " (re-sign it, check the DS at the parent and the RRSIG dates)."));
        return new DaneResult(tlsa, List.of(), DaneVerdict.FAIL, findings);
      }
      case INDETERMINATE -> {
        if (!tlsa.resolverStripsDnssec() || !tlsa.records().isEmpty()) {
          findings.add(
              Finding.of(
                  Code.DANE_DNSSEC_INDETERMINATE,
                  mxHost,
                  "The TLSA look-up of "
                      + name
                      + " reached no DNSSEC conclusion: "
                      + tlsa.reason()
                      + ". What a DANE sender does is not known from here.",
                  ""));
        }
        return new DaneResult(tlsa, List.of(), DaneVerdict.NONE, findings);
      }
      default -> {}
    }
    if (tlsa.records().isEmpty()) {
      return new DaneResult(tlsa, List.of(), DaneVerdict.NONE, findings); // no TLSA: fine
    }
    if (tlsa.dnssec() == DnssecStatus.INSECURE) {
      findings.add(
          Finding.of(
              Code.DANE_TLSA_UNSIGNED,
              mxHost,
              name
                  + " has TLSA records, but its zone is not DNSSEC-signed (insecure): DANE senders"
                  + " ignore them, and a sender that requires DANE reports dane-required.",
              "Sign the zone of "
                  + name
                  + " and publish its DS at the parent, or remove the"
                  + " TLSA records."));
      return new DaneResult(tlsa, List.of(), DaneVerdict.NONE, findings);
    }
    boolean usable = tlsa.records().stream().anyMatch(r -> TlsaMatcher.unusable(r).isEmpty());
    if (!usable) {
      findings.add(
          Finding.of(
              Code.DANE_TLSA_UNUSABLE,
              mxHost,
              "Every TLSA record of "
                  + name
                  + " is unusable for SMTP ("
                  + TlsaMatcher.unusable(tlsa.records().get(0)).orElse("")
                  + "). DANE senders still insist on STARTTLS but authenticate nothing.",
              "Publish a DANE-EE record, e.g. 3 1 1 with the SHA-256 of the server's public key."));
    }
    // DANE-TA names (RFC 7672 §3.2.2): the MX host and, when it differs, the TLSA base domain
    List<String> names =
        strip(tlsa.baseDomain()).equalsIgnoreCase(strip(mxHost))
            ? List.of(strip(mxHost))
            : List.of(strip(tlsa.baseDomain()), strip(mxHost));
    List<DaneResult.EndpointMatch> matches = new ArrayList<>();
    boolean fail = false;
    for (EndpointProbe e : endpoints) {
      if (e.connectFailure().isPresent() || e.greeting().isEmpty()) {
        continue; // unreachable from here: nothing presented, nothing to judge
      }
      String at1 = e.address().getHostAddress();
      if (!e.starttlsOffered()) {
        fail = true;
        findings.add(
            Finding.of(
                Code.DANE_NO_STARTTLS,
                e.target(),
                e.target()
                    + " has secure TLSA records at "
                    + name
                    + " but offers no STARTTLS: DANE senders defer mail to it.",
                "Enable STARTTLS on " + mxHost + "."));
        matches.add(new DaneResult.EndpointMatch(at1, false, List.of()));
        continue;
      }
      if (!usable) {
        continue;
      }
      List<TlsaMatch> m = TlsaMatcher.match(tlsa.records(), chain(e), names, at);
      DaneResult.EndpointMatch em = new DaneResult.EndpointMatch(at1, true, m);
      matches.add(em);
      if (!em.matched()) {
        fail = true;
        findings.add(
            Finding.of(
                Code.DANE_TLSA_MISMATCH,
                e.target(),
                "No TLSA record of "
                    + name
                    + " matches the chain "
                    + e.target()
                    + " presented: DANE senders refuse to deliver to it.",
                "Publish a TLSA record for the certificate now in use (before each rollover,"
                    + " publish the next key's record beside the current one)."));
      }
    }
    DaneVerdict verdict =
        fail
            ? DaneVerdict.FAIL
            : usable && !matches.isEmpty() ? DaneVerdict.PASS : DaneVerdict.NONE;
    return new DaneResult(tlsa, matches, verdict, findings);
  }

  private static String strip(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** The presented chain, rebuilt from the PEM the probe kept. */
  static List<X509Certificate> chain(EndpointProbe e) {
    List<X509Certificate> out = new ArrayList<>();
    Optional<List<CertificateSummary>> summaries = e.certificate().map(c -> c.chain());
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (CertificateSummary s : summaries.orElse(List.of())) {
        out.add(
            (X509Certificate)
                cf.generateCertificate(
                    new ByteArrayInputStream(s.pem().getBytes(StandardCharsets.US_ASCII))));
      }
    } catch (CertificateException ex) {
      // a certificate the probe kept but that does not parse again: judged as not presented
    }
    return out;
  }
}
