package org.stslens.engine.dane;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * RFC 7672 §2.2.2: when the MX host name is a CNAME alias, the TLSA base domain is the fully
 * CNAME-expanded name if every CNAME in the expansion is secure, and otherwise the original name
 * (an attacker who can forge an insecure CNAME must not choose the name whose TLSA records apply).
 * With a secure expansion but no TLSA records at the expanded name, senders look at the original
 * name next (Postfix does, and RFC 7672's author describes it so); {@link TlsaLookup} too.
 *
 * @param names the expansion, the MX host first; one name when it is no alias
 * @param secure every CNAME in it validated secure
 */
record MxAliases(List<Name> names, boolean secure) {

  MxAliases {
    names = List.copyOf(names);
  }

  /** The MX host alone: no alias, or its address look-up did not say. */
  static MxAliases none(Name host) {
    return new MxAliases(List.of(host), false);
  }

  /** The CNAME links from {@code host} in an answer, in order, the host first. */
  static List<Name> expansion(Message response, Name host) {
    List<Name> chain = new ArrayList<>(List.of(host));
    Name at = host;
    for (int links = 0; links < org.stslens.engine.dns.DnsClient.MAX_CNAME_LINKS; links++) {
      Name next = null;
      for (Record r : response.getSection(Section.ANSWER)) {
        if (r instanceof CNAMERecord c && r.getName().equals(at)) {
          next = c.getTarget();
        }
      }
      if (next == null || chain.contains(next)) {
        break;
      }
      chain.add(next);
      at = next;
    }
    return chain;
  }

  boolean isAlias() {
    return names.size() > 1;
  }

  /** The end of the expansion: the first TLSA base domain to try when {@link #secure()}. */
  Name expanded() {
    return names.get(names.size() - 1);
  }

  List<String> words() {
    return names.stream().map(MxAliases::strip).toList();
  }

  static String strip(Name n) {
    String s = n.toString();
    return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
  }
}
