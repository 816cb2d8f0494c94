package org.stslens.interop;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the interop suite needs from the machine; {@link #missing()} says what is not there. */
final class Prerequisites {

  private Prerequisites() {}

  /** The shaded jar under test: {@code -Dstslens.jar}, by default {@code target/stslens.jar}. */
  static Path jar() {
    return Path.of(System.getProperty("stslens.jar", "target/stslens.jar")).toAbsolutePath();
  }

  /** Null when everything is there, else the first thing missing, in words. */
  static String missing() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return "not Linux (network namespaces are needed)";
    }
    try {
      String uid = RealServers.run("id", "-u").trim();
      if (!uid.equals("0")) {
        return "not root (uid " + uid + "): network namespaces and ports 25, 53, 443 need root";
      }
      RealServers.run("ip", "netns", "list");
    } catch (Exception e) {
      return "the ip command (iproute2) with netns support is not usable: " + e.getMessage();
    }
    for (String[] binary :
        new String[][] {
          {RealServers.UNBOUND, "unbound"},
          {RealServers.NGINX, "nginx"},
          {RealServers.POSTFIX_MASTER, "postfix"}
        }) {
      if (!Files.isExecutable(Path.of(binary[0]))) {
        return binary[0] + " is missing (Debian package " + binary[1] + ")";
      }
    }
    if (!Files.isRegularFile(jar())) {
      return jar() + " is missing (run mvn package first; mvn verify does)";
    }
    return null;
  }
}
