package org.stslens.engine.dane;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Turns what a validator asked ({@link RecordingResolver}) into the {@link DnssecChain} of one
 * look-up. The zones are those on the way from an anchor down to the names looked up; the end is
 * the validator's status, never inferred from the records: a chain whose records look complete is
 * still shown bogus or insecure when the validator said so.
 */
final class ChainOfTrust {

  private ChainOfTrust() {}

  /**
   * @param names the names whose answers were validated (the TLSA name and its CNAME targets)
   * @param status what the validator concluded about the TLSA answer
   * @param reason the validator's reason, or the failure
   */
  static DnssecChain build(
      DaneTrustAnchors anchors,
      List<RecordingResolver.Exchange> exchanges,
      List<Name> names,
      DnssecStatus status,
      String reason) {
    Map<Name, List<Record>> anchorRecords = anchorRecords(anchors);
    Map<Name, Builder> zones = new LinkedHashMap<>();
    anchorRecords.forEach(
        (owner, records) -> {
          if (onPath(owner, names)) {
            Builder z = zones.computeIfAbsent(owner, Builder::new);
            z.fromAnchor = true;
            for (Record r : records) {
              if (r instanceof DSRecord ds) {
                z.ds.add(ds(ds));
              } else if (r instanceof DNSKEYRecord key) {
                z.keys.add(key(key));
              }
            }
          }
        });
    List<Name> deniedWithNs = new ArrayList<>();
    List<Name> denied = new ArrayList<>();
    for (RecordingResolver.Exchange e : exchanges) {
      if (!onPath(e.name(), names) || (e.type() != Type.DS && e.type() != Type.DNSKEY)) {
        continue;
      }
      if (e.type() == Type.DNSKEY) {
        List<Record> keys = ofType(e.answer(), e.name(), Type.DNSKEY);
        if (keys.isEmpty()) {
          continue;
        }
        Builder z = zones.computeIfAbsent(e.name(), Builder::new);
        z.keys.clear(); // what the zone answered, also where the anchor is one of its keys
        keys.forEach(r -> z.keys.add(key((DNSKEYRecord) r)));
        z.keysSigned |= signed(e.answer(), e.name(), Type.DNSKEY);
      } else {
        List<Record> ds = ofType(e.answer(), e.name(), Type.DS);
        if (ds.isEmpty() && e.rcode() >= 0) {
          denied.add(e.name());
          if (delegationProven(e.authority(), e.name())) {
            deniedWithNs.add(e.name());
          }
          continue;
        }
        Builder z = zones.computeIfAbsent(e.name(), Builder::new);
        if (!z.fromAnchor) {
          z.ds.clear();
          ds.forEach(r -> z.ds.add(ds((DSRecord) r)));
          z.dsSigned |= signed(e.answer(), e.name(), Type.DS);
        }
      }
    }
    String endZone = "";
    Optional<Name> deepestWithKeys =
        zones.values().stream()
            .filter(z -> !z.keys.isEmpty())
            .map(z -> z.name)
            .max(Comparator.comparingInt(Name::labels));
    switch (status) {
      case SECURE, BOGUS -> endZone = deepestWithKeys.map(Name::toString).orElse("");
      case INSECURE -> {
        // the insecure delegation: a denied DS whose NSEC shows a delegation (NS), else the
        // shallowest denial below the last zone with keys
        int below = deepestWithKeys.map(Name::labels).orElse(0);
        Optional<Name> cut =
            (deniedWithNs.isEmpty() ? denied : deniedWithNs)
                .stream()
                    .filter(n -> n.labels() > below)
                    .min(Comparator.comparingInt(Name::labels));
        if (cut.isPresent()) {
          Builder z = zones.computeIfAbsent(cut.get(), Builder::new);
          z.dsDenied = true;
          endZone = cut.get().toString();
        }
      }
      case INDETERMINATE -> endZone = "";
    }
    List<DnssecChain.Zone> out =
        zones.values().stream()
            .sorted(Comparator.comparingInt(z -> z.name.labels()))
            .map(Builder::build)
            .toList();
    int queries = exchanges.size();
    return new DnssecChain(
        out,
        status,
        endZone,
        status == DnssecStatus.SECURE ? "" : reason,
        queries,
        RecordingResolver.roundTrips(exchanges));
  }

  /** A name the validator asked about is on the path when it is an ancestor of a name looked up. */
  private static boolean onPath(Name zone, List<Name> names) {
    return names.stream().anyMatch(n -> n.subdomain(zone));
  }

  /** The NSEC at the name lists NS: the parent proves a delegation without DS (RFC 4035 §5.2). */
  private static boolean delegationProven(List<Record> authority, Name name) {
    return authority.stream()
        .anyMatch(r -> r instanceof NSECRecord n && n.getName().equals(name) && n.hasType(Type.NS));
  }

  private static List<Record> ofType(List<Record> records, Name name, int type) {
    return records.stream().filter(r -> r.getType() == type && r.getName().equals(name)).toList();
  }

  private static boolean signed(List<Record> records, Name name, int type) {
    return records.stream()
        .anyMatch(
            r ->
                r instanceof RRSIGRecord s
                    && s.getName().equals(name)
                    && s.getTypeCovered() == type);
  }

  private static DnssecChain.Ds ds(DSRecord r) {
    return new DnssecChain.Ds(r.getFootprint(), r.getAlgorithm(), r.getDigestID());
  }

  private static DnssecChain.Key key(DNSKEYRecord r) {
    return new DnssecChain.Key(r.getFootprint(), r.getAlgorithm(), r.getFlags());
  }

  private static Map<Name, List<Record>> anchorRecords(DaneTrustAnchors anchors) {
    Map<Name, List<Record>> out = new LinkedHashMap<>();
    try (Master master =
        new Master(
            new ByteArrayInputStream(anchors.zoneText().getBytes(StandardCharsets.US_ASCII)),
            Name.root,
            0)) {
      Record r;
      while ((r = master.nextRecord()) != null) {
        out.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
      }
    } catch (IOException | RuntimeException e) {
      // the validator rejected these anchors already; the chain then starts without them
    }
    return out;
  }

  private static final class Builder {
    private final Name name;
    private boolean fromAnchor;
    private final List<DnssecChain.Ds> ds = new ArrayList<>();
    private boolean dsSigned;
    private boolean dsDenied;
    private final List<DnssecChain.Key> keys = new ArrayList<>();
    private boolean keysSigned;

    Builder(Name name) {
      this.name = name;
    }

    DnssecChain.Zone build() {
      return new DnssecChain.Zone(
          name.toString(), fromAnchor, ds, dsSigned, dsDenied, keys, keysSigned);
    }
  }
}
