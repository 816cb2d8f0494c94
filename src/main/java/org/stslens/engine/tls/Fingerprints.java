package org.stslens.engine.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints of a certificate's DER, upper-case hex separated by colons, as viewers show them.
 */
public final class Fingerprints {

  private Fingerprints() {}

  /** SHA-1 of the certificate in {@code pem}; empty when there is none. */
  public static String sha1(String pem) {
    return of(CertificateExtensions.der(pem), "SHA-1");
  }

  /** SHA-256 of the certificate in {@code pem}; empty when there is none. */
  public static String sha256(String pem) {
    return of(CertificateExtensions.der(pem), "SHA-256");
  }

  private static String of(byte[] der, String algorithm) {
    if (der.length == 0) {
      return "";
    }
    try {
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance(algorithm).digest(der));
    } catch (NoSuchAlgorithmException e) {
      return ""; // every Java platform has both; keep the promise not to throw anyway
    }
  }
}
