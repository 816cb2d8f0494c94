package org.stslens.engine.report;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.dns.DnsQuery;

/**
 * The "Try it yourself" command lines, made in one place for every view, export and {@code lab
 * serve}. On the real Internet they use the real names and standard ports; in a lab world they go
 * to its DNS server, through its port map, and trust its CA file, so each one reaches the lab.
 *
 * @param lab how a lab world is reached; empty for the real Internet
 */
public record TryCommands(Optional<Lab> lab) {

  /** The lab's DNS server, where each loopback address and standard port really listens, its CA. */
  public record Lab(InetSocketAddress dns, Map<InetSocketAddress, Integer> portMap, String caFile) {
    public Lab {
      Objects.requireNonNull(dns, "dns");
      portMap = Map.copyOf(portMap);
      Objects.requireNonNull(caFile, "caFile");
    }

    /** The port {@code address:standardPort} is served on (the standard port when not mapped). */
    int port(InetAddress address, int standardPort) {
      return portMap.getOrDefault(new InetSocketAddress(address, standardPort), standardPort);
    }
  }

  private static final TryCommands INTERNET = new TryCommands(Optional.empty());

  public TryCommands {
    Objects.requireNonNull(lab, "lab");
  }

  public static TryCommands internet() {
    return INTERNET;
  }

  public static TryCommands lab(
      InetSocketAddress dns, Map<InetSocketAddress, Integer> portMap, String caFile) {
    return new TryCommands(Optional.of(new Lab(dns, portMap, caFile)));
  }

  /** A DNS query as it was asked: a lab's queries already name its server and port. */
  public String dig(DnsQuery query) {
    return query.digCommand();
  }

  /** {@code dig NAME TYPE}, at the lab's DNS server when there is one. */
  public String dig(String name, String type) {
    return lab.map(
            l ->
                "dig @"
                    + l.dns().getAddress().getHostAddress()
                    + " -p "
                    + l.dns().getPort()
                    + " "
                    + name
                    + " "
                    + type)
        .orElse("dig " + name + " " + type);
  }

  /**
   * Fetches the policy as a sender does (no redirects). In the lab, curl still asks for the real
   * URL (so SNI and the Host header are right) but connects to the address the check used.
   *
   * @param address the policy host's address the check connected to, if it connected
   */
  public String curl(String host, Optional<InetAddress> address) {
    String url = "https://" + host + "/.well-known/mta-sts.txt";
    if (lab.isEmpty() || address.isEmpty()) {
      return "curl -v --max-redirs 0 " + url;
    }
    Lab l = lab.get();
    return "curl -v --max-redirs 0 --cacert "
        + l.caFile()
        + " --connect-to "
        + host
        + ":443:"
        + hostPort(address.get(), l.port(address.get(), 443))
        + " "
        + url;
  }

  /** The STARTTLS handshake with one address of an MX host, naming the host for SNI. */
  public String openssl(String mxHost, InetAddress address) {
    if (lab.isEmpty()) {
      return "openssl s_client -starttls smtp -connect " + mxHost + ":25 -servername " + mxHost;
    }
    Lab l = lab.get();
    return "openssl s_client -starttls smtp -connect "
        + hostPort(address, l.port(address, 25))
        + " -servername "
        + mxHost
        + " -CAfile "
        + l.caFile();
  }

  /** {@code 127.0.0.2:8443} or {@code [::1]:8443}: an IPv6 address is bracketed before its port. */
  private static String hostPort(InetAddress address, int port) {
    String ip = address.getHostAddress();
    return (address instanceof java.net.Inet6Address ? "[" + ip + "]" : ip) + ":" + port;
  }
}
