package org.stslens.ui.stages.mx;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.report.StageStatus;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.CertificateProblem;
import org.stslens.engine.tls.ChainVerdict;

/** The words the MX table shows for one host, from its probes of every address. */
final class MxRows {

  private MxRows() {}

  static String addresses(MxReport m) {
    if (!m.probe().probed()) {
      return "not looked up";
    }
    List<InetAddress> addresses = m.addresses();
    return addresses.isEmpty()
        ? "none"
        : addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
  }

  static String pattern(MxReport m) {
    return m.matchedPattern().map(MxPattern::written).orElse("—");
  }

  static String starttls(MxReport m) {
    List<EndpointProbe> e = m.endpoints();
    if (e.stream().allMatch(p -> p.greeting().isEmpty())) {
      return "–";
    }
    long offered = e.stream().filter(EndpointProbe::starttlsOffered).count();
    return offered == e.size() ? "offered" : offered == 0 ? "NOT offered" : "on some addresses";
  }

  static String tlsVersion(MxReport m) {
    String versions =
        m.endpoints().stream()
            .map(EndpointProbe::tlsVersion)
            .flatMap(Optional::stream)
            .distinct()
            .collect(Collectors.joining(", "));
    return versions.isEmpty() ? "–" : versions;
  }

  static String certificate(MxReport m) {
    List<ChainVerdict> chains =
        m.endpoints().stream().map(EndpointProbe::certificate).flatMap(Optional::stream).toList();
    if (chains.isEmpty()) {
      return "–";
    }
    return chains.stream().map(MxRows::certificate).distinct().collect(Collectors.joining(", "));
  }

  static String certificate(ChainVerdict c) {
    Optional<CertificateProblem> problem =
        c.problems().stream().filter(p -> p.kind().isError()).findFirst();
    if (problem.isEmpty()) {
      return c.problems().isEmpty() ? "valid" : "valid, expiring soon";
    }
    return switch (problem.get().kind()) {
      case NAME_MISMATCH -> "wrong name";
      case EXPIRED -> "expired";
      case NOT_YET_VALID -> "not yet valid";
      case UNTRUSTED -> "untrusted";
      case EXPIRING_SOON -> "expiring soon";
      case WRONG_PURPOSE -> "not for a TLS server";
      case WEAK_SIGNATURE -> "weak signature";
    };
  }

  static String verdict(MxVerdict v) {
    return switch (v) {
      case DELIVER -> "deliver";
      case REFUSE -> "refuse";
      case REPORT -> "report (delivered)";
      case UNREACHABLE -> "unreachable";
      case NOT_PROBED -> "not probed";
    };
  }

  /**
   * The icon of a host's verdict. With no policy applied, "deliver" says nothing about TLS: it is
   * not a pass.
   */
  static StageStatus status(MxVerdict v, boolean notApplied) {
    if (notApplied && v == MxVerdict.DELIVER) {
      return StageStatus.NOT_APPLIED;
    }
    return status(v);
  }

  static StageStatus status(MxVerdict v) {
    return switch (v) {
      case DELIVER -> StageStatus.PASS;
      case REPORT, UNREACHABLE -> StageStatus.WARN;
      case REFUSE -> StageStatus.FAIL;
      case NOT_PROBED -> StageStatus.SKIPPED;
    };
  }
}
