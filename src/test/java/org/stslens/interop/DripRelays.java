package org.stslens.interop;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stslens.lab.DripRelay;

/**
 * The lab's {@link DripRelay}s in front of real Postfix listeners, run by {@link RealServers} in a
 * JVM of their own inside the interop namespace (the test JVM is outside it). Each argument is
 * {@code LISTEN_IP:PORT=UPSTREAM_IP:PORT=DRIP}, e.g. {@code
 * 127.0.40.2:25=127.0.40.2:2525=handshake}. Runs until killed.
 */
final class DripRelays {

  private DripRelays() {}

  public static void main(String[] args) throws Exception {
    Duration interval = Duration.ofMillis(Long.parseLong(System.getProperty("drip.ms", "1000")));
    List<DripRelay> relays = new ArrayList<>();
    for (String arg : args) {
      String[] part = arg.split("=");
      relays.add(
          DripRelay.start(
              endpoint(part[0]), endpoint(part[1]), DripRelay.Drip.of(part[2]), interval));
    }
    System.out.println("relaying " + relays.size() + " listeners, one byte every " + interval);
    Thread.currentThread().join(); // the relays run on daemon threads
  }

  private static InetSocketAddress endpoint(String text) throws Exception {
    int colon = text.lastIndexOf(':');
    return new InetSocketAddress(
        InetAddress.getByName(text.substring(0, colon)),
        Integer.parseInt(text.substring(colon + 1)));
  }
}
