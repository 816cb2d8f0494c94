package org.stslens.engine.dns;

import java.util.Objects;

/**
 * Why a DNS query gave nothing to conclude from (a {@link DnsOutcome#TEMPORARY} outcome). The
 * engine branches on {@link #kind()}; the text shown is built from it by {@link #message()}, never
 * read back.
 *
 * @param kind what went wrong
 * @param server the resolver asked, {@code ip:port}; empty when none was asked
 * @param detail what the message needs beside the kind: the wait for {@link Kind#TIMEOUT}, the name
 *     for {@link Kind#TIME_LIMIT_SPENT}, the limit for {@link Kind#CHECK_TIME_LIMIT}, the mnemonic
 *     for {@link Kind#OTHER_RCODE}, the system's words for {@link Kind#NETWORK_ERROR} and {@link
 *     Kind#INVALID_NAME}; else empty
 */
public record DnsFailure(Kind kind, String server, String detail) {

  /** What went wrong. */
  public enum Kind {
    /** The resolver did not answer within the attempt's wait. */
    TIMEOUT,
    /** The step's total time limit was spent before the question could be asked. */
    TIME_LIMIT_SPENT,
    /** The whole check's time limit ran out before an answer came: the detail is the limit. */
    CHECK_TIME_LIMIT,
    /** SERVFAIL: the resolver could not get an answer (often a broken or lame delegation). */
    SERVFAIL,
    /** REFUSED: the resolver will not answer this client. */
    REFUSED,
    /** Another error code (FORMERR, NOTIMP...): the detail is its mnemonic. */
    OTHER_RCODE,
    /** ICMP port unreachable: nothing answers DNS at that address. */
    PORT_UNREACHABLE,
    /** Any other network error on the way to the resolver. */
    NETWORK_ERROR,
    /** The name asked is not a valid DNS name; nothing was sent. */
    INVALID_NAME
  }

  public DnsFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(detail, "detail");
  }

  /** No answer in time: the same server may answer a retry, unlike one that said SERVFAIL. */
  public boolean isTimeout() {
    return kind == Kind.TIMEOUT || kind == Kind.TIME_LIMIT_SPENT || kind == Kind.CHECK_TIME_LIMIT;
  }

  /** The response-code column of a query that got no response: TIMEOUT or ERROR. */
  public String rcodeWord() {
    return isTimeout() ? "TIMEOUT" : "ERROR";
  }

  /** The failure in words, as findings and the evidence show it. */
  public String message() {
    return switch (kind) {
      case TIMEOUT -> "timeout: no answer from " + server + " within " + detail;
      case TIME_LIMIT_SPENT -> "timeout: the time limit ran out before " + detail + " was asked";
      case CHECK_TIME_LIMIT -> "timeout: the check's time limit (" + detail + ") ran out first";
      case SERVFAIL -> "SERVFAIL from " + server;
      case REFUSED -> "REFUSED from " + server;
      case OTHER_RCODE -> detail + " from " + server;
      case PORT_UNREACHABLE ->
          "error talking to " + server + ": nothing answers DNS there (port unreachable)";
      case NETWORK_ERROR -> "error talking to " + server + ": " + detail;
      case INVALID_NAME -> "not a valid DNS name: " + detail;
    };
  }

  /** The failure for an error response code. */
  static DnsFailure ofRcode(int rcode, String server) {
    if (rcode == org.xbill.DNS.Rcode.SERVFAIL) {
      return new DnsFailure(Kind.SERVFAIL, server, "");
    }
    if (rcode == org.xbill.DNS.Rcode.REFUSED) {
      return new DnsFailure(Kind.REFUSED, server, "");
    }
    return new DnsFailure(Kind.OTHER_RCODE, server, org.xbill.DNS.Rcode.string(rcode));
  }
}
