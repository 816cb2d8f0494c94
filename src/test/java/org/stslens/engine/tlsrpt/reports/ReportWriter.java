package org.stslens.engine.tlsrpt.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes aggregate TLS-RPT reports from the fields of RFC 8460 §4.3, for tests of the Reports
 * screen and of the re-test link (written here, not copied from anyone's files).
 */
public final class ReportWriter {

  /** One {@code failure-details} entry. */
  public record Failure(String resultType, String mx, long sessions) {}

  private ReportWriter() {}

  /** The JSON of a one-policy STS report of one UTC day. */
  public static String json(
      String organization,
      String reportId,
      LocalDate day,
      String domain,
      long successful,
      List<Failure> failures) {
    long failed = failures.stream().mapToLong(Failure::sessions).sum();
    String details =
        failures.stream()
            .map(
                f ->
                    """
                    {"result-type": "%s", "sending-mta-ip": "192.0.2.7",
                     "receiving-mx-hostname": "%s", "receiving-ip": "198.51.100.9",
                     "failed-session-count": %d}"""
                        .formatted(f.resultType(), f.mx(), f.sessions()))
            .collect(Collectors.joining(",\n"));
    return """
        {
          "organization-name": "%s",
          "date-range": {"start-datetime": "%sT00:00:00Z", "end-datetime": "%sT23:59:59Z"},
          "contact-info": "tlsrpt@sender.example",
          "report-id": "%s",
          "policies": [{
            "policy": {"policy-type": "sts", "policy-domain": "%s",
                       "policy-string": ["version: STSv1", "mode: enforce", "mx: *.%s", "max_age: 86400"],
                       "mx-host": ["*.%s"]},
            "summary": {"total-successful-session-count": %d, "total-failure-session-count": %d},
            "failure-details": [%s]
          }]
        }
        """
        .formatted(
            organization, day, day, reportId, domain, domain, domain, successful, failed, details);
  }

  /** Writes {@code json} to {@code dir/name}, creating the folder. */
  public static Path write(Path dir, String name, String json) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
  }
}
