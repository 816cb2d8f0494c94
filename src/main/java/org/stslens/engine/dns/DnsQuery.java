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
 * @param answers every record of the answer section, CNAMEs included, in order
 * @param cnameChain the names walked from {@code name} through CNAMEs, {@code name} first; a single
 *     element when no CNAME was involved
 * @param error what went wrong for TEMPORARY outcomes, else empty
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
    Optional<String> error) {

  public DnsQuery {
    answers = List.copyOf(answers);
    cnameChain = List.copyOf(cnameChain);
  }

  /** The answers of the asked type (CNAMEs left out). */
  public List<DnsAnswer> records() {
    return answers.stream().filter(a -> a.type().equals(type)).toList();
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
    String at = server.isEmpty() ? "" : "@" + server.replaceFirst(":53$", "").replace(":", " -p ");
    return ("dig " + at + " " + name + " " + type + " +adflag").replaceAll(" +", " ").trim();
  }
}
