package org.stslens.engine.tls;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.stslens.engine.tls.CertificateProblem.Kind;

/**
 * Judges a presented chain the way an RFC 8461 sender does, but reports every reason instead of
 * stopping at the first: the name (RFC 8461 rules via {@link CertificateNames}, never the JDK's
 * hostname checker), the dates of each certificate on the path, whether the certificates may serve
 * a TLS server ({@link ServerPurpose}: PKIX alone ignores key usage and extended key usage), weak
 * signatures ({@link WeakSignatures}) and trust (PKIX, revocation off).
 *
 * <p>The path is ordered by hand from the leaf, so out-of-order chains and a chain that includes
 * its own root both work, and the reason for distrust (self-signed, unknown CA, missing
 * intermediate) can be told apart. Trust is checked at a date inside every certificate's validity
 * window, so an expired certificate is reported as expired, not also as untrusted.
 */
public final class ChainValidator {

  /** A leaf expiring within this is worth a warning. */
  public static final Duration EXPIRING_SOON = Duration.ofDays(14);

  private static final int MAX_LISTED_NAMES = 8;

  private final TrustAnchors anchors;
  private final Clock clock;

  public ChainValidator(TrustAnchors anchors, Clock clock) {
    this.anchors = Objects.requireNonNull(anchors, "anchors");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Validates {@code presentedChain} (leaf first, the rest in any order) for {@code referenceHost}.
   * Never throws on odd certificates; an empty chain is untrusted.
   */
  public ChainVerdict validate(List<X509Certificate> presentedChain, String referenceHost) {
    String host = referenceHost == null ? "" : referenceHost;
    List<X509Certificate> chain =
        presentedChain == null
            ? List.of()
            : presentedChain.stream().filter(Objects::nonNull).toList();
    List<CertificateSummary> summaries = chain.stream().map(CertificateSummary::of).toList();
    if (chain.isEmpty()) {
      return new ChainVerdict(
          List.of(),
          List.of(
              new CertificateProblem(
                  Kind.UNTRUSTED, 0, "The server for " + host + " presented no certificate.")),
          host);
    }
    Instant now = clock.instant();
    List<CertificateProblem> problems = new ArrayList<>();
    checkName(summaries.get(0), host).ifPresent(problems::add);

    try {
      judgePath(chain, summaries, host, now, problems);
    } catch (RuntimeException e) {
      // A certificate odd enough to break the JDK's accessors: report it, never throw.
      problems.add(
          new CertificateProblem(
              Kind.UNTRUSTED,
              0,
              "The chain sent for " + host + " cannot be validated: " + e.getMessage() + "."));
    }
    checkExpiringSoon(summaries.get(0), host, now).ifPresent(problems::add);
    return new ChainVerdict(summaries, problems, host);
  }

  private void judgePath(
      List<X509Certificate> chain,
      List<CertificateSummary> summaries,
      String host,
      Instant now,
      List<CertificateProblem> problems) {
    // Path positions as indices into the presented chain; stop before a presented anchor, whose
    // dates and signature a PKIX sender does not check (some servers send an expired root copy).
    List<Integer> path = new ArrayList<>();
    for (int index : orderPath(chain)) {
      if (anchors.contains(chain.get(index))) {
        break;
      }
      path.add(index);
    }
    for (int index : path) {
      checkDates(summaries.get(index), index, host, now).ifPresent(problems::add);
    }
    // The leaf's purpose counts even when it is itself an anchor: the JDK's and OpenSSL's TLS
    // checks still apply. CAs on the path are judged by their extended key usage only.
    ServerPurpose.ofLeaf(chain.get(0), summaries.get(0), host).ifPresent(problems::add);
    for (int index : path) {
      if (index != 0 && !isSelfIssued(chain.get(index))) {
        ServerPurpose.ofIssuer(chain.get(index), summaries.get(index), index, host)
            .ifPresent(problems::add);
      }
    }
    List<Integer> weak = new ArrayList<>();
    for (int index : path) {
      // A self-issued top of the path is its own signer: nobody relies on that signature.
      if (!isSelfIssued(chain.get(index))) {
        Optional<CertificateProblem> problem =
            WeakSignatures.problem(chain.get(index), summaries.get(index), index, host);
        problem.ifPresent(problems::add);
        problem.ifPresent(p -> weak.add(index));
      }
    }
    checkTrust(chain, summaries, path, weak, host, now).ifPresent(problems::add);
  }

  private static Optional<CertificateProblem> checkName(CertificateSummary leaf, String host) {
    if (CertificateNames.matches(leaf.sanDnsNames(), host)) {
      return Optional.empty();
    }
    String detail;
    if (leaf.sanDnsNames().isEmpty()) {
      detail =
          "The certificate of "
              + host
              + " has no DNS names in subjectAltName (subject: "
              + leaf.subject()
              + "); RFC 8461 senders ignore the subject CN, so it is not valid for "
              + host
              + ".";
    } else {
      List<String> names = leaf.sanDnsNames();
      String listed = String.join(", ", names.subList(0, Math.min(names.size(), MAX_LISTED_NAMES)));
      if (names.size() > MAX_LISTED_NAMES) {
        listed += " and " + (names.size() - MAX_LISTED_NAMES) + " more";
      }
      detail =
          "The certificate of " + host + " is not valid for that name: it covers " + listed + ".";
    }
    return Optional.of(new CertificateProblem(Kind.NAME_MISMATCH, 0, detail));
  }

  private static Optional<CertificateProblem> checkDates(
      CertificateSummary cert, int index, String host, Instant now) {
    if (now.isAfter(cert.notAfter())) {
      long days = Duration.between(cert.notAfter(), now).toDays();
      return Optional.of(
          new CertificateProblem(
              Kind.EXPIRED,
              index,
              who(cert, index, host)
                  + " expired "
                  + ago(days)
                  + " ("
                  + day(cert.notAfter())
                  + ")."));
    }
    if (now.isBefore(cert.notBefore())) {
      long days = Duration.between(now, cert.notBefore()).toDays();
      return Optional.of(
          new CertificateProblem(
              Kind.NOT_YET_VALID,
              index,
              who(cert, index, host)
                  + " is not valid before "
                  + day(cert.notBefore())
                  + " ("
                  + in(days)
                  + ")."));
    }
    return Optional.empty();
  }

  private static Optional<CertificateProblem> checkExpiringSoon(
      CertificateSummary leaf, String host, Instant now) {
    if (!leaf.validAt(now) || now.plus(EXPIRING_SOON).isBefore(leaf.notAfter())) {
      return Optional.empty();
    }
    long days = Duration.between(now, leaf.notAfter()).toDays();
    return Optional.of(
        new CertificateProblem(
            Kind.EXPIRING_SOON,
            0,
            "The certificate of "
                + host
                + " expires "
                + in(days)
                + " ("
                + day(leaf.notAfter())
                + ")."));
  }

  private Optional<CertificateProblem> checkTrust(
      List<X509Certificate> chain,
      List<CertificateSummary> summaries,
      List<Integer> path,
      List<Integer> weak,
      String host,
      Instant now) {
    if (path.isEmpty()) {
      return Optional.empty(); // the leaf itself is a trust anchor (pinned)
    }
    int top = path.get(path.size() - 1);
    X509Certificate topCert = chain.get(top);
    if (anchors.anchors().isEmpty()) {
      return untrusted(
          top, "No trust anchors are configured, so the chain of " + host + " cannot be trusted.");
    }
    Optional<X509Certificate> anchor = issuingAnchor(topCert);
    if (anchor.isEmpty()) {
      return untrusted(top, whyNoAnchor(topCert, summaries.get(top), path.size(), host));
    }
    List<X509Certificate> certs = path.stream().map(chain::get).toList();
    Date date = Date.from(trustDate(path, summaries, now));
    Set<TrustAnchor> trusted = anchors.anchors();
    X509Certificate above = anchor.get();
    int end = certs.size();
    try {
      while (true) {
        try {
          CertPath certPath =
              CertificateFactory.getInstance("X.509").generateCertPath(certs.subList(0, end));
          PKIXParameters params = new PKIXParameters(trusted);
          params.setRevocationEnabled(false);
          params.setDate(date);
          CertPathValidator.getInstance("PKIX").validate(certPath, params);
          return Optional.empty();
        } catch (CertPathValidatorException e) {
          if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
            return Optional.empty(); // dates are reported per certificate already
          }
          int at = e.getIndex() >= 0 && e.getIndex() < end ? e.getIndex() : end - 1;
          if (e.getReason() != BasicReason.ALGORITHM_CONSTRAINED || !weak.contains(path.get(at))) {
            return untrusted(
                path.get(at),
                "The chain sent for "
                    + host
                    + " does not validate: "
                    + String.valueOf(e.getMessage())
                    + ".");
          }
          // The JDK stops at a weak signature (MD5), which is reported on its own already, before
          // it judges that certificate or those below it. Check its signature and CA role here,
          // then validate the rest with it as the anchor, so that a weak signature does not also
          // read "untrusted" while any other fault below it still does. (Path length and name
          // constraints from above the weak certificate are not carried down: a corner case.)
          X509Certificate weakCert = certs.get(at);
          X509Certificate issuer = at + 1 < end ? certs.get(at + 1) : above;
          if (!signedBy(weakCert, issuer)) {
            return untrusted(
                path.get(at),
                who(summaries.get(path.get(at)), path.get(at), host)
                    + " carries a signature that does not verify with its issuer's key.");
          }
          if (at == 0) {
            return Optional.empty();
          }
          if (!isUsableCa(weakCert)) {
            return untrusted(
                path.get(at),
                who(summaries.get(path.get(at)), path.get(at), host)
                    + " issues the certificate below it but is not a CA.");
          }
          trusted = Set.of(new TrustAnchor(weakCert, null));
          above = weakCert;
          end = at;
        }
      }
    } catch (Exception e) {
      return untrusted(
          top, "The chain sent for " + host + " cannot be validated: " + e.getMessage() + ".");
    }
  }

