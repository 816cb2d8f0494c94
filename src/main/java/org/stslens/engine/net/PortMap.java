package org.stslens.engine.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

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
}
