package org.stslens.engine.tlsrpt.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;

/**
 * Links the failures senders reported to today's check of the domain: a row's result type is
 * matched with the TLS-RPT type of today's findings ({@code Code#tlsrptType}), at the row's
 * receiving MX for the types about one MX, anywhere in the check for the types about the policy.
 */
public final class RetestLinks {

  private RetestLinks() {}

  /**
   * What today's check found, as the links need it (the check's report lives in engine.report,
   * which depends on engine.tlsrpt: the caller takes these from its {@code DomainReport}).
   *
   * @param findings every finding of the check
   * @param mx the MX hosts checked, each with its own findings
   */
  public record Today(String domain, Instant startedAt, List<Finding> findings, List<MxReport> mx) {
    public Today {
      findings = List.copyOf(findings);
      mx = List.copyOf(mx);
    }
  }

  /** One link per row, in the rows' order. */
  public static List<RetestLink> link(List<FailureRow> rows, Today today) {
    return rows.stream().map(row -> link(row, today)).toList();
  }

  static RetestLink link(FailureRow row, Today today) {
    String head = row.resultType() + " on " + row.mx() + ": ";
    String ago = ago(row, today);
    Optional<ResultType> type = ResultType.byId(row.resultType());
    if (type.isEmpty()) {
      return new RetestLink(
          row,
          RetestLink.Outcome.CANNOT_TELL,
          List.of(),
          head + "not a result type of RFC 8460: STS Lens cannot tell" + ago);
    }
    if (!type.get().checked()) {
      return new RetestLink(
          row,
          RetestLink.Outcome.CANNOT_TELL,
          List.of(),
          head + "no STS Lens finding is of this type: cannot tell" + ago);
    }
    if (type.get().scope() == ResultType.Scope.DOMAIN) {
      head = row.resultType() + ": ";
      return judge(row, type.get(), today.findings(), head, ago);
    }
    Optional<MxReport> mx = today.mx().stream().filter(m -> sameHost(m, row.mx())).findFirst();
    if (mx.isEmpty()) {
      return new RetestLink(
          row,
          RetestLink.Outcome.MX_GONE,
          List.of(),
          head + "not an MX host of " + today.domain() + " today" + ago);
    }
    if (mx.get().verdict() == MxVerdict.UNREACHABLE || mx.get().verdict() == MxVerdict.NOT_PROBED) {
      return new RetestLink(
          row,
          RetestLink.Outcome.CANNOT_TELL,
          List.of(),
          head + "not reached today: cannot tell" + ago);
    }
    if (type.get().dane()) {
      // DANE findings live in the MX's DANE result, apart from the MTA-STS verdict
      if (mx.get().dane().isEmpty()) {
        return new RetestLink(
            row,
            RetestLink.Outcome.CANNOT_TELL,
            List.of(),
            head + "DANE was not checked today (--no-dane): cannot tell" + ago);
      }
      return judge(row, type.get(), mx.get().dane().get().findings(), head, ago);
    }
    return judge(row, type.get(), mx.get().findings(), head, ago);
  }

  private static RetestLink judge(
      FailureRow row, ResultType type, List<Finding> findings, String head, String ago) {
    List<Finding> causes =
        findings.stream()
            .filter(f -> f.isError() && f.tlsrptType().filter(type.id()::equals).isPresent())
            .distinct()
            .toList();
    if (causes.isEmpty()) {
      return new RetestLink(
          row,
          RetestLink.Outcome.NOT_SEEN,
          List.of(),
          head + "not seen today: fixed, or intermittent" + ago);
    }
    String codes = String.join(", ", causes.stream().map(f -> f.code().id()).distinct().toList());
    return new RetestLink(
        row,
        RetestLink.Outcome.STILL_SEEN,
        causes,
        head + type.stillSeen() + " (" + codes + ")" + ago);
  }

  /** The reported MX is this host: by name (any case, final dot), or by one of its addresses. */
  private static boolean sameHost(MxReport mx, String reported) {
    String name = reported.strip().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    String host = mx.host().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    String wanted = name;
    return host.equals(wanted)
        || mx.addresses().stream().anyMatch(a -> a.getHostAddress().equals(wanted));
  }

  /** ", last reported 12 days ago", counted from the day of today's check. */
  private static String ago(FailureRow row, Today today) {
    if (row.lastReported().isEmpty()) {
      return "";
    }
    LocalDate checked = LocalDate.ofInstant(today.startedAt(), ZoneOffset.UTC);
    long days = ChronoUnit.DAYS.between(row.lastReported().get(), checked);
    String when =
        days == 0
            ? "today"
            : days == 1
                ? "1 day ago"
                : days > 1 ? days + " days ago" : "on " + row.lastReported().get();
    return ", last reported " + when;
  }
}
