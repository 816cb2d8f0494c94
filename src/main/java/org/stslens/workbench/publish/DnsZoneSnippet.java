package org.stslens.workbench.publish;

import java.util.Optional;

/** The DNS records of a policy domain in BIND zone file syntax. */
final class DnsZoneSnippet {

  private DnsZoneSnippet() {}

  static Snippet of(PolicyHost names, PolicyId id, Optional<String> tlsRptRua) {
    String tlsRpt =
        names.tlsRptName() + ".  3600  IN  TXT  \"" + names.tlsRptValue(tlsRptRua) + "\"\n";
    String text =
        "; MTA-STS records for "
            + names.domain()
            + " (BIND zone file syntax; names are absolute, note the final dots).\n"
            + "; Adapt: the TTLs, and the target of "
            + names.host()
            + " below.\n"
            + ";\n"
            + "; The policy indicator (RFC 8461 §3.1). Change the id every time the policy file"
            + " changes,\n"
            + "; and only after the new file is served.\n"
            + names.txtName()
            + ".  3600  IN  TXT  \"v=STSv1; id="
            + id.value()
            + "\"\n"
            + ";\n"
            + "; "
            + names.host()
            + " must reach the web server that serves the policy over HTTPS (RFC 8461 §3.3),\n"
            + "; with a certificate valid for that name. Uncomment and adapt one of:\n"
            + "; "
            + names.host()
            + ".  3600  IN  CNAME  web.example.net.\n"
            + "; "
            + names.host()
            + ".  3600  IN  A      192.0.2.10\n"
            + "; "
            + names.host()
            + ".  3600  IN  AAAA   2001:db8::10\n"
            + ";\n"
            + "; TLS reporting (RFC 8460 §3): where senders send daily reports of TLS failures.\n"
            + (tlsRptRua.isPresent()
                ? tlsRpt
                : "; Replace the address, then uncomment:\n; " + tlsRpt);
    return new Snippet("DNS zone file", "zone.txt", "dns", text);
  }
}
