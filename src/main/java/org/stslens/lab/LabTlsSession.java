package org.stslens.lab;

import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

/**
 * What a lab server saw of one completed TLS handshake, so tests can assert the client's SNI.
 *
 * @param serverName the host name the client sent in SNI, empty when it sent none
 * @param protocol the negotiated protocol, e.g. {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 */
public record LabTlsSession(Optional<String> serverName, String protocol, String cipherSuite) {

  static LabTlsSession of(SSLSession session) {
    Optional<String> sni = Optional.empty();
    if (session instanceof ExtendedSSLSession extended) {
      for (SNIServerName name : extended.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          sni = Optional.of(host.getAsciiName());
        }
      }
    }
    return new LabTlsSession(sni, session.getProtocol(), session.getCipherSuite());
  }
}
