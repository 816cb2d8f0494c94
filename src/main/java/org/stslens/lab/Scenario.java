package org.stslens.lab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stslens.engine.check.DomainNameInput;

/**
 * One lab scenario, read from {@code org/stslens/lab/scenarios/<id>.json}: a small world of DNS,
 * HTTPS and SMTP servers, the verdict the engine must reach in it, and the story behind it. The
 * schema, documented in {@code docs/lab-scenarios.md}:
 *
 * <ul>
 *   <li>{@code id} kebab-case, equal to the file name; {@code title} one line; {@code story} with
 *       {@code whatWentWrong}, {@code howItHappens}, {@code howToFix};
 *   <li>{@code domain} the domain to check, {@code <id>.lab.example};
 *   <li>{@code dns}: {@code txt} (name → records), {@code a} (name → address token: {@code
 *       policy-host}, {@code mx1}, {@code mx2}... or a literal loopback IPv4), {@code cname} (name
 *       → target), the faults {@code servfail}, {@code truncate}, {@code drop} (lists of names),
 *       {@code nullMx} (publish the null MX {@code 0 .}) and {@code foreignAnswers} (name → records
 *       in presentation form, {@code "unrelated.example. TXT \"v=STSv1; id=999\""}: added to every
 *       answer for that name, like a broken or spoofing server that answers with another name's
 *       records), {@code stalledA} (name → further address tokens, usually {@code spare1}...,
 *       published as A records of that name, where the lab accepts connections on port 443 and
 *       never answers; in the interop suite nothing listens there). MX records and the A records of
 *       MX hosts come from {@code mx};
 *   <li>{@code policyHost} (absent: no HTTPS server): {@code status} (200), {@code contentType}
 *       ({@code text/plain}), {@code body}, {@code headers}, {@code redirectTo}, {@code delayMs},
 *       {@code stall}, {@code sizeBytes} (pads the body with comment lines up to this size), {@code
 *       certificate} (a {@link CertificateKind} word, default {@code valid}), {@code reason} (the
 *       status line's reason phrase, default the usual one for the status);
 *   <li>{@code mx}: hosts in order ({@code mx1}, {@code mx2}...) with {@code name}, {@code
 *       preference}, {@code starttls} ({@code true}, {@code false} or {@code "refused"}), {@code
 *       certificate}, {@code portClosed}, {@code greeting} (SMTP code, default 220), {@code
 *       noAddress} (the MX record without an A record), {@code ehlo} (a 5xx code answering EHLO and
 *       HELO);
 *   <li>{@code slowThresholdMs} optional: the fetch time above which {@code fetch.slow} is
 *       reported;
 *   <li>{@code expect}: {@code verdict} (a checks.md word), {@code mx} (host → deliver, refuse,
 *       report or unreachable), {@code codes} (code ids that must all be present), {@code senders}
 *       (profile id, or {@code *} for every other profile → {@link SenderExpect});
 *   <li>{@code fix} optional: {@code description} plus replacements for {@code dns}, {@code
 *       policyHost} and/or {@code mx}, and the {@code expect} of the fixed world.
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Scenario(
    String id,
    String title,
    Story story,
    String domain,
    Dns dns,
    PolicyHost policyHost,
    List<MxHost> mx,
    Integer slowThresholdMs,
    Expect expect,
    Fix fix) {

  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(domain, "domain");
    String written = domain;
    if (!DomainNameInput.normalize(domain).map(written::equals).orElse(false)) {
      throw new IllegalArgumentException(
          "scenario " + id + ": the domain \"" + domain + "\" is not a normalised domain name");
    }
    Objects.requireNonNull(expect, "expect");
    dns =
        dns == null
            ? new Dns(null, null, null, null, null, null, false, null, null, null, null, false)
            : dns;
    mx = mx == null ? List.of() : List.copyOf(mx);
  }

  /** The scenario with its fix applied; itself when it has no fix. */
  public Scenario fixed() {
    if (fix == null) {
      return this;
    }
    PolicyHost fixedHost = fix.policyHost() != null ? fix.policyHost() : policyHost;
    Dns fixedDns = fix.dns() != null ? fix.dns() : dns;
    if (policyTextChanged(policyHost, fixedHost)
        && Objects.equals(stsRecords(dns), stsRecords(fixedDns))) {
      // A changed policy is published under a new id (RFC 8461 §8.1): a lab that kept the old one
      // would teach the mistake that senders never fetch the new text.
      fixedDns = fixedDns.withStsIdSuffix("_mta-sts." + domain, "fixed");
    }
    return new Scenario(
        id,
        title,
        story,
        domain,
        fixedDns,
        fixedHost,
        fix.mx() != null ? fix.mx() : mx,
        slowThresholdMs,
        fix.expect(),
        null);
  }

  private List<String> stsRecords(Dns d) {
    return d.txt().getOrDefault("_mta-sts." + domain, List.of());
  }

  private static boolean policyTextChanged(PolicyHost before, PolicyHost after) {
    if (before == null || after == null) {
      return false;
    }
    return !Objects.equals(before.body(), after.body())
        || !Objects.equals(before.sizeBytes(), after.sizeBytes());
  }

  /** What went wrong, how it happens in real life and how to fix it. */
  public record Story(String whatWentWrong, String howItHappens, String howToFix) {}

  /** The DNS data and faults. */
  public record Dns(
      Map<String, List<String>> txt,
      Map<String, String> a,
      Map<String, String> cname,
      List<String> servfail,
      List<String> truncate,
      List<String> drop,
      // the null MX "0 ." of RFC 7505; next to entries in "mx" it is the forbidden mixed case
      boolean nullMx,
      Map<String, List<String>> foreignAnswers,
      Map<String, List<String>> stalledA,
      // DNSSEC of the scenario's zone under the lab's signed parent: signed, unsigned or
      // bogus-tlsa (signed, the TLSA signatures broken); absent: no DNSSEC records at all
      String dnssec,
      // name -> TLSA records "USAGE SELECTOR TYPE WHAT", WHAT = mx1, mx2... (that host's
      // certificate), ca (the lab CA), retired (a certificate no server uses) or hex data
      Map<String, List<String>> tlsa,
      // MX answers carry their targets' A/AAAA in the additional section (a caching resolver)
      boolean additionalAddresses) {
    public Dns {
      if (dnssec != null) {
        LabDnssec.Mode.parse(dnssec); // rejects unknown words when the catalog loads
      }
      tlsa = tlsa == null ? Map.of() : Map.copyOf(tlsa);
      stalledA = stalledA == null ? Map.of() : Map.copyOf(stalledA);
      txt = txt == null ? Map.of() : Map.copyOf(txt);
      a = a == null ? Map.of() : Map.copyOf(a);
      cname = cname == null ? Map.of() : Map.copyOf(cname);
      servfail = servfail == null ? List.of() : List.copyOf(servfail);
      truncate = truncate == null ? List.of() : List.copyOf(truncate);
      drop = drop == null ? List.of() : List.copyOf(drop);
      foreignAnswers = foreignAnswers == null ? Map.of() : Map.copyOf(foreignAnswers);
    }

    /**
     * The same records with {@code suffix} appended to every well-formed {@code id=} of the TXT
     * records at {@code name} (cut to the 32 characters an id may have).
     */
    Dns withStsIdSuffix(String name, String suffix) {
      Map<String, List<String>> changed = new java.util.LinkedHashMap<>(txt);
      changed.computeIfPresent(
          name,
          (n, records) ->
              records.stream()
                  .map(
                      r ->
                          java.util.regex.Pattern.compile("id=([A-Za-z0-9]{1,32})(?![A-Za-z0-9])")
                              .matcher(r)
                              .replaceAll(
                                  m -> {
                                    String old = m.group(1);
                                    String next =
                                        (old + suffix)
                                            .substring(
                                                0, Math.min(32, old.length() + suffix.length()));
                                    if (next.equals(old)) { // 32 characters already
                                      next = old.substring(0, 31) + (old.endsWith("x") ? "y" : "x");
                                    }
                                    return "id=" + next;
                                  }))
                  .toList());
      return new Dns(
          changed,
          a,
          cname,
          servfail,
          truncate,
          drop,
          nullMx,
          foreignAnswers,
          stalledA,
          dnssec,
          tlsa,
          additionalAddresses);
    }
  }

  /** The HTTPS server at {@code mta-sts.<domain>}. */
  public record PolicyHost(
      Integer status,
      String contentType,
      String body,
      Map<String, String> headers,
      String redirectTo,
      Integer delayMs,
      boolean stall,
      Integer sizeBytes,
      String certificate,
      String reason) {
    public PolicyHost {
      status = status == null ? 200 : status;
      contentType = contentType == null ? "text/plain" : contentType;
      body = body == null ? "" : body;
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      certificate = certificate == null ? "valid" : certificate;
    }

    /**
     * The body as served: {@link #body()}, padded with comment lines up to {@link #sizeBytes()}.
     */
    public String servedBody() {
      if (sizeBytes == null) {
        return body;
      }
      StringBuilder padded = new StringBuilder(body);
      while (padded.length() < sizeBytes) {
        padded.append("# padding that makes the policy larger than 64 KiB\r\n");
      }
      return padded.toString();
    }
  }

  /** One MX host: its MX record and its SMTP server. */
  public record MxHost(
      String name,
      Integer preference,
      String starttls,
      String certificate,
      boolean portClosed,
      Integer greeting,
      // the MX record without any A record for its name (NXDOMAIN), and no server
      boolean noAddress,
      // answer EHLO and HELO with this 5xx code instead of 250 (absent: accept them)
      Integer ehlo,
      // drip what the server sends, one byte a second, from "handshake" (the ClientHello) or
      // "ehlo-after-tls" (the first record after the handshake) on; absent: no drip
      String drip) {
    public MxHost {
      Objects.requireNonNull(name, "name");
      if (ehlo != null && (ehlo < 500 || ehlo > 599)) {
        throw new IllegalArgumentException("ehlo must be a 5xx code: " + ehlo);
      }
      if (drip != null) {
        DripRelay.Drip.of(drip); // rejects unknown words when the catalog loads
      }
      preference = preference == null ? 10 : preference;
      starttls = starttls == null ? "true" : starttls;
      certificate = certificate == null ? "valid" : certificate;
      greeting = greeting == null ? 220 : greeting;
    }
  }

  /** The engine's expected outcome. */
  public record Expect(
      String verdict,
      Map<String, String> mx,
      List<String> codes,
      Map<String, SenderExpect> senders,
      // MX host -> its DANE result; absent hosts must have DANE verdict none and no dane finding
      Map<String, DaneExpect> dane) {
    public Expect {
      Objects.requireNonNull(verdict, "verdict");
      mx = mx == null ? Map.of() : Map.copyOf(mx);
      codes = codes == null ? List.of() : List.copyOf(codes);
      senders = senders == null ? Map.of() : Map.copyOf(senders);
      dane = dane == null ? Map.of() : Map.copyOf(dane);
    }

    public Expect(
        String verdict, Map<String, String> mx, List<String> codes, Map<String, SenderExpect> s) {
      this(verdict, mx, codes, s, null);
    }

    public Expect(String verdict, Map<String, String> mx, List<String> codes) {
      this(verdict, mx, codes, null, null);
    }
  }

  /**
   * The DANE result of one MX host (docs/report-format.md, Dane).
   *
   * @param verdict pass, fail or none
   * @param dnssec secure, insecure, bogus or indeterminate
   * @param codes dane.* codes that must all be present
   */
  public record DaneExpect(String verdict, String dnssec, List<String> codes) {
    public DaneExpect {
      Objects.requireNonNull(verdict, "verdict");
      codes = codes == null ? List.of() : List.copyOf(codes);
    }
  }

  /**
   * What one real sender does (docs/report-format.md, Sender), keyed by its profile id.
   *
   * @param applies {@code enforce}, {@code testing}, {@code none}, {@code no-policy}, {@code
   *     unknown}
   * @param delivers true, false, or null for "not known from here"
   * @param mx outcome per MX host, only the hosts named are checked
   */
  public record SenderExpect(String applies, Boolean delivers, Map<String, String> mx) {
    public SenderExpect {
      Objects.requireNonNull(applies, "applies");
      mx = mx == null ? Map.of() : Map.copyOf(mx);
    }
  }

  /** The same world with the mistake corrected. */
  public record Fix(
      String description, Dns dns, PolicyHost policyHost, List<MxHost> mx, Expect expect) {
    public Fix {
      Objects.requireNonNull(expect, "fix.expect");
    }
  }

  /** The certificates a server of the lab can present. */
  public enum CertificateKind {
    VALID,
    EXPIRED,
    NOT_YET_VALID,
    WRONG_NAME,
    SELF_SIGNED,
    UNKNOWN_CA,
    MISSING_INTERMEDIATE,
    WILDCARD,
    WILDCARD_OF_DOMAIN,
    EXPIRING_SOON,
    CLIENT_AUTH_ONLY,
    CA_LEAF,
    SHA1_SIGNED;

    /** Parses {@code not-yet-valid} and the like. */
    public static CertificateKind parse(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }
}