  /** basicConstraints CA, and keyCertSign when key usage is present (RFC 5280 §6.1.4 (k), (n)). */
  private static boolean isUsableCa(X509Certificate cert) {
    boolean[] usage = cert.getKeyUsage();
    return cert.getBasicConstraints() >= 0 && (usage == null || (usage.length > 5 && usage[5]));
  }

  /** A date at which every certificate on the path is valid, so PKIX judges only trust. */
  private static Instant trustDate(
      List<Integer> path, List<CertificateSummary> summaries, Instant now) {
    Instant from = Instant.MIN;
    Instant until = Instant.MAX;
    boolean allValidNow = true;
    for (int index : path) {
      CertificateSummary s = summaries.get(index);
      allValidNow &= s.validAt(now);
      from = s.notBefore().isAfter(from) ? s.notBefore() : from;
      until = s.notAfter().isBefore(until) ? s.notAfter() : until;
    }
    if (allValidNow || from.isAfter(until)) {
      return now; // no common window: date failures are then ignored above
    }
    return from.plus(Duration.between(from, until).dividedBy(2));
  }

  private static String whyNoAnchor(
      X509Certificate top, CertificateSummary summary, int pathLength, String host) {
    String issuer = summary.issuer();
    if (summary.selfIssued() && pathLength == 1) {
      return "The certificate of "
          + host
          + " is self-signed (its own issuer, "
          + issuer
          + "): no sender trusts it.";
    }
    if (summary.selfIssued()) {
      return "The chain sent for "
          + host
          + " ends at the root '"
          + issuer
          + "', which is not a trusted certificate authority (unknown CA).";
    }
    if (pathLength == 1) {
      return "The server for "
          + host
          + " sent only its own certificate, issued by '"
          + issuer
          + "', which is not a trusted root: the intermediate certificate is missing from the"
          + " chain (or '"
          + issuer
          + "' is an unknown CA).";
    }
    return "The chain sent for "
        + host
        + " ends at '"
        + summary.subject()
        + "', issued by '"
        + issuer
        + "', which is neither sent nor a trusted root: an intermediate certificate is missing"
        + " (or the CA is unknown).";
  }

