package org.stslens.lab;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server key and its chain (leaf first, then issuers), ready to serve TLS.
 *
 * @param privateKey the leaf's private key
 * @param chain leaf first; the root CA may be included, as some servers do
 */
public record IssuedCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

  public IssuedCertificate {
    chain = List.copyOf(chain);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** The same key and leaf, served without its intermediates (a "missing intermediate" setup). */
  public IssuedCertificate leafOnly() {
    return new IssuedCertificate(privateKey, List.of(leaf()));
  }

  /** The chain as PEM, leaf first, as nginx's {@code ssl_certificate} and Postfix expect. */
  public String chainPem() {
    StringBuilder pem = new StringBuilder();
    chain.forEach(c -> pem.append(LabWorld.pem(c)));
    return pem.toString();
  }

  /** The private key as unencrypted PKCS#8 PEM. */
  public String privateKeyPem() {
    String base64 =
        java.util.Base64.getMimeEncoder(
                64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(privateKey.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  /** A server-side SSL context that presents this chain and trusts nothing of its own. */
  public SSLContext serverContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load((ByteArrayInputStream) null, null);
      char[] password = "lab".toCharArray();
      store.setKeyEntry("server", privateKey, password, chain.toArray(new Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build server TLS context", e);
    }
  }
}
