package org.stslens.engine.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.stslens.engine.io.BoundedFile;

/**
 * An immutable set of trust anchors: the JDK's default roots, possibly with extra ones (a lab CA, a
 * corporate root the user added). Adding returns a new instance.
 */
public final class TrustAnchors {

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
  private static final int MAX_PEM_FILE = 16 * 1024 * 1024;

  private final List<X509Certificate> certificates;
  private final Set<TrustAnchor> anchors;

  private TrustAnchors(Collection<X509Certificate> certificates) {
    this.certificates = List.copyOf(new LinkedHashSet<>(certificates));
    Set<TrustAnchor> set = new LinkedHashSet<>();
    for (X509Certificate cert : this.certificates) {
      set.add(new TrustAnchor(cert, null));
    }
    this.anchors = Set.copyOf(set);
  }

  /** Exactly the given certificates (tests and the lab use this to trust only their own CA). */
  public static TrustAnchors of(Collection<X509Certificate> certificates) {
    return new TrustAnchors(certificates);
  }

  /** The JDK's default trust store (cacerts, or what javax.net.ssl.trustStore points at). */
  public static TrustAnchors jdkDefault() {
    return JdkDefault.INSTANCE;
  }

  /** These anchors plus {@code extra}. */
  public TrustAnchors withExtra(List<X509Certificate> extra) {
    List<X509Certificate> all = new ArrayList<>(certificates);
    all.addAll(extra);
    return new TrustAnchors(all);
  }

  public Set<TrustAnchor> anchors() {
    return anchors;
  }

  /** The anchor certificates, in the order they were added. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** True when {@code cert} is itself one of the anchors. */
  public boolean contains(X509Certificate cert) {
    return certificates.contains(cert);
  }

  /**
   * Reads every certificate of a PEM file (several {@code BEGIN CERTIFICATE} blocks are fine).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it holds no certificate or a block does not parse, with
   *     the block number in the message
   */
  public static List<X509Certificate> readPem(Path file) throws IOException {
    // Regular files only, 16 MiB counted while reading: /dev/zero reports size 0 and never ends.
    // ISO-8859-1 decodes any byte, so a binary file gives a clear message instead of a decode
    // error.
    String text = new String(BoundedFile.read(file, MAX_PEM_FILE), StandardCharsets.ISO_8859_1);
    Matcher blocks = PEM_BLOCK.matcher(text);
    List<X509Certificate> result = new ArrayList<>();
    CertificateFactory factory = x509Factory();
    int number = 0;
    while (blocks.find()) {
      number++;
      byte[] der;
      try {
        // Strict decoder: the MIME one silently skips stray characters.
        der = Base64.getDecoder().decode(blocks.group(1).replaceAll("\\s+", ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "certificate #" + number + " in " + file + " is not valid base64: " + e.getMessage(),
            e);
      }
      try {
        result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | ClassCastException e) {
        throw new IllegalArgumentException(
            "certificate #"
                + number
                + " in "
                + file
                + " is not an X.509 certificate: "
                + e.getMessage(),
            e);
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + " contains no PEM certificate (expected one or more"
              + " '-----BEGIN CERTIFICATE-----' blocks)");
    }
    return List.copyOf(result);
  }

  private static CertificateFactory x509Factory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }

  private static TrustAnchors loadJdkDefault() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      List<X509Certificate> roots = new ArrayList<>();
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          roots.addAll(List.of(x509.getAcceptedIssuers()));
        }
      }
      return new TrustAnchors(roots);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the JDK's default trust store", e);
    }
  }

  // Loaded once, on first use: reading cacerts takes a noticeable moment. The value is immutable.
  private static final class JdkDefault {
    static final TrustAnchors INSTANCE = loadJdkDefault();
  }

  @Override
  public String toString() {
    return "TrustAnchors[" + certificates.size() + " certificates]";
  }
}
