package org.stslens.engine.dane;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.dns.DnsSettings;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Looks up the TLSA records of one MX host through dnsjava's {@link ValidatingResolver}, which asks
 * the configured resolver for the records with DO and CD set and validates them itself from the
 * trust anchors: the resolver's own AD bit is not trusted. One validator per look-up, so that
 * concurrent look-ups share no cache.
 */
public final class TlsaLookup {

  /** The validator walks DS and DNSKEY from the anchor down: several round trips. */
  private static final int ROUND_TRIPS = 4;

  private final DnsSettings settings;
  private final DaneTrustAnchors anchors;

  public TlsaLookup(DnsSettings settings, DaneTrustAnchors anchors) {
    this.settings = settings;
    this.anchors = anchors;
  }

  /**
   * The TLSA records of {@code mxHost} and their DNSSEC status, at the TLSA base domain of RFC 7672
   * §2.2.2, with the chain of trust the validator walked.
   *
   * @throws InterruptedException when the check is cancelled
   */
  public TlsaDiscovery lookup(String mxHost) throws InterruptedException {
    String asked = TlsaDiscovery.tlsaName(mxHost);
    Name host;
    try {
      host = Name.fromString(mxHost.endsWith(".") ? mxHost : mxHost + ".");
      Name.fromString(asked);
    } catch (TextParseException e) {
      return failed(asked, List.of(asked), "not a DNS name: " + e.getMessage());
    }
    RecordingResolver head = new RecordingResolver(head());
    ValidatingResolver validator = new ValidatingResolver(head);
    try {
      validator.loadTrustAnchors(
          new ByteArrayInputStream(anchors.zoneText().getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      return failed(asked, List.of(asked), "trust anchors unusable: " + e.getMessage());
    }
    // one deadline for the whole look-up: every CNAME hop and the validator's walk share it
    long deadline = System.nanoTime() + total().toNanos();
    // Whether the MX host is an alias (§2.2.2) is asked beside the TLSA look-up of its own name:
    // a second TLSA look-up, and a round trip more, only when it is a securely expanded alias.
    CompletableFuture<Message> address =
        validator.sendAsync(query(host, Type.A)).toCompletableFuture();
    TlsaDiscovery found;
    MxAliases aliases;
    try {
      found = walk(validator, head, asked, deadline);
      aliases = aliases(validator, host, address, deadline);
    } finally {
      address.cancel(true);
    }
    Name base = host;
    if (aliases.isAlias() && aliases.secure()) {
      // the expanded name first; with no TLSA records there, the MX host name's (RFC 7672
      // §2.2.2, as Postfix does): a failure at the expanded name stays a failure
      TlsaDiscovery expanded =
          walk(validator, head, TlsaDiscovery.tlsaName(aliases.expanded().toString()), deadline);
      boolean none =
          expanded.records().isEmpty()
              && (expanded.outcome() == DnsOutcome.NO_DATA
                  || expanded.outcome() == DnsOutcome.NX_DOMAIN)
              && expanded.dnssec() != DnssecStatus.BOGUS;
      if (!none) {
        found = expanded;
        base = aliases.expanded();
      }
    }
    List<Name> names = new ArrayList<>();
    for (String n : found.cnameChain()) {
      try {
        names.add(Name.fromString(n));
      } catch (TextParseException e) {
        // a name the look-up itself asked: it parsed then
      }
    }
    DnssecChain chain =
        found.resolverStripsDnssec()
            ? DnssecChain.none(found.dnssec(), found.reason())
            : ChainOfTrust.build(anchors, head.exchanges(), names, found.dnssec(), found.reason());
    return found.with(MxAliases.strip(base), aliases.words(), aliases.secure(), chain);
  }

  /**
   * The MX host's CNAME expansion and whether every link validated secure: secure when the
   * validator calls the whole address answer secure, else each CNAME is asked on its own (an
   * insecure address at the end does not make the CNAMEs before it insecure).
   */
  private MxAliases aliases(
      ValidatingResolver validator, Name host, CompletableFuture<Message> address, long deadline)
      throws InterruptedException {
    Message response;
    try {
      response = address.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return MxAliases.none(host); // not known to be an alias: the MX host name is the base
    }
    List<Name> chain = MxAliases.expansion(response, host);
    if (chain.size() == 1) {
      return MxAliases.none(host);
    }
    DnssecStatus whole = status(response, reason(response));
    if (whole == DnssecStatus.SECURE) {
      return new MxAliases(chain, true);
    }
    if (whole != DnssecStatus.INSECURE) {
      return new MxAliases(chain, false);
    }
    List<CompletableFuture<Message>> links = new ArrayList<>();
    for (Name owner : chain.subList(0, chain.size() - 1)) {
      links.add(validator.sendAsync(query(owner, Type.CNAME)).toCompletableFuture());
    }
    boolean secure = true;
    try {
      for (CompletableFuture<Message> link : links) {
        Message m = link.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        secure &= status(m, reason(m)) == DnssecStatus.SECURE;
      }
    } catch (TimeoutException | ExecutionException e) {
      secure = false;
    } finally {
      links.forEach(l -> l.cancel(true));
    }
    return new MxAliases(chain, secure);
  }

  private static Message query(Name name, int type) {
    return Message.newQuery(Record.newRecord(name, type, DClass.IN));
  }

  /** The TLSA records at {@code asked}, following CNAMEs of the TLSA name (RFC 7672 §2.2.3). */
  private TlsaDiscovery walk(
      ValidatingResolver validator, Resolver head, String asked, long deadline)
      throws InterruptedException {
    Name current;
    try {
      current = Name.fromString(asked);
    } catch (TextParseException e) {
      return failed(asked, List.of(asked), "not a DNS name: " + e.getMessage());
    }
    List<String> chain = new ArrayList<>(List.of(asked));
    DnssecStatus worst = DnssecStatus.SECURE;
    String reason = "";
    for (int hop = 0; hop <= DnsClient.MAX_CNAME_LINKS; hop++) {
      Message response;
      try {
        response = send(validator, current, deadline);
      } catch (TimeoutException | ExecutionException e) {
        String why =
            e instanceof TimeoutException
                ? "no answer within " + total().toMillis() + " ms"
                : String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
        return failed(asked, chain, why);
      }
      String why = reason(response);
      DnssecStatus status = status(response, why);
      if (status == DnssecStatus.BOGUS || status == DnssecStatus.INDETERMINATE) {
        boolean stripped = stripsDnssec(head);
        return new TlsaDiscovery(
            asked,
            chain,
            status == DnssecStatus.BOGUS ? DnsOutcome.NO_DATA : DnsOutcome.TEMPORARY,
            List.of(),
            stripped ? DnssecStatus.INDETERMINATE : status,
            stripped ? strippedReason() : why,
            stripped);
      }
      if (status == DnssecStatus.INSECURE) {
        worst = DnssecStatus.INSECURE;
        reason = why;
      }
      List<TlsaRecord> records = new ArrayList<>();
      Name next = current;
      boolean moved = true;
      while (moved) {
        moved = false;
        for (Record r : response.getSection(Section.ANSWER)) {
          if (r instanceof CNAMERecord c && r.getName().equals(next)) {
            next = c.getTarget();
            chain.add(next.toString());
            moved = true;
          }
        }
      }
      for (Record r : response.getSection(Section.ANSWER)) {
        if (r instanceof TLSARecord t && r.getName().equals(next)) {
          records.add(
              new TlsaRecord(
                  t.getCertificateUsage(),
                  t.getSelector(),
                  t.getMatchingType(),
                  t.getCertificateAssociationData()));
        }
      }
      if (!records.isEmpty() || next.equals(current)) {
        DnsOutcome outcome =
            !records.isEmpty()
                ? DnsOutcome.ANSWER
                : response.getRcode() == Rcode.NXDOMAIN ? DnsOutcome.NX_DOMAIN : DnsOutcome.NO_DATA;
        return new TlsaDiscovery(asked, chain, outcome, records, worst, reason, false);
      }
      current = next; // the resolver stopped at a CNAME: ask for its target
    }
    return failed(asked, chain, "CNAME chain longer than " + DnsClient.MAX_CNAME_LINKS + " links");
  }

  private Message send(ValidatingResolver validator, Name name, long deadline)
      throws InterruptedException, TimeoutException, ExecutionException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new TimeoutException("the look-up's time is spent");
    }
    Message query = Message.newQuery(Record.newRecord(name, Type.TLSA, DClass.IN));
    CompletableFuture<Message> future = validator.sendAsync(query).toCompletableFuture();
    try {
      return future.get(left, TimeUnit.NANOSECONDS);
    } finally {
      future.cancel(true);
    }
  }

