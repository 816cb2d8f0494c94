package org.stslens.ui.stages.mx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dane.DaneVerdict;
import org.stslens.engine.dane.DnssecChain;
import org.stslens.engine.dane.DnssecStatus;
import org.stslens.engine.dane.TlsaDiscovery;
import org.stslens.engine.dane.TlsaMatch;
import org.stslens.engine.dane.TlsaRecord;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.report.TryCommands;

/**
 * The words of the DANE section of an MX page, from the host's {@link DaneResult}: no JavaFX, so
 * the tests read exactly what the screen shows.
 */
final class DaneRows {

  /** Data longer than this is shortened in the table (the full value is in the tooltip). */
  private static final int SHORT = 16;

  private DaneRows() {}

  /**
   * One line of the TLSA table: a record, and how it fared against one address.
   *
   * @param record the record as published
   * @param address the address whose chain it was matched against, or empty when none was
   * @param result matched, not matched, unusable; empty when it was not matched at all
   * @param why in words
   */
  record Row(TlsaRecord record, String address, Optional<TlsaMatch.Result> result, String why) {

    String usage() {
      return usageWord(record.usage());
    }

    String selector() {
      return switch (record.selector()) {
        case 0 -> "0 full certificate";
        case 1 -> "1 public key";
        default -> record.selector() + " unknown";
      };
    }

    String matchingType() {
      return switch (record.matchingType()) {
        case 0 -> "0 exact";
        case 1 -> "1 SHA-256";
        case 2 -> "2 SHA-512";
        default -> record.matchingType() + " unknown";
      };
    }

    String shortData() {
      String hex = record.hex();
      return hex.length() <= SHORT
          ? hex
          : hex.substring(0, SHORT / 2) + "…" + hex.substring(hex.length() - SHORT / 2);
    }

    String resultWord() {
      return result.map(DaneRows::resultWord).orElse("not matched");
    }

    /** The row in one line, with why: the text under the table, where it can wrap. */
    String line(boolean withAddress) {
      return record.usage()
          + " "
          + record.selector()
          + " "
          + record.matchingType()
          + " "
          + shortData()
          + (withAddress && !address.isEmpty() ? " at " + address : "")
          + ": "
          + resultWord()
          + (why.isEmpty() ? "" : ", " + why);
    }
  }

  /** DANE has something to show: TLSA records, or an answer that failed validation. */
  static boolean applies(DaneResult d) {
    TlsaDiscovery t = d.tlsa();
    return !t.resolverStripsDnssec()
        && (!t.records().isEmpty() || t.dnssec() == DnssecStatus.BOGUS);
  }

  /** The one quiet line shown instead of the section when DANE does not apply. */
  static String quietLine(DaneResult d) {
    TlsaDiscovery t = d.tlsa();
    if (t.resolverStripsDnssec()) {
      return "DANE: not known from here. The DNS server asked gives no DNSSEC signatures (a"
          + " resolver that strips DNSSEC records, or a server of unsigned zones such as the lab's"
          + " worlds other than dane-*), so no TLSA answer can be validated through it; try a"
          + " validating resolver to see what a DANE sender sees.";
    }
    if (t.dnssec() == DnssecStatus.INDETERMINATE) {
      return "DANE: the TLSA look-up of "
          + t.name()
          + " reached no DNSSEC conclusion"
          + (t.reason().isEmpty() ? "" : " (" + t.reason() + ")")
          + ". Senders apply MTA-STS.";
    }
    return "DANE: no TLSA records at "
        + t.name()
        + " ("
        + t.dnssec().word()
        + " answer), so DANE does not apply to this host: every sender applies MTA-STS.";
  }

  /** The DNSSEC status of the TLSA answer in words, with the validator's reason. */
  static String dnssec(TlsaDiscovery t) {
    String words =
        switch (t.dnssec()) {
          case SECURE -> "secure: signed, and validated from the trust anchor down";
          case INSECURE ->
              "insecure: the zone is provably not signed, so DANE senders ignore these records";
          case BOGUS ->
              "bogus: the signatures did not validate, so a DANE sender defers mail to this host";
          case INDETERMINATE -> "indeterminate: validation reached no conclusion";
        };
    return t.reason().isEmpty() ? words : words + " (" + t.reason() + ")";
  }

