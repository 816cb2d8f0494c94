package org.stslens.engine.dane;

import java.util.HexFormat;
import java.util.Locale;

/**
 * One TLSA record (RFC 6698 §2.1), as published.
 *
 * @param usage 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE
 * @param selector 0 the full certificate, 1 its SubjectPublicKeyInfo
 * @param matchingType 0 exact, 1 SHA-256, 2 SHA-512
 * @param data the certificate association data
 */
public record TlsaRecord(int usage, int selector, int matchingType, byte[] data) {

  public TlsaRecord {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The data in lower-case hex, as {@code dig} shows it. */
  public String hex() {
    return HexFormat.of().formatHex(data).toLowerCase(Locale.ROOT);
  }

  /** Presentation form: {@code 3 1 1 ab12...}. */
  public String text() {
    return usage + " " + selector + " " + matchingType + " " + hex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsaRecord r && r.text().equals(text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
