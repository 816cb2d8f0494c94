package org.stslens.engine.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server chain and records it, so that a diagnosis can show the chain even when a
 * sender would reject it. This is NOT a way to skip validation: whoever uses it must validate the
 * captured chain with {@link ChainValidator} (PKIX + RFC 8461 names) and report the result. It
 * extends {@link X509ExtendedTrustManager} so that JSSE does not wrap it with its own
 * endpoint-identification checks. One instance per connection.
 */
public final class CapturingTrustManager extends X509ExtendedTrustManager {

  // Written by the handshake thread, read by the prober afterwards.
  private volatile List<X509Certificate> serverChain;

  /** The chain the server presented, leaf first; empty before the certificate message. */
  public Optional<List<X509Certificate>> serverChain() {
    return Optional.ofNullable(serverChain);
  }

  private void record(X509Certificate[] chain) {
    serverChain = chain == null ? List.of() : List.of(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    record(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    record(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    record(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("STS Lens is only ever a TLS client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("STS Lens is only ever a TLS client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("STS Lens is only ever a TLS client");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
