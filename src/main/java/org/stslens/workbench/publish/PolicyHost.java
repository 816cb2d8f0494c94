package org.stslens.workbench.publish;

import java.util.Optional;
import org.stslens.engine.check.DomainNameInput;

/**
 * The names a policy domain publishes under (RFC 8461 §3.1, §3.3), derived once from the domain so
 * that the TXT record, the snippets and the checklist can never disagree.
 *
 * @param domain the policy domain in A-labels, lower case, without trailing dot
 */
public record PolicyHost(String domain) {

  /**
   * Reads the domain as every entry field does ({@link DomainNameInput}): a pasted URL or address
   * gives its domain, an internationalised name its A-labels.
   *
   * @throws IllegalArgumentException when it is not a domain name, saying why
   */
  public PolicyHost {
    String written = domain;
    DomainNameInput.Reading reading = DomainNameInput.read(written);
    if (reading instanceof DomainNameInput.NotADomain not) {
      throw new IllegalArgumentException("Not a domain name: \"" + written + "\": " + not.reason());
    }
    domain = ((DomainNameInput.Domain) reading).ascii();
  }

  /** {@code mta-sts.<domain>}, the HTTPS host that serves the policy. */
  public String host() {
    return "mta-sts." + domain;
  }

  /** {@code _mta-sts.<domain>}, the owner name of the TXT record. */
  public String txtName() {
    return "_mta-sts." + domain;
  }

  /** {@code _smtp._tls.<domain>}, the owner name of the TLS-RPT record (RFC 8460 §3). */
  public String tlsRptName() {
    return "_smtp._tls." + domain;
  }

  /** {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}. */
  public String url() {
    return "https://" + host() + "/.well-known/mta-sts.txt";
  }

  /** The folder the web server snippets serve from; the file goes to {@code .well-known/}. */
  String webRoot() {
    return "/var/www/" + host();
  }

  /** The TLS-RPT record value for {@code rua}, or with a placeholder address to replace. */
  String tlsRptValue(Optional<String> rua) {
    return "v=TLSRPTv1; rua=" + rua.orElse(placeholderRua());
  }

  String placeholderRua() {
    return "mailto:tlsrpt@" + domain;
  }
}
