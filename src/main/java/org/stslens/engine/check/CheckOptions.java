package org.stslens.engine.check;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
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
 */
public record CheckOptions(
    DnsSettings dns,
    FetchSettings fetch,
    Duration smtpStepTimeout,
    TrustAnchors trust,
    PortMap portMap,
    Clock clock,
    String ehloName) {

  public static final Duration DEFAULT_SMTP_STEP_TIMEOUT = Duration.ofSeconds(30);

  public CheckOptions {
    Objects.requireNonNull(dns, "dns");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(smtpStepTimeout, "smtpStepTimeout");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(portMap, "portMap");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ehloName, "ehloName");
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
    return new CheckOptions(dns, fetch, smtpStepTimeout, newTrust, portMap, clock, ehloName);
  }

  public CheckOptions withPortMap(PortMap newPortMap) {
    return new CheckOptions(dns, fetch, smtpStepTimeout, trust, newPortMap, clock, ehloName);
  }

  public CheckOptions withFetch(FetchSettings newFetch) {
    return new CheckOptions(dns, newFetch, smtpStepTimeout, trust, portMap, clock, ehloName);
  }

  public CheckOptions withSmtpStepTimeout(Duration timeout) {
    return new CheckOptions(dns, fetch, timeout, trust, portMap, clock, ehloName);
  }

  public CheckOptions withClock(Clock newClock) {
    return new CheckOptions(dns, fetch, smtpStepTimeout, trust, portMap, newClock, ehloName);
  }
}
