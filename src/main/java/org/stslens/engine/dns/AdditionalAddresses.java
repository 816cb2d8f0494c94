package org.stslens.engine.dns;

import java.util.List;
import java.util.Optional;

/**
 * The addresses of an MX host that came with the MX answer, in its additional section (RFC 1035
 * §3.3.9: the MX type "causes type A additional section processing"; resolvers such as BIND add the
 * A and AAAA of the targets they hold). Using them saves the host's address query, a round trip on
 * the critical path of a check.
 *
 * <p>Only records owned by an MX target of the same response count; anything else there is left
 * alone. The resolver here is trusted like any stub's (the check asks no authoritative server), and
 * its additional data no less than its answers: MTA-STS authenticates an MX host by its
 * certificate, not by DNS, so a wrong address fails the TLS check either way. The AD flag does not
 * cover the additional section (RFC 4035 §3.2.3), so these are never taken as validated.
 *
 * <p>Senders re-query instead: Postfix reads only the answer section of a reply ({@code
 * dns_get_answer} in {@code src/dns/dns_lookup.c}) and asks A and AAAA for every MX host ({@code
 * smtp_addr_one} in {@code src/smtp/smtp_addr.c}); Go's resolver, which mox uses, does the same. A
 * resolver that put the records in the additional section holds them in its cache, so the sender's
 * queries are answered from it with the same data.
 */
public final class AdditionalAddresses {

  /** The {@link DnsQuery#transport()} of addresses taken from an MX answer: no query was sent. */
  public static final String TRANSPORT = "additional";

  private AdditionalAddresses() {}

  /**
   * The {@code type} (A or AAAA) records for {@code host} carried by {@code mx}'s additional
   * section, as the query that was saved; empty when there are none, when {@code host} is not a
   * target of the MX answer, or when {@code mx} is no answer to an MX question.
   */
  public static Optional<DnsQuery> of(DnsQuery mx, String host, String type) {
    if (!mx.type().equals("MX") || mx.outcome() != DnsOutcome.ANSWER) {
      return Optional.empty();
    }
    boolean target = mx.records().stream().anyMatch(r -> DnsNames.same(target(r), host));
    if (!target) {
      return Optional.empty();
    }
    List<DnsAnswer> records =
        mx.additional().stream()
            .filter(a -> a.type().equals(type) && DnsNames.same(a.name(), host))
            .toList();
    if (records.isEmpty()) {
      return Optional.empty();
    }
    String name = host.endsWith(".") ? host : host + ".";
    return Optional.of(
        new DnsQuery(
            name,
            type,
            mx.server(),
            TRANSPORT,
            0,
            DnsOutcome.ANSWER,
            mx.rcode(),
            false,
            records,
            List.of(name),
            Optional.empty()));
  }

  /** True when the query's answer was taken from an MX answer's additional section. */
  public static boolean isFrom(DnsQuery query) {
    return query.transport().equals(TRANSPORT);
  }

  /** The exchange name of an MX record's data, "10 mx1.example." → "mx1.example.". */
  private static String target(DnsAnswer mxRecord) {
    String[] parts = mxRecord.data().trim().split("\\s+", 2);
    return parts.length == 2 ? parts[1] : "";
  }
}
