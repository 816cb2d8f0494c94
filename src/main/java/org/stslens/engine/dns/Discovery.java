package org.stslens.engine.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.xbill.DNS.Type;

/** Stage 1, step by step as a sender does it: the TXT record, the MX set, and what they mean. */
public final class Discovery {

  private final DnsClient dns;

  public Discovery(DnsClient dns) {
    this.dns = dns;
  }

  public static String stsName(String domain) {
    return "_mta-sts." + domain;
  }

  /** Looks up the TXT record at {@code _mta-sts.<domain>}. */
  public DnsQuery lookUpRecord(String domain) throws InterruptedException {
    return dns.query(stsName(domain), Type.TXT);
  }

  /** Looks up the TXT records at the domain itself, to spot a misplaced v=STSv1 record. */
  public DnsQuery lookUpApex(String domain) throws InterruptedException {
    return dns.query(domain, Type.TXT);
  }

  /** The TXT answers of stage 1. */
  public record StsLookup(DnsQuery sts, DnsQuery apex) {}

  public DnsQuery lookUpMx(String domain) throws InterruptedException {
    return dns.query(domain, Type.MX);
  }

  /** Judges the answers of stage 1. Pure: no I/O. */
  public static DiscoveryResult judge(String domain, StsLookup txt, DnsQuery mx) {
    List<Finding> findings = new ArrayList<>();
    DnsQuery sts = txt.sts();
    Optional<StsRecordResult> record = Optional.empty();
    if (sts.outcome().isTemporary()) {
      findings.add(temporaryFailure(sts, CheckStage.DISCOVERY));
    } else if (DnsClient.cnameLoop(sts)) {
      findings.add(
          Finding.of(
              Code.DNS_CNAME_LOOP,
              sts.name(),
              "The CNAME chain from "
                  + sts.name()
                  + " loops or is longer than "
                  + DnsClient.MAX_CNAME_LINKS
                  + " links: "
                  + String.join(" → ", sts.cnameChain()),
              "Point " + sts.name() + " (directly or through one CNAME) at the TXT record."));
    } else {
      if (sts.followedCnames()) {
        findings.add(
            Finding.of(
                Code.DNS_CNAME_CHAIN,
                sts.name(),
                "The record is reached through CNAMEs: " + String.join(" → ", sts.cnameChain()),
                ""));
      }
      StsRecordResult parsed = StsRecordParser.parse(sts.txtStrings());
      record = Optional.of(parsed);
      for (Finding f : parsed.findings()) {
        findings.add(f.target().isEmpty() ? f.withTarget(sts.name()) : f);
      }
    }
    if (!sts.outcome().isTemporary() && !sts.authenticData()) {
      findings.add(
          Finding.of(
              Code.DNS_DNSSEC_UNSIGNED,
              sts.name(),
              "The answer was not DNSSEC-validated (AD flag clear). That is fine: MTA-STS does not"
                  + " need DNSSEC, the HTTPS certificate authenticates the policy. DANE, by"
                  + " contrast, would need it.",
              ""));
    }
    DnsQuery apex = txt.apex();
    boolean apexHasSts =
        apex.txtStrings().stream()
            .map(s -> String.join("", s))
            .anyMatch(r -> r.startsWith("v=STSv1"));
    if (apexHasSts) {
      findings.add(
          Finding.of(
              Code.TXT_AT_APEX,
              apex.name(),
              "A v=STSv1 record is published at "
                  + apex.name()
                  + " itself; senders only look at "
                  + stsName(domain)
                  + ".",
              "Move the record to " + stsName(domain) + " and remove it from the apex."));
    }

    MxSet mxSet = mxSet(domain, mx);
    findings.addAll(mxSet.findings());
    for (DnsQuery q : List.of(sts, mx, apex)) {
      foreignRecords(q, CheckStage.DISCOVERY).ifPresent(findings::add);
    }
    return new DiscoveryResult(
        domain, sts, record, mx, mxSet.kind(), mxSet.hosts(), apex, findings);
  }

  /** What an MX answer means: its kind, the hosts a sender tries, and the findings about it. */
  public record MxSet(MxKind kind, List<MxHost> hosts, List<Finding> findings) {}

