package org.stslens.lab;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stslens.engine.net.PortMap;

/** Builds the engine's {@link PortMap} from running lab servers. */
public final class LabPorts {

  private LabPorts() {}

  /**
   * Routes {@code server address : standard port} (443 for HTTPS, 25 for SMTP) to each server's
   * actual port; everything else goes to the standard port, i.e. nowhere in a loopback lab.
   */
  public static PortMap portMap(LabServer... servers) {
    return PortMap.table(table(servers));
  }

  /** {@link #portMap}'s table: {@code server address : standard port} to the actual port. */
  public static Map<InetSocketAddress, Integer> table(LabServer... servers) {
    Map<InetSocketAddress, Integer> table = new HashMap<>();
    for (LabServer server : servers) {
      InetSocketAddress key =
          new InetSocketAddress(server.address().getAddress(), server.standardPort());
      Integer previous = table.put(key, server.address().getPort());
      if (previous != null) {
        throw new IllegalArgumentException("two lab servers claim " + key);
      }
    }
    return table;
  }

  /** The table as {@code --port-map} values of {@code stslens check}: {@code IP:STANDARD=PORT}. */
  public static List<String> arguments(Map<InetSocketAddress, Integer> table) {
    return table.entrySet().stream()
        .map(
            e ->
                e.getKey().getAddress().getHostAddress()
                    + ":"
                    + e.getKey().getPort()
                    + "="
                    + e.getValue())
        .toList();
  }
}
