package org.stslens.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.report.DomainReport;
import org.stslens.lab.LabReports;

class SummaryRowTest {

  @Test
  void csvQuotesOnlyWhatRfc4180Needs() {
    assertThat(Csv.record(List.of("a", "b c", "x,y", "say \"hi\"", "two\nlines", "")))
        .isEqualTo("a,b c,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  }

  @Test
  void daysAreWholeDaysRoundedDown() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(SummaryRow.days(now, Instant.parse("2026-01-31T23:00:00Z"))).isEqualTo(30);
    assertThat(SummaryRow.days(now, Instant.parse("2026-01-01T23:00:00Z"))).isZero();
    assertThat(SummaryRow.days(now, Instant.parse("2025-12-31T23:00:00Z"))).isEqualTo(-1);
  }

  @Test
  void rowOfAnExpiredMxCertificate() throws Exception {
    DomainReport r = LabReports.check("mx-cert-expired");
    SummaryRow row = SummaryRow.of(r);

    assertThat(row.domain()).isEqualTo(r.domain());
    assertThat(row.verdict()).isEqualTo(r.verdict().word());
    assertThat(row.mode()).contains("enforce");
    assertThat(row.id()).isEqualTo(r.discovery().policyId());
    assertThat(row.mxCount()).isEqualTo(r.mx().size());
    assertThat(row.failingMx()).isNotEmpty();
    assertThat(row.nearestExpiryDays().getAsLong()).isNegative();
    assertThat(row.errorCount()).isPositive();
  }

  @Test
  void rowOfAGoodDomainHasNoFailingMxAndItsCertificatesFuture() throws Exception {
    SummaryRow row = SummaryRow.of(LabReports.check("good-enforce"));

    assertThat(row.verdict()).isEqualTo("enforced");
    assertThat(row.failingMx()).isEmpty();
    assertThat(row.nearestExpiryDays().getAsLong()).isPositive();
    assertThat(row.errorCount()).isZero();
    assertThat(row.cells()).hasSameSizeAs(SummaryRow.HEADER);
  }
}