  /** The anchor whose key signed {@code cert}, if any. */
  private Optional<X509Certificate> issuingAnchor(X509Certificate cert) {
    X500Principal issuer = cert.getIssuerX500Principal();
    for (X509Certificate anchor : anchors.certificates()) {
      if (anchor.getSubjectX500Principal().equals(issuer) && signedBy(cert, anchor)) {
        return Optional.of(anchor);
      }
    }
    return Optional.empty();
  }

  /**
   * Orders the presented chain from the leaf upwards: each next certificate is one whose subject is
   * the current one's issuer, preferring one whose key verifies the signature. Stops at a
   * self-issued certificate, at an anchor, or when no issuer was sent.
   */
  private List<Integer> orderPath(List<X509Certificate> chain) {
    List<Integer> order = new ArrayList<>();
    order.add(0);
    X509Certificate current = chain.get(0);
    while (order.size() < chain.size()
        && !anchors.contains(current)
        && !isSelfIssued(current)
        && issuingAnchor(current).isEmpty()) {
      int next = -1;
      for (int i = 1; i < chain.size(); i++) {
        X509Certificate candidate = chain.get(i);
        if (order.contains(i)
            || !candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
          continue;
        }
        if (signedBy(current, candidate)) {
          next = i;
          break;
        }
        next = next < 0 ? i : next;
      }
      if (next < 0) {
        break;
      }
      order.add(next);
      current = chain.get(next);
    }
    return order;
  }

  private static boolean isSelfIssued(X509Certificate cert) {
    return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
  }

  private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static Optional<CertificateProblem> untrusted(int index, String detail) {
    return Optional.of(new CertificateProblem(Kind.UNTRUSTED, index, detail));
  }

  /** "The certificate of host" for the leaf, else "Certificate #i (subject) in the chain...". */
  static String who(CertificateSummary cert, int index, String host) {
    return index == 0
        ? "The certificate of " + host
        : "Certificate #" + index + " (" + cert.subject() + ") in the chain sent for " + host;
  }

  private static String day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  private static String ago(long days) {
    return days == 0 ? "less than a day ago" : days == 1 ? "1 day ago" : days + " days ago";
  }

  private static String in(long days) {
    return days == 0 ? "in less than a day" : days == 1 ? "in 1 day" : "in " + days + " days";
  }
}
