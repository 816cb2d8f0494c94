package org.stslens.engine.dane;

import java.util.List;
import java.util.Locale;

/**
 * The chain of trust the validator walked for one TLSA look-up, from the trust anchor down, as it
 * was asked and answered (see {@link ChainOfTrust}). Only {@link #end()} says whether anything is
 * secure, and it is the validator's conclusion: the zones are what was seen, not a verdict.
 *
 * @param zones the zones from the anchor down, shallowest first
 * @param end where the chain ended: secure to the TLSA RRset, insecure, bogus or indeterminate
 * @param endZone the zone where it ended (the signer for secure and bogus, the delegation without
 *     DS for insecure); empty when not known
 * @param reason the validator's reason, for insecure, bogus and indeterminate; may be empty
 * @param queries the queries the validator sent (DS, DNSKEY and the answers themselves)
 * @param roundTrips of those, how many waited for one another: the look-up's length in round trips
 */
public record DnssecChain(
    List<Zone> zones,
    DnssecStatus end,
    String endZone,
    String reason,
    int queries,
    int roundTrips) {

  public DnssecChain {
    zones = List.copyOf(zones);
    endZone = endZone == null ? "" : endZone;
    reason = reason == null ? "" : reason;
  }

  /** No chain: the look-up failed before the validator asked anything. */
  public static DnssecChain none(DnssecStatus end, String reason) {
    return new DnssecChain(List.of(), end, "", reason, 0, 0);
  }

  /**
   * One zone on the way down.
   *
   * @param name the zone's name, with the trailing dot
   * @param fromAnchor its DS (or DNSKEY) records are the configured trust anchor
   * @param ds the DS records (from the anchor, or the parent's answer)
   * @param dsSigned the parent's DS answer carried an RRSIG (false for the anchor's own)
   * @param dsDenied the DS question was answered without DS: no secure delegation
   * @param keys the zone's DNSKEY records as answered
   * @param keysSigned the DNSKEY answer carried an RRSIG over the DNSKEY RRset
   */
  public record Zone(
      String name,
      boolean fromAnchor,
      List<Ds> ds,
      boolean dsSigned,
      boolean dsDenied,
      List<Key> keys,
      boolean keysSigned) {
    public Zone {
      ds = List.copyOf(ds);
      keys = List.copyOf(keys);
    }

    /** One line: {@code example. DS 20326/8/2 (anchor); DNSKEY 20326/8 KSK; RRSIG yes}. */
    public String line() {
      StringBuilder out = new StringBuilder(name);
      if (dsDenied) {
        out.append("  no DS at the parent");
      } else if (!ds.isEmpty()) {
        out.append("  DS ")
            .append(String.join(", ", ds.stream().map(Ds::text).toList()))
            .append(fromAnchor ? " (trust anchor)" : dsSigned ? " (signed)" : " (unsigned)");
      }
      if (!keys.isEmpty()) {
        out.append("  DNSKEY ")
            .append(String.join(", ", keys.stream().map(Key::text).toList()))
            .append(keysSigned ? " (RRSIG present)" : " (no RRSIG)");
      }
      return out.toString();
    }
  }

  /** A DS record: key tag, algorithm, digest type (RFC 4034 §5.1). */
  public record Ds(int keyTag, int algorithm, int digestType) {
    public String text() {
      return "tag " + keyTag + " alg " + algorithm + " digest " + digestType;
    }
  }

  /** A DNSKEY record: key tag, algorithm, flags (257 = KSK, 256 = ZSK; RFC 4034 §2.1.1). */
  public record Key(int keyTag, int algorithm, int flags) {

    /** The Secure Entry Point flag marks a key-signing key. */
    public boolean ksk() {
      return (flags & 0x0001) != 0;
    }

    public String role() {
      return ksk() ? "KSK" : "ZSK";
    }

    public String text() {
      return "tag " + keyTag + " alg " + algorithm + " " + role();
    }
  }

  /** {@code secure to the TLSA RRset}, {@code insecure at lab.example.}... with the reason. */
  public String endLine() {
    return endLine(true);
  }

  /**
   * Where the chain ended, in words.
   *
   * @param withReason false where the validator's reason is shown beside it already
   */
  public String endLine(boolean withReason) {
    String at = endZone.isEmpty() ? "" : " at " + endZone;
    String why = reason.isEmpty() || !withReason ? "" : " (" + reason + ")";
    return switch (end) {
      case SECURE -> "secure to the TLSA RRset" + at;
      case INSECURE -> "insecure" + at + (endZone.isEmpty() ? "" : ": no DS") + why;
      case BOGUS -> "bogus" + at + why;
      case INDETERMINATE -> "indeterminate" + why;
    };
  }

  /**
   * The chain as lines, one per zone and the end last: what the screens and reports show, beside
   * the DNSSEC status and its reason (not repeated here).
   */
  public List<String> lines() {
    List<String> out = new java.util.ArrayList<>(zones.stream().map(Zone::line).toList());
    out.add(
        "→ "
            + endLine(false)
            + " · "
            + queries
            + " quer"
            + (queries == 1 ? "y" : "ies")
            + " in "
            + roundTrips
            + " round trip"
            + (roundTrips == 1 ? "" : "s"));
    return List.copyOf(out);
  }

  /** {@code secure}... as in JSON. */
  public String endWord() {
    return end.name().toLowerCase(Locale.ROOT);
  }
}
