package org.stslens.engine.tls;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** Client TLS contexts for probing. */
public final class TlsClientContexts {

  private TlsClientContexts() {}

  /**
   * A context bound to a fresh {@link CapturingTrustManager}.
   *
   * @param context a new SSLContext: a fresh one per connection also means a fresh session cache,
   *     so no handshake is ever resumed (a resumed session would present no certificate)
   * @param trustManager records the server chain; validate it separately
   */
  public record Capturing(SSLContext context, CapturingTrustManager trustManager) {}

  /**
   * A new context and trust manager for one connection. The protocols are the JDK defaults (TLS 1.3
   * and 1.2 on Java 17); older versions are not enabled on purpose.
   */
  public static Capturing capturing() {
    CapturingTrustManager trustManager = new CapturingTrustManager();
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return new Capturing(context, trustManager);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot create a TLS client context", e);
    }
  }
}
