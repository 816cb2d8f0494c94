package org.stslens.engine.export;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.smtp.EndpointProbe;

/**
 * The commands a reader can type to repeat a step. A check that went through a port map (the lab's
 * loopback servers) gets commands for the lab: its addresses, its ports and its CA file. Otherwise
 * the real commands, so that a lab port never sits in a command meant for the real hosts.
 */
final class Commands {

  /** The name the lab's CA file is given in commands; {@code stslens lab serve} prints its path. */
  static final String LAB_CA = "LAB-CA.pem";

  private static final int HTTPS = 443;
  private static final int SMTP = 25;

  private Commands() {}

  /** Whether any connection of the check went elsewhere than the standard port: the lab's. */
  static boolean lab(DomainReport r) {
    boolean fetch =
        r.fetch().flatMap(FetchResult::connectedTo).map(a -> a.getPort() != HTTPS).orElse(false);
    boolean mx =
        r.mx().stream()
            .flatMap(m -> m.endpoints().stream())
            .anyMatch(e -> e.connectedTo() != null && e.connectedTo().getPort() != SMTP);
    return fetch || mx;
  }

  /** curl for the policy fetch; for the lab it connects to the lab's address and port. */
  static String curl(FetchResult f) {
    Optional<InetSocketAddress> to = f.connectedTo().filter(a -> a.getPort() != HTTPS);
    if (to.isEmpty()) {
      return f.curlCommand();
    }
    return "curl -v --max-redirs 0 --cacert "
        + LAB_CA
        + " --connect-to "
        + f.host()
        + ":"
        + HTTPS
        + ":"
        + address(to.get())
        + " "
        + f.url();
  }

  /** openssl for STARTTLS at one MX address; for the lab its address and port. */
  static String openssl(EndpointProbe e) {
    InetSocketAddress to = e.connectedTo();
    if (to == null || to.getPort() == SMTP) {
      return "openssl s_client -starttls smtp -connect "
          + e.mxHost()
          + ":"
          + SMTP
          + " -servername "
          + e.mxHost();
    }
    return "openssl s_client -starttls smtp -connect "
        + address(to)
        + " -servername "
        + e.mxHost()
        + " -CAfile "
        + LAB_CA;
  }

  /** {@code 127.0.0.2:8443} or {@code [::1]:8443}. */
  private static String address(InetSocketAddress a) {
    String ip = a.getAddress().getHostAddress();
    return (a.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + a.getPort();
  }
}
