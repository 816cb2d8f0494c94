package org.stslens.workbench.publish;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.stslens.engine.io.BoundedFile;

/**
 * Reads the certificates of a file the user opens for a TLSA record: one or more PEM blocks, or one
 * DER certificate. Bounded, so that a wrong file (a disk image, a log) fails fast with a clear
 * message instead of filling the memory.
 */
public final class CertificateFile {

  /** A chain of a few certificates in PEM is a few kilobytes; 256 KiB leaves room for any. */
  public static final int MAX_BYTES = 256 * 1024;

  /** The file cannot give a certificate; the message says why, in words for the user. */
  public static final class UnusableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnusableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private CertificateFile() {}

  /**
   * The certificates of {@code file}, in the order they appear.
   *
   * @throws UnusableException when the file is missing, too large, or holds no certificate
   */
  public static List<X509Certificate> read(Path file) throws UnusableException {
    byte[] bytes;
    try {
      bytes = BoundedFile.read(file, MAX_BYTES);
    } catch (BoundedFile.RefusedException e) {
      throw new UnusableException(e.getMessage(), e);
    }
    return parse(bytes, String.valueOf(file));
  }

  /**
   * The certificates in {@code bytes} (PEM or DER).
   *
   * @param name the file's name, for the message
   */
  public static List<X509Certificate> parse(byte[] bytes, String name) throws UnusableException {
    if (bytes.length == 0) {
      throw new UnusableException(name + " is empty: open a certificate in PEM or DER form", null);
    }
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
    } catch (CertificateException | RuntimeException e) {
      throw new UnusableException(
          name
              + " is not a certificate: neither PEM (-----BEGIN CERTIFICATE-----) nor DER could"
              + " be read from it",
          e);
    }
    if (out.isEmpty()) {
      throw new UnusableException(
          name + " holds no certificate (a private key or a request is not one)", null);
    }
    return List.copyOf(out);
  }
}
