package org.stslens.engine.net;

import java.io.IOException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a TLS handshake failed, as far as the engine needs to tell: a server that speaks only TLS
 * versions below 1.2 is a finding of its own (RFC 8996), anything else is a handshake failure.
 */
public enum HandshakeFailure {
  /** The server offered or chose only TLS versions below 1.2, or sent a protocol_version alert. */
  PROTOCOL_VERSION,
  /** Any other failure. */
  OTHER;

  /**
   * Classifies what the handshake threw. JSSE reports a received alert and a refused server version
   * only as text ("Received fatal alert: protocol_version", "The server selected protocol version
   * TLS10 is not accepted"): this is the one place that reads it, the JDK's words, never ours.
   */
  public static HandshakeFailure of(IOException e) {
    if (!(e instanceof SSLException)) {
      return OTHER;
    }
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return text.contains("protocol_version") || text.contains("protocol version")
        ? PROTOCOL_VERSION
        : OTHER;
  }
}
