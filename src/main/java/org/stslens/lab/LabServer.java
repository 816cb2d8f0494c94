package org.stslens.lab;

import java.net.InetSocketAddress;

/** A running lab server: where it listens, and which standard port it stands in for. */
public interface LabServer extends AutoCloseable {

  /** The loopback address and actual (often ephemeral) port the server listens on. */
  InetSocketAddress address();

  /** The port a real server of this kind would use: 53, 443 or 25. */
  int standardPort();

  /** Stops listening, ends open connections and stops the server's threads; never throws. */
  @Override
  void close();
}
