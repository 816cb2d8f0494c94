package org.stslens.lab;

import java.net.InetAddress;
import java.util.Objects;

/** The lab's one network rule: its servers listen on loopback addresses and nowhere else. */
final class Loopback {

  private Loopback() {}

  /** Returns the address if it is in 127.0.0.0/8 or ::1, otherwise refuses it. */
  static InetAddress require(InetAddress address) {
    Objects.requireNonNull(address, "address");
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "lab servers bind to loopback addresses only, not " + address.getHostAddress());
    }
    return address;
  }

  /** 127.0.0.1, the default bind address. */
  static InetAddress defaultAddress() {
    return InetAddress.getLoopbackAddress();
  }
}
