package org.stslens.engine.tls;

import java.util.Objects;

/**
 * One extension of a certificate, as a viewer lists it.
 *
 * @param oid the extension's OBJECT IDENTIFIER, dotted
 * @param name its usual name (subjectAltName...), or empty when this program does not know it
 * @param critical a verifier that does not understand it must reject the certificate
 * @param value the decoded value, or the hex of its DER when it is not decoded
 * @param decoded {@code value} is decoded text, not hex
 */
public record CertificateExtension(
    String oid, String name, boolean critical, String value, boolean decoded) {

  public CertificateExtension {
    Objects.requireNonNull(oid, "oid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** The name, else the OID: what a list shows first. */
  public String title() {
    return name.isEmpty() ? "Unknown extension " + oid : name;
  }
}
