package org.stslens.engine.check;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.stslens.engine.dane.DaneSettings;
import org.stslens.engine.dns.DnsSettings;
import org.stslens.engine.fetch.FetchSettings;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.tls.TrustAnchors;

/**
 * Everything a check can be told.
 *
 * @param dns which resolvers, timeout and retries
 * @param fetch policy fetch limits
 * @param smtpStepTimeout limit for each SMTP step (connect, greeting, each command, handshake)
 * @param trust the trust anchors for both the policy host and the MX hosts
 * @param portMap where connections to port 443 and 25 go (the standard ports, except in tests and
 *     the lab)
 * @param clock the time certificates are judged at
 * @param ehloName the name the probe announces in EHLO
 * @param checkTimeout the whole check of one domain: when it runs out, every open step is cancelled
 *     and the report says which did not finish (not applied when stepping through)
 * @param dane whether TLSA records are looked up and from which DNSSEC trust anchors
 */
public record CheckOptions(
    DnsSettings dns,
    FetchSettings fetch,
    Duration smtpStepTimeout,
    TrustAnchors trust,
    PortMap portMap,
    Clock clock,
    String ehloName,
    Duration checkTimeout,
    DaneSettings dane) {

  // The defaults of product.md, in one place: the command line, the desktop's settings and its
  // settings dialog all read them from here.

  /** Each DNS query (the resolver's own default). */
  public static final Duration DEFAULT_DNS_TIMEOUT = DnsSettings.DEFAULT_TIMEOUT;

  /** The whole policy fetch (RFC 8461 §3.3 suggests 60 s). */
  public static final Duration DEFAULT_FETCH_TIMEOUT = FetchSettings.DEFAULT_TOTAL_TIMEOUT;

  /** Each SMTP step (connect, greeting, each command, the handshake). */
  public static final Duration DEFAULT_SMTP_STEP_TIMEOUT = Duration.ofSeconds(30);

  /** Three minutes: the slowest honest check (60 s fetch, several 30 s SMTP steps) fits. */
  public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(180);

  public CheckOptions {
    Objects.requireNonNull(dns, "dns");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(smtpStepTimeout, "smtpStepTimeout");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(portMap, "portMap");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ehloName, "ehloName");
    Objects.requireNonNull(checkTimeout, "checkTimeout");
    Objects.requireNonNull(dane, "dane");
    if (checkTimeout.isNegative() || checkTimeout.isZero()) {
      throw new IllegalArgumentException("the check time limit must be positive");
    }
  }

  /** Options with DANE on, validated from the IANA root anchors. */
  public CheckOptions(
      DnsSettings dns,
      FetchSettings fetch,
      Duration smtpStepTimeout,
      TrustAnchors trust,
      PortMap portMap,
      Clock clock,
      String ehloName,
      Duration checkTimeout) {
    this(
        dns,
        fetch,
        smtpStepTimeout,
        trust,
        portMap,
        clock,
        ehloName,
        checkTimeout,
        DaneSettings.defaults());
  }

  /** Options with the default whole-check limit. */
  public CheckOptions(
      DnsSettings dns,
      FetchSettings fetch,
      Duration smtpStepTimeout,
      TrustAnchors trust,
      PortMap portMap,
      Clock clock,
      String ehloName) {
    this(dns, fetch, smtpStepTimeout, trust, portMap, clock, ehloName, DEFAULT_CHECK_TIMEOUT);
  }

  /** Production defaults for the given DNS settings: JDK trust store, standard ports. */
  public static CheckOptions defaults(DnsSettings dns) {
    return new CheckOptions(
        dns,
        FetchSettings.defaults(),
        DEFAULT_SMTP_STEP_TIMEOUT,
        TrustAnchors.jdkDefault(),
        PortMap.standard(),
        Clock.systemUTC(),
        "stslens.invalid");
  }

  public CheckOptions withTrust(TrustAnchors newTrust) {
    return new CheckOptions(
        dns, fetch, smtpStepTimeout, newTrust, portMap, clock, ehloName, checkTimeout, dane);
  }

  public CheckOptions withPortMap(PortMap newPortMap) {
    return new CheckOptions(
        dns, fetch, smtpStepTimeout, trust, newPortMap, clock, ehloName, checkTimeout, dane);
  }

  public CheckOptions withFetch(FetchSettings newFetch) {
    return new CheckOptions(
        dns, newFetch, smtpStepTimeout, trust, portMap, clock, ehloName, checkTimeout, dane);
  }

  public CheckOptions withSmtpStepTimeout(Duration timeout) {
    return new CheckOptions(
        dns, fetch, timeout, trust, portMap, clock, ehloName, checkTimeout, dane);
  }

  public CheckOptions withClock(Clock newClock) {
    return new CheckOptions(
        dns, fetch, smtpStepTimeout, trust, portMap, newClock, ehloName, checkTimeout, dane);
  }

  public CheckOptions withCheckTimeout(Duration timeout) {
    return new CheckOptions(
        dns, fetch, smtpStepTimeout, trust, portMap, clock, ehloName, timeout, dane);
  }

  public CheckOptions withDane(DaneSettings newDane) {
    return new CheckOptions(
        dns, fetch, smtpStepTimeout, trust, portMap, clock, ehloName, checkTimeout, newDane);
  }
}
