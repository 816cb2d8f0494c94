package org.stslens.engine.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Why a TCP connection could not be made. The engine branches on this, never on the text of an
 * exception or a finding.
 */
public enum ConnectFailure {
  /** Nothing listens on the port (a TCP reset answered the SYN). */
  REFUSED,
  /** No answer at all: a filtered port, or a host that is down. */
  TIMED_OUT,
  /** A router says the host cannot be reached (ICMP host unreachable, no route to host). */
  HOST_UNREACHABLE,
  /** This machine has no route to that network at all, e.g. IPv6 on a network without it. */
  NETWORK_UNREACHABLE,
  /** The connection was reset while it was being made. */
  RESET,
  /** Anything else. */
  OTHER;

  /**
   * Classifies what {@code Socket.connect} threw.
   *
   * <p>The JDK keeps the errno of a failed connect only in the text of the exception: ECONNREFUSED
   * and ETIMEDOUT are both a {@link ConnectException}, ENETUNREACH and ECONNRESET a plain {@link
   * SocketException}. So this is the one place in the engine that reads an exception's text; it
   * reads the operating system's wording of errno (strerror), never a message of ours.
   */
  public static ConnectFailure of(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return TIMED_OUT;
    }
    String errno = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (errno.contains("network is unreachable")) {
      return NETWORK_UNREACHABLE;
    }
    if (e instanceof NoRouteToHostException || errno.contains("unreachable")) {
      return HOST_UNREACHABLE;
    }
    if (e instanceof ConnectException && errno.contains("refused")) {
      return REFUSED;
    }
    if (e instanceof ConnectException && errno.contains("timed out")) {
      return TIMED_OUT;
    }
    if (e instanceof SocketException && errno.contains("reset")) {
      return RESET;
    }
    return OTHER;
  }
}