  /** Reads an MX answer; usable as soon as the MX query is back (the probes start from it). */
  public static MxSet mxSet(String domain, DnsQuery mx) {
    List<Finding> findings = new ArrayList<>();
    MxKind kind;
    List<MxHost> hosts = new ArrayList<>();
    switch (mx.outcome()) {
      case TEMPORARY -> {
        kind = MxKind.UNKNOWN;
        findings.add(temporaryFailure(mx, CheckStage.DISCOVERY));
      }
      case NX_DOMAIN -> {
        kind = MxKind.NO_DOMAIN;
        findings.add(
            Finding.of(
                Code.DNS_NXDOMAIN,
                domain,
                domain
                    + " does not exist in DNS (NXDOMAIN), so it receives no mail and has no"
                    + " policy.",
                "Check the spelling of the domain."));
      }
      case NO_DATA -> {
        kind = MxKind.IMPLICIT;
        hosts.add(new MxHost(0, domain, true));
        findings.add(
            Finding.of(
                Code.MX_NONE,
                domain,
                domain
                    + " has no MX records: senders deliver to the domain's own address"
                    + " (the implicit MX), and the policy must cover "
                    + domain
                    + ".",
                "Publish MX records for the hosts that receive your mail."));
      }
      default -> {
        Map<String, MxHost> byHost = new LinkedHashMap<>();
        boolean nullMx = false;
        for (DnsAnswer a : mx.records()) {
          String[] parts = a.data().trim().split("\\s+", 2);
          if (parts.length < 2) {
            continue;
          }
          String host = parts[1].toLowerCase(java.util.Locale.ROOT);
          if (host.equals(".")) {
            nullMx = true;
            continue;
          }
          host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
          int preference;
          try {
            preference = Integer.parseInt(parts[0]);
          } catch (NumberFormatException e) {
            continue;
          }
          MxHost candidate = new MxHost(preference, host, false);
          byHost.merge(host, candidate, (x, y) -> x.preference() <= y.preference() ? x : y);
        }
        if (nullMx && byHost.isEmpty()) {
          kind = MxKind.NULL;
          findings.add(
              Finding.of(
                  Code.MX_NULL,
                  domain,
                  domain
                      + " publishes a null MX (\"0 .\", RFC 7505): it accepts no mail, so an"
                      + " MTA-STS policy protects nothing.",
                  "Remove the MTA-STS records, or publish real MX records if the domain should"
                      + " receive mail."));
        } else {
          kind = MxKind.EXPLICIT;
          if (nullMx) {
            findings.add(nullMixed(domain, byHost.keySet()));
          }
          hosts.addAll(byHost.values());
          hosts.sort(Comparator.comparingInt(MxHost::preference).thenComparing(MxHost::host));
        }
      }
    }
    return new MxSet(kind, List.copyOf(hosts), List.copyOf(findings));
  }

  /** A null MX next to real ones (RFC 7505 §3 forbids it): the real hosts are still judged. */
  private static Finding nullMixed(String domain, java.util.Collection<String> others) {
    return Finding.of(
        Code.MX_NULL_MIXED,
        domain,
        domain
            + " publishes the null MX (\"0 .\", RFC 7505) together with other MX records ("
            + String.join(", ", others)
            + "). RFC 7505 §3 forbids this: the null MX says the domain accepts no mail, the others"
            + " say it does, and senders may handle the contradiction differently. STS Lens judges"
            + " the other hosts.",
        "Remove the \"0 .\" record if the domain receives mail, or the other MX records if it"
            + " does not.");
  }

  /**
   * checks.md dns.foreign-records: the answer carried records that answer another question. They
   * are never used ({@link DnsQuery#records()} leaves them out); this names them.
   */
  public static Optional<Finding> foreignRecords(DnsQuery q, CheckStage stage) {
    List<DnsAnswer> foreign = q.foreignRecords();
    if (foreign.isEmpty()) {
      return Optional.empty();
    }
    List<String> named =
        foreign.stream().map(a -> a.name() + " " + a.type()).distinct().limit(8).toList();
    return Optional.of(
        new Finding(
            Code.DNS_FOREIGN_RECORDS,
            Code.DNS_FOREIGN_RECORDS.severity(),
            stage,
            q.name() + " " + q.type(),
            "The answer to "
                + q.name()
                + " "
                + q.type()
                + " also carried "
                + (foreign.size() == 1 ? "a record" : foreign.size() + " records")
                + " that "
                + (foreign.size() == 1 ? "answers" : "answer")
                + " another question: "
                + String.join(", ", named)
                + (named.size() < foreign.size() ? ", …" : "")
                + ". Only records owned by "
                + q.name()
                + (q.followedCnames() ? " or by the names its CNAMEs lead to" : "")
                + " answer it. STS Lens ignores the others, as a scrubbing resolver such as"
                + " unbound does (it drops them before anything uses them); a sender that"
                + " trusted them would take another name's data for this domain's.",
            "Find who adds them: ask the domain's authoritative servers directly (dig @<server> "
                + q.name()
                + " "
                + q.type()
                + "). If they do, fix that server; if only the resolver does, use a validating"
                + " one (unbound, BIND) and check it for tampering.",
            0,
            0));
  }

  /** The finding for a query that failed temporarily, in the stage that needed the answer. */
  public static Finding temporaryFailure(DnsQuery q, CheckStage stage) {
    return new Finding(
        Code.DNS_TEMPORARY_FAILURE,
        Code.DNS_TEMPORARY_FAILURE.severity(),
        stage,
        q.name() + " " + q.type(),
        "The "
            + q.type()
            + " query for "
            + q.name()
            + " failed: "
            + q.error().orElse(q.rcode())
            + ". This is a temporary failure, not an absence: a sender keeps its cached policy"
            + " or retries later.",
        "Check that the domain's name servers answer (dig " + q.name() + " " + q.type() + ").",
        0,
        0);
  }
}
