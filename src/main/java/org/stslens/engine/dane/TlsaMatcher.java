package org.stslens.engine.dane;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.stslens.engine.tls.CertificateNames;

/**
 * Matches TLSA records against the chain an MX presented, as RFC 7672 §3.1 asks of SMTP: DANE-EE(3)
 * binds the leaf and ignores names and dates; DANE-TA(2) names a trust anchor that must be in the
 * presented chain, below which the chain is validated and the leaf's name checked against the MX
 * host. PKIX-TA(0) and PKIX-EE(1) are not used for SMTP (§3.1.3): such records are unusable.
 */
public final class TlsaMatcher {

  private TlsaMatcher() {}

  /**
   * One result per record, in order.
   *
   * @param chain the presented chain, leaf first
   * @param names the reference identifiers: the MX host name (and the TLSA base domain, when it
   *     differs)
   * @param at the time the chain is judged at (for DANE-TA)
   */
  public static List<TlsaMatch> match(
      List<TlsaRecord> records, List<X509Certificate> chain, List<String> names, Instant at) {
    List<TlsaMatch> out = new ArrayList<>();
    for (TlsaRecord r : records) {
      out.add(matchOne(r, chain, names, at));
    }
    return List.copyOf(out);
  }

  /** Why a record cannot be used at all, whatever the chain; empty when it can. */
  public static java.util.Optional<String> unusable(TlsaRecord r) {
    String why = null;
    if (r.usage() == 0 || r.usage() == 1) {
      why =
          "usage "
              + r.usage()
              + (r.usage() == 0 ? " (PKIX-TA)" : " (PKIX-EE)")
              + " is not used for SMTP (RFC 7672 §3.1.3): senders ignore this record";
    } else if (r.usage() != 2 && r.usage() != 3) {
      why = "unknown usage " + r.usage();
    } else if (r.selector() != 0 && r.selector() != 1) {
      why = "unknown selector " + r.selector();
    } else if (r.matchingType() < 0 || r.matchingType() > 2) {
      why = "unknown matching type " + r.matchingType();
    } else if (r.matchingType() == 1 && r.data().length != 32) {
      why = "a SHA-256 association must be 32 bytes, this one has " + r.data().length;
    } else if (r.matchingType() == 2 && r.data().length != 64) {
      why = "a SHA-512 association must be 64 bytes, this one has " + r.data().length;
    }
    return java.util.Optional.ofNullable(why);
  }

  private static TlsaMatch matchOne(
      TlsaRecord r, List<X509Certificate> chain, List<String> names, Instant at) {
    java.util.Optional<String> bad = unusable(r);
    if (bad.isPresent()) {
      return new TlsaMatch(r, TlsaMatch.Result.UNUSABLE, bad.get());
    }
    if (chain.isEmpty()) {
      return new TlsaMatch(r, TlsaMatch.Result.NOT_MATCHED, "no certificate was presented");
    }
    if (r.usage() == 3) {
      return associates(r, chain.get(0))
          ? new TlsaMatch(
              r,
              TlsaMatch.Result.MATCHED,
              "the server certificate matches (names and dates ignored)")
          : new TlsaMatch(
              r,
              TlsaMatch.Result.NOT_MATCHED,
              "the server certificate does not match (" + what(r) + " differs)");
    }
    // DANE-TA: the anchor must be one of the presented certificates (RFC 7672 §3.1.2).
    for (int i = 0; i < chain.size(); i++) {
      if (associates(r, chain.get(i))) {
        return taMatched(r, chain, i, names, at);
      }
    }
    return new TlsaMatch(
        r,
        TlsaMatch.Result.NOT_MATCHED,
        "no certificate of the presented chain matches ("
            + what(r)
            + "); a DANE-TA anchor must"
            + " be sent in the chain");
  }

  private static TlsaMatch taMatched(
      TlsaRecord r, List<X509Certificate> chain, int anchor, List<String> names, Instant at) {
    X509Certificate leaf = chain.get(0);
    List<String> sans = CertificateNames.sanDnsNames(leaf);
    boolean named = names.stream().anyMatch(n -> CertificateNames.matches(sans, n));
    if (!named) {
      return new TlsaMatch(
          r,
          TlsaMatch.Result.NOT_MATCHED,
          "certificate "
              + anchor
              + " of the chain is the anchor, but the server certificate is not"
              + " issued to "
              + String.join(" or ", names)
              + " (DANE-TA checks names)");
    }
    if (anchor > 0) {
      try {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params =
            new PKIXParameters(Set.of(new TrustAnchor(chain.get(anchor), null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX")
            .validate(cf.generateCertPath(chain.subList(0, anchor)), params);
      } catch (GeneralSecurityException e) {
        return new TlsaMatch(
            r,
            TlsaMatch.Result.NOT_MATCHED,
            "certificate "
                + anchor
                + " of the chain is the anchor, but the chain below it does"
                + " not validate: "
                + e.getMessage());
      }
    } else if (!validAt(leaf, at)) {
      return new TlsaMatch(
          r, TlsaMatch.Result.NOT_MATCHED, "the server certificate is the anchor but out of date");
    }
    return new TlsaMatch(
        r,
        TlsaMatch.Result.MATCHED,
        "certificate "
            + anchor
            + " of the chain is the anchor; the chain validates to it and"
            + " names "
            + String.join(" or ", names));
  }

  private static boolean validAt(X509Certificate c, Instant at) {
    try {
      c.checkValidity(Date.from(at));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String what(TlsaRecord r) {
    String part = r.selector() == 0 ? "certificate" : "public key";
    return switch (r.matchingType()) {
      case 1 -> "SHA-256 of the " + part;
      case 2 -> "SHA-512 of the " + part;
      default -> "the full " + part;
    };
  }

  /** True when {@code cert} has the association of {@code r} (selector and matching type). */
  static boolean associates(TlsaRecord r, X509Certificate cert) {
    byte[] selected;
    try {
      selected = r.selector() == 0 ? cert.getEncoded() : cert.getPublicKey().getEncoded();
    } catch (GeneralSecurityException e) {
      return false;
    }
    return Arrays.equals(associationData(selected, r.matchingType()), r.data());
  }

  /** The bytes a record of {@code matchingType} carries for {@code selected}. */
  public static byte[] associationData(byte[] selected, int matchingType) {
    try {
      return switch (matchingType) {
        case 0 -> selected.clone();
        case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
        case 2 -> MessageDigest.getInstance("SHA-512").digest(selected);
        default -> throw new IllegalArgumentException("matching type " + matchingType);
      };
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
