package org.stslens.engine.export;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.TryCommands;
import org.stslens.engine.smtp.EndpointProbe;

/**
 * The {@link TryCommands} of a report that carries no lab origin: a check run against {@code
 * stslens lab serve} is recognised by its connections to other ports than 443 and 25, and gets the
 * lab's addresses, ports and a named CA file; any other check the real commands, so that a lab port
 * never sits in a command meant for the real hosts. The commands themselves are made in one place,
 * {@code TryCommands}.
 */
final class Commands {

  /** The name the lab's CA file is given in commands; {@code stslens lab serve} prints its path. */
  static final String LAB_CA = "LAB-CA.pem";

  private static final int HTTPS = 443;
  private static final int SMTP = 25;

  /**
   * Only {@code TryCommands.dig(name, type)} reads a lab's DNS server, and reports never call it:
   * their dig lines come from the queries themselves, which name the server they asked.
   */
  private static final InetSocketAddress DNS_NAMED_BY_QUERIES =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 53);

  private Commands() {}

  /** The commands for every step of {@code r}. */
  static TryCommands of(DomainReport r) {
    Map<InetSocketAddress, Integer> ports = new HashMap<>();
    r.fetch().flatMap(FetchResult::connectedTo).ifPresent(a -> mapped(a, HTTPS, ports));
    r.mx().stream()
        .flatMap(m -> m.endpoints().stream())
        .filter(e -> e.connectedTo() != null)
        .forEach(e -> mapped(e.connectedTo(), SMTP, ports));
    return reaching(ports);
  }

  /** Whether any connection of the check went elsewhere than the standard port: the lab's. */
  static boolean lab(DomainReport r) {
    return of(r).lab().isPresent();
  }

  /** curl for the policy fetch; for the lab it connects to the lab's address and port. */
  static String curl(FetchResult f) {
    Map<InetSocketAddress, Integer> ports = new HashMap<>();
    f.connectedTo().ifPresent(a -> mapped(a, HTTPS, ports));
    return reaching(ports).curl(f.host(), f.connectedTo().map(InetSocketAddress::getAddress));
  }

  /** openssl for STARTTLS at one MX address; for the lab its address and port. */
  static String openssl(EndpointProbe e) {
    Map<InetSocketAddress, Integer> ports = new HashMap<>();
    if (e.connectedTo() != null) {
      mapped(e.connectedTo(), SMTP, ports);
    }
    InetAddress address = e.connectedTo() == null ? e.address() : e.connectedTo().getAddress();
    return reaching(ports).openssl(e.mxHost(), address);
  }

  /** A connection to another port than the standard one went through the lab's port map. */
  private static void mapped(
      InetSocketAddress to, int standardPort, Map<InetSocketAddress, Integer> ports) {
    if (to.getPort() != standardPort) {
      ports.put(new InetSocketAddress(to.getAddress(), standardPort), to.getPort());
    }
  }

  private static TryCommands reaching(Map<InetSocketAddress, Integer> ports) {
    return ports.isEmpty()
        ? TryCommands.internet()
        : TryCommands.lab(DNS_NAMED_BY_QUERIES, ports, LAB_CA);
  }
}