  private Duration total() {
    return settings.timeout().multipliedBy(ROUND_TRIPS);
  }

  /** Secure only with the validator's AD; bogus is its SERVFAIL with a reason attached. */
  static DnssecStatus status(Message response, String reason) {
    int rcode = response.getRcode();
    if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
      return response.getHeader().getFlag(Flags.AD) ? DnssecStatus.SECURE : DnssecStatus.INSECURE;
    }
    return rcode == Rcode.SERVFAIL && !reason.isEmpty()
        ? DnssecStatus.BOGUS
        : DnssecStatus.INDETERMINATE;
  }

  /** The validator's reason (its TXT in the additional section) and extended DNS error. */
  static String reason(Message response) {
    StringBuilder out = new StringBuilder();
    for (Record r : response.getSection(Section.ADDITIONAL)) {
      if (r instanceof TXTRecord txt
          && r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
        out.append(String.join("", txt.getStrings()));
      }
    }
    OPTRecord opt = response.getOPT();
    if (opt != null) {
      for (EDNSOption o : opt.getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR)) {
        if (o instanceof ExtendedErrorCodeOption ede) {
          out.append(out.length() == 0 ? "" : " ")
              .append("(extended DNS error ")
              .append(ede.getErrorCode())
              .append(')');
        }
      }
    }
    if (out.length() == 0
        && response.getRcode() != Rcode.NOERROR
        && response.getRcode() != Rcode.NXDOMAIN) {
      out.append("the resolver answered ").append(Rcode.string(response.getRcode()));
    }
    return out.toString();
  }

  /**
   * Asks the resolver itself (DO and CD set) for the DNSKEY of each anchor's name: without
   * signatures in the answer it strips DNSSEC records, and every validation through it fails.
   */
  private boolean stripsDnssec(Resolver head) throws InterruptedException {
    for (String owner : anchors.owners()) {
      try {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(owner), Type.DNSKEY, 1));
        query.getHeader().setFlag(Flags.CD);
        CompletableFuture<Message> f = head.sendAsync(query).toCompletableFuture();
        Message answer;
        try {
          answer = f.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
          f.cancel(true);
        }
        boolean signed =
            answer.getSection(Section.ANSWER).stream().anyMatch(r -> r.getType() == Type.RRSIG);
        if (signed) {
          return false;
        }
      } catch (TextParseException | TimeoutException | ExecutionException e) {
        return false; // no evidence of stripping: the failure stays what the validator said
      }
    }
    return true;
  }

  private String strippedReason() {
    return "the resolver returned no DNSSEC signatures for the DNSKEY of "
        + String.join(", ", anchors.owners())
        + ": it strips DNSSEC records (or does not support them), so no answer can be validated"
        + " through it. Use a resolver that passes DNSSEC records (--dns).";
  }

  private Resolver head() {
    List<Resolver> each = new ArrayList<>();
    for (InetSocketAddress server : settings.servers()) {
      SimpleResolver r = new SimpleResolver(server);
      r.setTimeout(settings.timeout());
      each.add(r);
    }
    if (each.size() == 1) {
      return each.get(0);
    }
    ExtendedResolver extended = new ExtendedResolver(each);
    extended.setTimeout(settings.timeout());
    extended.setRetries(settings.retries() + 1);
    return extended;
  }

  private static TlsaDiscovery failed(String asked, List<String> chain, String why) {
    return new TlsaDiscovery(
        asked, chain, DnsOutcome.TEMPORARY, List.of(), DnssecStatus.INDETERMINATE, why, false);
  }
}
