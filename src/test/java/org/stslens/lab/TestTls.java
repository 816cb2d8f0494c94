package org.stslens.lab;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Client-side TLS for the lab tests: trusts exactly one lab CA and checks host names. */
final class TestTls {

  private TestTls() {}

  static SSLContext trusting(CertificateAuthority ca) {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      anchors.setCertificateEntry("lab-ca", ca.certificate());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Layers TLS over a connected socket, sending {@code host} as SNI and verifying it. */
  static SSLSocket handshake(SSLContext context, Socket connected, String host) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            context.getSocketFactory().createSocket(connected, host, connected.getPort(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }
}
