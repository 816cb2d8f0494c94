package org.stslens.engine.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one seam between the engine and the outside world's ports: where a connection meant for
 * {@code address:standardPort} (443 for the policy host, 25 for an MX) actually goes. Production
 * uses {@link #standard()}; tests and the lab map loopback addresses to their servers' ports.
 */
@FunctionalInterface
public interface PortMap {

  /** The socket address to connect to for {@code address} on the protocol's standard port. */
  InetSocketAddress route(InetAddress address, int standardPort);

  /** The real world: every connection goes to the standard port. */
  static PortMap standard() {
    return InetSocketAddress::new;
  }

  /**
   * Connections to the given standard ports go to the mapped ports on the same address; other ports
   * stay as they are. Example: {@code mapping(Map.of(443, 8443, 25, 2525))}.
   */
  static PortMap mapping(Map<Integer, Integer> portByStandardPort) {
    Map<Integer, Integer> copy = Map.copyOf(portByStandardPort);
    return (address, standardPort) ->
        new InetSocketAddress(address, copy.getOrDefault(standardPort, standardPort));
  }

  /**
   * A table keyed by address and standard port, for worlds where each host has its own server.
   * Unknown endpoints go to the standard port.
   */
  static PortMap table(Map<InetSocketAddress, Integer> portByEndpoint) {
    Map<InetSocketAddress, Integer> copy = Map.copyOf(portByEndpoint);
    return (address, standardPort) -> {
      Objects.requireNonNull(address, "address");
      InetSocketAddress key = new InetSocketAddress(address, standardPort);
      return new InetSocketAddress(address, copy.getOrDefault(key, standardPort));
    };
  }

  /** {@code 127.0.0.2:25=2525} or {@code [::1]:443=8443}: a literal address, two ports. */
  Pattern ENTRY =
      Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})=(\\d{1,5})$");

  /**
   * A {@link #table} from entries {@code IP:STANDARD_PORT=PORT}; only loopback addresses, ports 1
   * to 65535.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  static PortMap parseTable(List<String> entries) {
    Map<InetSocketAddress, Integer> table = new HashMap<>();
    for (String entry : entries) {
      Matcher m = ENTRY.matcher(entry.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            entry + ": expected IP:STANDARD_PORT=PORT, e.g. 127.0.0.2:25=2525");
      }
      String ip = m.group(1);
      if (!ip.startsWith("[")
          && java.util.Arrays.stream(ip.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
        // not a literal: InetAddress would look it up as a name
        throw new IllegalArgumentException(entry + ": not an IP address");
      }
      InetAddress address;
      try {
        address = InetAddress.getByName(m.group(1).replaceAll("^\\[|\\]$", ""));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(entry + ": not an IP address");
      }
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException(entry + ": only loopback addresses can be mapped");
      }
      table.put(new InetSocketAddress(address, port(entry, m.group(2))), port(entry, m.group(3)));
    }
    return table(table);
  }

  private static int port(String entry, String digits) {
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(entry + ": port " + port + " is not from 1 to 65535");
    }
    return port;
  }
}
