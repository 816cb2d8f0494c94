package org.stslens.engine.dns;

import java.util.List;
import java.util.Optional;

/**
 * One DNS question and what came back: the evidence shown in the discovery stage.
 *
 * @param name the name asked, absolute
 * @param type the type asked (TXT, MX, A, AAAA)
 * @param server the resolver that answered or was tried last, {@code ip:port}
 * @param transport {@code udp}, or {@code tcp} after a truncated UDP answer
 * @param rttMillis round-trip time of the last attempt
 * @param outcome how it ended
 * @param rcode the response code mnemonic (NOERROR, NXDOMAIN, SERVFAIL...), or TIMEOUT / ERROR
 * @param authenticData the AD flag of the response (DNSSEC-validated by the resolver)
 * @param answers every record of the answer section, CNAMEs included, in order: the raw evidence,
 *     foreign records too (see {@link #foreignRecords()})
 * @param cnameChain the names walked from {@code name} through CNAMEs, {@code name} first; a single
 *     element when no CNAME was involved
 * @param failure what went wrong for TEMPORARY outcomes, else empty
 * @param additional the A and AAAA records of the additional section of the response that gave the
 *     answer, as the resolver sent them (other types there, OPT and RRSIG, are not kept); read only
 *     through {@link AdditionalAddresses}, which takes an MX target's addresses from them
 */
public record DnsQuery(
    String name,
    String type,
    String server,
    String transport,
    long rttMillis,
    DnsOutcome outcome,
    String rcode,
    boolean authenticData,
    List<DnsAnswer> answers,
    List<String> cnameChain,
    Optional<DnsFailure> failure,
    List<DnsAnswer> additional) {

  public DnsQuery {
    answers = List.copyOf(answers);
    cnameChain = cnameChain.isEmpty() ? List.of(name) : List.copyOf(cnameChain);
    additional = List.copyOf(additional);
  }

  /** A query whose response carried no address records in its additional section. */
  public DnsQuery(
      String name,
      String type,
      String server,
      String transport,
      long rttMillis,
      DnsOutcome outcome,
      String rcode,
      boolean authenticData,
      List<DnsAnswer> answers,
      List<String> cnameChain,
      Optional<DnsFailure> failure) {
    this(
        name,
        type,
        server,
        transport,
        rttMillis,
        outcome,
        rcode,
        authenticData,
        answers,
        cnameChain,
        failure,
        List.of());
  }

  /** What went wrong, in words, for TEMPORARY outcomes; built from {@link #failure()}. */
  public Optional<String> error() {
    return failure.map(DnsFailure::message);
  }

  /**
   * The answer to the question: the records of the asked type owned by the last name of the CNAME
   * chain (the asked name itself without CNAMEs). Records owned by other names are never part of it
   * (see {@link #foreignRecords()}).
   */
  public List<DnsAnswer> records() {
    String owner = cnameChain.get(cnameChain.size() - 1);
    return answers.stream()
        .filter(a -> a.type().equals(type) && DnsNames.same(a.name(), owner))
        .toList();
  }

  /**
   * The records of the answer section that answer another question: owned by a name that is neither
   * the asked name nor on its CNAME chain, CNAMEs that are no link of the chain, and records of the
   * asked type beside a CNAME (RFC 1034 §3.6.2: a name with a CNAME has no other data). A scrubbing
   * resolver drops them (unbound's scrub_normalize removes "irrelevant" RRsets); they are kept in
   * {@link #answers()} as evidence and never used.
   */
  public List<DnsAnswer> foreignRecords() {
    return answers.stream().filter(a -> !belongsToTheChain(a)).toList();
  }

  private boolean belongsToTheChain(DnsAnswer a) {
    int at = indexInChain(a.name());
    if (a.type().equals("DNAME")) {
      // a resolver that followed a DNAME puts it beside the CNAME it synthesised (RFC 6672 §3.4)
      return cnameChain.stream().anyMatch(n -> DnsNames.isStrictlyBelow(n, a.name()));
    }
    if (at < 0) {
      return false;
    }
    boolean last = at == cnameChain.size() - 1;
    if (a.type().equals("CNAME")) {
      return !last && DnsNames.same(a.data(), cnameChain.get(at + 1));
    }
    // the asked type only at the end of the chain; other types there (RRSIG, NSEC) are not used
    return last || !a.type().equals(type);
  }

  private int indexInChain(String owner) {
    for (int i = 0; i < cnameChain.size(); i++) {
      if (DnsNames.same(cnameChain.get(i), owner)) {
        return i;
      }
    }
    return -1;
  }

  /** The TXT RRset as character-string lists, the form the TXT parsers take. */
  public List<List<String>> txtStrings() {
    return records().stream().map(DnsAnswer::strings).toList();
  }

  public boolean followedCnames() {
    return cnameChain.size() > 1;
  }

  /** The equivalent command a person could type. */
  public String digCommand() {
    return ("dig " + digServer(server) + " " + name + " " + type + " +adflag")
        .replaceAll(" +", " ")
        .trim();
  }

  /** {@code @192.0.2.1}, {@code @::1 -p 5353}: dig takes the port apart, never in the address. */
  static String digServer(String server) {
    if (server.isEmpty()) {
      return "";
    }
    String host = server;
    String port = "53";
    if (server.startsWith("[") && server.contains("]")) {
      int close = server.indexOf(']');
      host = server.substring(1, close);
      if (server.startsWith(":", close + 1)) {
        port = server.substring(close + 2);
      }
    } else if (server.indexOf(':') > 0 && server.indexOf(':') == server.lastIndexOf(':')) {
      host = server.substring(0, server.indexOf(':'));
      port = server.substring(server.indexOf(':') + 1);
    }
    return "@" + host + (port.equals("53") ? "" : " -p " + port);
  }
}