  /**
   * The MX host's CNAME expansion and which name became the TLSA base domain (RFC 7672 §2.2.2);
   * empty when the MX host is no alias.
   */
  static Optional<String> alias(TlsaDiscovery t) {
    if (t.mxAliases().size() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        String.join(" → ", t.mxAliases())
            + (t.usesExpandedName()
                ? ": every CNAME is secure, so the TLSA records are looked up at " + t.baseDomain()
                : t.expandedSecurely()
                    ? ": every CNAME is secure, but the expanded name has no TLSA records, so"
                        + " those of the MX host name "
                        + t.baseDomain()
                        + " apply"
                    : ": not every CNAME is secure, so the TLSA records stay at the MX host name "
                        + t.baseDomain())
            + " (RFC 7672 §2.2.2)");
  }

  /**
   * The chain of trust as the validator walked it, one line per zone from the anchor down and where
   * it ended last; empty when the look-up never reached the validator's walk.
   */
  static List<String> chain(TlsaDiscovery t) {
    return t.chain().zones().isEmpty() ? List.of() : t.chain().lines();
  }

  /**
   * One zone of the chain of trust, as the small table shows it.
   *
   * @param zone the zone name
   * @param ds its DS records (tag / algorithm / digest type) and where they came from
   * @param keys its DNSKEY records (tag / algorithm, KSK or ZSK)
   * @param signatures which of its answers carried RRSIGs
   */
  record ChainRow(String zone, String ds, String keys, String signatures) {}

  static List<ChainRow> chainRows(TlsaDiscovery t) {
    List<ChainRow> rows = new ArrayList<>();
    for (DnssecChain.Zone z : t.chain().zones()) {
      String ds =
          z.dsDenied()
              ? "none (the parent proves there is no DS)"
              : z.ds().isEmpty()
                  ? "–"
                  : String.join(
                          ", ",
                          z.ds().stream()
                              .map(d -> d.keyTag() + " / " + d.algorithm() + " / " + d.digestType())
                              .toList())
                      + (z.fromAnchor() ? " (trust anchor)" : "");
      String keys =
          z.keys().isEmpty()
              ? "–"
              : String.join(
                  ", ",
                  z.keys().stream()
                      .map(k -> k.keyTag() + " / " + k.algorithm() + " " + k.role())
                      .toList());
      List<String> signed = new ArrayList<>();
      if (z.dsSigned()) {
        signed.add("DS");
      }
      if (z.keysSigned()) {
        signed.add("DNSKEY");
      }
      rows.add(
          new ChainRow(z.name(), ds, keys, signed.isEmpty() ? "none" : String.join(", ", signed)));
    }
    return rows;
  }

  /** Where the chain ended, as the validator concluded, and how many queries it took. */
  static String chainEnd(TlsaDiscovery t) {
    int q = t.chain().queries();
    int rt = t.chain().roundTrips();
    return "Ended: "
        + t.chain().endLine(false)
        + " ("
        + q
        + " quer"
        + (q == 1 ? "y" : "ies")
        + " in "
        + rt
        + " round trip"
        + (rt == 1 ? "" : "s")
        + ")";
  }

  static String verdict(DaneVerdict v) {
    return switch (v) {
      case PASS -> "pass: a DANE sender delivers to this host";
      case FAIL -> "fail: a DANE sender will not deliver to this host";
      case NONE -> "none: DANE does not apply (no secure, usable TLSA records)";
    };
  }

  static String resultWord(TlsaMatch.Result r) {
    return switch (r) {
      case MATCHED -> "matched";
      case NOT_MATCHED -> "did not match";
      case UNUSABLE -> "unusable";
    };
  }

  static String usageWord(int usage) {
    return switch (usage) {
      case 0 -> "0 PKIX-TA";
      case 1 -> "1 PKIX-EE";
      case 2 -> "2 DANE-TA";
      case 3 -> "3 DANE-EE";
      default -> usage + " unknown";
    };
  }

