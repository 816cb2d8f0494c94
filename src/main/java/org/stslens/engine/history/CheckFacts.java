package org.stslens.engine.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.ChainVerdict;

/**
 * What two checks of a domain are compared on: read from a fresh report, or from a stored check's
 * columns (so that comparing never needs the stored JSON read back into a report).
 *
 * @param domain the domain (A-labels)
 * @param checkedAt when the check started
 * @param verdict the verdict's JSON word
 * @param txtFound exactly one valid {@code v=STSv1} record was found
 * @param dnsTemporary a temporary DNS failure kept discovery from concluding
 * @param txtId the record's id, when one was found
 * @param policyApplies a sender would apply the fetched policy
 * @param policyHash SHA-256 of the body served with status 200, when one was
 * @param mode the valid policy's mode
 * @param maxAge the valid policy's max_age in seconds
 * @param policyMx the valid policy's mx patterns, as written
 * @param mxSet the MX host names DNS gave, in preference order
 * @param certificates the leaf certificates seen (policy host and MX hosts)
 */
public record CheckFacts(
    String domain,
    Instant checkedAt,
    String verdict,
    boolean txtFound,
    boolean dnsTemporary,
    Optional<String> txtId,
    boolean policyApplies,
    Optional<String> policyHash,
    Optional<Mode> mode,
    Optional<Long> maxAge,
    List<String> policyMx,
    List<String> mxSet,
    List<CertExpiry> certificates) {

  public CheckFacts {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(checkedAt, "checkedAt");
    policyMx = List.copyOf(policyMx);
    mxSet = List.copyOf(mxSet);
    certificates = List.copyOf(certificates);
  }

  /** The facts of a finished check. */
  public static CheckFacts of(DomainReport r) {
    Optional<Policy> policy = r.policy().flatMap(ParsedPolicy::policy);
    Optional<FetchResult> served = r.fetch().filter(f -> f.status() == 200);
    return new CheckFacts(
        r.domain(),
        r.startedAt(),
        r.verdict().word(),
        r.discovery().hasValidRecord(),
        r.discovery().temporaryFailure(),
        r.discovery().policyId(),
        r.policyApplies(),
        served.map(f -> PolicyHash.of(f.bodyText())),
        policy.map(Policy::mode),
        policy.map(Policy::maxAge),
        policy.map(p -> p.mx().stream().map(MxPattern::written).toList()).orElse(List.of()),
        r.discovery().mxHosts().stream().map(MxHost::host).toList(),
        certificates(r));
  }

  private static List<CertExpiry> certificates(DomainReport r) {
    Stream<CertExpiry> policyHost =
        r.fetch().stream()
            .flatMap(
                f ->
                    leafExpiry(f.certificate())
                        .map(t -> new CertExpiry(f.host(), true, t))
                        .stream());
    Stream<CertExpiry> mx =
        r.mx().stream()
            .flatMap(
                (MxReport m) ->
                    m.endpoints().stream()
                        .map(EndpointProbe::certificate)
                        .flatMap(c -> leafExpiry(c).stream())
                        .min(Comparator.naturalOrder())
                        .map(t -> new CertExpiry(m.host(), false, t))
                        .stream());
    return Stream.concat(policyHost, mx).toList();
  }

  private static Optional<Instant> leafExpiry(Optional<ChainVerdict> chain) {
    return chain.flatMap(ChainVerdict::leaf).map(c -> c.notAfter());
  }

  /** The certificate that runs out first, if any was seen. */
  public Optional<CertExpiry> nearestExpiry() {
    return certificates.stream().min(Comparator.comparing(CertExpiry::notAfter));
  }

  /** Whether a sender could have cached a policy from this check: a valid one that applies. */
  public boolean servedPolicy() {
    return policyApplies && mode.isPresent() && maxAge.isPresent();
  }

  /** Whether the policy's mx patterns cover {@code host} (RFC 8461 §4.1). */
  public boolean policyCovers(String host) {
    return policyMx.stream().anyMatch(p -> MxPattern.matches(p, host));
  }
}
