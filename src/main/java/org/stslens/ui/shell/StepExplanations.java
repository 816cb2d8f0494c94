package org.stslens.ui.shell;

import org.stslens.engine.finding.CheckStage;

/** What a sending mail server does next, and why: shown before each stage in step-by-step mode. */
final class StepExplanations {

  private StepExplanations() {}

  static String title(CheckStage stage) {
    return switch (stage) {
      case DISCOVERY -> "Step 1 — Discovery: ask DNS";
      case RETRIEVAL -> "Step 2 — Retrieval: fetch the policy over HTTPS";
      case POLICY -> "Step 3 — Read the policy";
      case MX -> "Step 4 — Connect to each MX host";
      case TLSRPT -> "TLS reporting: where failures are reported";
    };
  }

  static String text(CheckStage stage, String domain) {
    return switch (stage) {
      case DISCOVERY ->
          "Before delivering mail to "
              + domain
              + ", a sending server asks DNS for a TXT record at _mta-sts."
              + domain
              + ". If it reads \"v=STSv1; id=…\", the domain has an MTA-STS policy; the id tells"
              + " the sender whether its cached copy is still current. It also looks up the MX"
              + " records: the hosts it will deliver to. DNSSEC is not needed for any of this.";
      case RETRIEVAL ->
          "The sender now fetches the policy itself: https://mta-sts."
              + domain
              + "/.well-known/mta-sts.txt, over HTTPS on port 443 — never over SMTP, because an"
              + " attacker on the mail path could strip it there. The certificate must be valid"
              + " for mta-sts."
              + domain
              + ", and redirects are never followed.";
      case POLICY ->
          "The policy is a few \"key: value\" lines: version STSv1; mode enforce, testing or"
              + " none; one mx line per allowed mail server pattern; max_age, how long senders"
              + " may cache it. The sender parses it strictly: a broken policy counts as no"
              + " policy.";
      case MX ->
          "Now the sender connects to each MX host on port 25, checks that its name matches an"
              + " mx pattern of the policy, asks for STARTTLS and requires a certificate valid for"
              + " the MX name from a trusted CA. Under enforce, a host that fails is refused;"
              + " under testing, mail is delivered and the failure reported. This is how the"
              + " sender protects "
              + domain
              + "'s inbound mail.";
      case TLSRPT ->
          "Senders report TLS failures daily to the addresses in the TXT record at _smtp._tls."
              + domain
              + " (RFC 8460). Without it, the domain owner never hears that a sender refused"
              + " to deliver.";
    };
  }
}