  /**
   * The TLSA table: every record against every address that completed a session; when none was
   * matched (unsigned zone, bogus answer, no session), each record once with the reason.
   */
  static List<Row> rows(DaneResult d) {
    List<Row> rows = new ArrayList<>();
    for (DaneResult.EndpointMatch e : d.endpoints()) {
      for (TlsaMatch m : e.matches()) {
        rows.add(new Row(m.record(), e.address(), Optional.of(m.result()), m.why()));
      }
    }
    if (rows.isEmpty()) {
      String why =
          switch (d.tlsa().dnssec()) {
            case INSECURE -> "the zone is not signed: DANE senders ignore this record";
            case BOGUS -> "the answer failed DNSSEC validation";
            case INDETERMINATE -> "no DNSSEC conclusion";
            case SECURE -> "no TLS session to match it against";
          };
      for (TlsaRecord r : d.tlsa().records()) {
        rows.add(new Row(r, "", Optional.empty(), why));
      }
    }
    return rows;
  }

  /**
   * Which policy applies, in one sentence: a sender that supports both applies DANE first where the
   * TLSA records are secure (RFC 8461 §2); an MTA-STS-only sender applies MTA-STS.
   */
  static String whichApplies(MxReport m, DaneResult d) {
    if (d.verdict() == DaneVerdict.NONE) {
      return "No secure, usable TLSA records: a sender that supports both applies MTA-STS here,"
          + " like an MTA-STS-only sender.";
    }
    boolean stsDelivers = m.verdict() == MxVerdict.DELIVER || m.verdict() == MxVerdict.REPORT;
    boolean stsRefuses = m.verdict() == MxVerdict.REFUSE;
    boolean danePasses = d.verdict() == DaneVerdict.PASS;
    String first = "A sender that supports both applies DANE first (RFC 8461 §2)";
    if (danePasses && stsRefuses) {
      return "MTA-STS refuses this host but DANE validates it. "
          + first
          + " and delivers; an MTA-STS-only sender refuses.";
    }
    if (!danePasses && stsDelivers) {
      return "MTA-STS accepts this host but DANE fails. "
          + first
          + " and will not deliver; an MTA-STS-only sender delivers.";
    }
    if (danePasses && stsDelivers) {
      return "MTA-STS and DANE agree. " + first + " and delivers, as an MTA-STS-only sender does.";
    }
    if (stsRefuses) {
      return "MTA-STS and DANE both fail: no sender delivers to this host.";
    }
    return first
        + ": DANE "
        + d.verdict().word()
        + "; MTA-STS could not judge this host ("
        + MxRows.verdict(m.verdict())
        + ").";
  }

  /**
   * The equivalent commands: the TLSA query with DNSSEC records, and the STARTTLS handshake checked
   * against the published records (one {@code -dane_tlsa_rrdata} per record).
   */
  static List<String> commands(MxReport m, DaneResult d, TryCommands commands) {
    String host = m.host();
    String name = d.tlsa().name();
    List<String> out = new ArrayList<>();
    out.add(
        commands.lab().isEmpty()
            ? "dig +dnssec TLSA " + name
            : commands.dig(name, "TLSA").replaceFirst("^dig ", "dig +dnssec "));
    if (d.tlsa().records().isEmpty()) {
      return out;
    }
    StringBuilder rrdata = new StringBuilder();
    for (TlsaRecord r : d.tlsa().records()) {
      rrdata.append(" -dane_tlsa_rrdata \"").append(r.text()).append('"');
    }
    Optional<InetAddress> address = m.addresses().stream().findFirst();
    String connect =
        commands.lab().isEmpty() || address.isEmpty()
            ? "openssl s_client -connect " + host + ":25 -starttls smtp"
            : commands.openssl(host, address.get());
    // the reference name of DANE-TA checks is the TLSA base domain (the MX host unless aliased)
    out.add(connect + " -dane_tlsa_domain " + d.tlsa().baseDomain() + rrdata);
    return out;
  }
}
