package org.stslens.ui.learn;

import java.util.List;
import java.util.Objects;

/** The words a newcomer meets in STS Lens, each explained in one or two plain sentences. */
public final class Glossary {

  /** One glossary entry. */
  public record Entry(String term, String definition) {
    public Entry {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(definition, "definition");
    }
  }

  private Glossary() {}

  /** The entries, in the order a reader meets the words. */
  public static List<Entry> entries() {
    return List.of(
        new Entry(
            "MTA",
            "Mail transfer agent: a server that passes e-mail on to the next server (Postfix,"
                + " Exchange, Gmail's outbound servers). MTA-STS is about the hop between two MTAs."),
        new Entry(
            "MX",
            "Mail exchanger: the DNS record that names the hosts accepting mail for a domain, and"
                + " those hosts themselves. Sending servers connect to them on port 25."),
        new Entry(
            "STARTTLS",
            "The SMTP command that turns a plain connection on port 25 into an encrypted one."
                + " Without MTA-STS an attacker can remove it from the server's reply unnoticed."),
        new Entry(
            "Opportunistic TLS",
            "How mail servers use STARTTLS by default: encrypt if possible, otherwise deliver in"
                + " clear, and accept any certificate. It stops eavesdroppers, not attackers in the"
                + " middle."),
        new Entry(
            "MTA-STS",
            "SMTP MTA Strict Transport Security (RFC 8461): a domain announces that its MX hosts"
                + " support TLS with valid certificates, so senders refuse to deliver otherwise."),
        new Entry(
            "Policy id",
            "The id in the _mta-sts TXT record (1 to 32 letters or digits). Senders keep a policy"
                + " cached and fetch it again only when the id changes."),
        new Entry(
            "Mode: enforce, testing, none",
            "enforce: senders refuse to deliver without valid TLS to a listed MX. testing: they"
                + " deliver anyway but report failures through TLS-RPT. none: the policy is"
                + " withdrawn."),
        new Entry(
            "max_age",
            "How long, in seconds, senders may keep the policy cached (at most 31557600, one year)."
                + " A week or more is usual, so an attacker cannot simply wait for it to expire."),
        new Entry(
            "SNI",
            "Server Name Indication: the host name a client sends when it starts TLS, so the server"
                + " can present the right certificate. Needed for mta-sts.<domain> on shared"
                + " hosting."),
        new Entry(
            "PKIX / certificate chain",
            "The usual way certificates are trusted: the server's certificate is signed by an"
                + " intermediate, which is signed by a root CA the client trusts. Every link must be"
                + " valid and unexpired."),
        new Entry(
            "SAN",
            "Subject Alternative Name: the list of host names a certificate is valid for. The MX or"
                + " policy host name must be in it; a wildcard covers exactly one label."),
        new Entry(
            "TLS-RPT",
            "SMTP TLS Reporting (RFC 8460): a TXT record at _smtp._tls.<domain> gives an address"
                + " where senders mail daily reports of TLS successes and failures."),
        new Entry(
            "DANE",
            "DNS-based Authentication of Named Entities: the other way to require TLS for mail. It"
                + " pins the MX certificates in TLSA records and needs DNSSEC."),
        new Entry(
            "DNSSEC",
            "Signatures on DNS answers that prove they were not forged. MTA-STS does not need it,"
                + " because the HTTPS certificate authenticates the policy."));
  }
}
