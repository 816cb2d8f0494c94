package org.stslens.workbench.publish;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.smtp.EndpointProbe;
import org.stslens.engine.tls.CertificateSummary;

/**
 * The certificate chains the MX hosts presented in a check, so that the kit can make TLSA records
 * for them without the user finding the files. One chain per host: the first address that presented
 * one (addresses of one host normally share a certificate).
 */
public final class MxCertificates {

  /**
   * The chain one MX host presented.
   *
   * @param host the MX host
   * @param chain leaf first, as presented
   */
  public record Presented(String host, List<X509Certificate> chain) {
    public Presented {
      chain = List.copyOf(chain);
    }
  }

  private MxCertificates() {}

  /** Every MX host of {@code report} that presented a chain, in the report's order. */
  public static List<Presented> of(DomainReport report) {
    List<Presented> out = new ArrayList<>();
    for (MxReport mx : report.mx()) {
      for (EndpointProbe e : mx.endpoints()) {
        List<X509Certificate> chain = chain(e);
        if (!chain.isEmpty()) {
          out.add(new Presented(mx.host(), chain));
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<X509Certificate> chain(EndpointProbe e) {
    List<X509Certificate> out = new ArrayList<>();
    List<CertificateSummary> summaries = e.certificate().map(c -> c.chain()).orElse(List.of());
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (CertificateSummary s : summaries) {
        out.add(
            (X509Certificate)
                cf.generateCertificate(
                    new ByteArrayInputStream(s.pem().getBytes(StandardCharsets.US_ASCII))));
      }
    } catch (CertificateException ex) {
      return List.of(); // kept by the probe but unreadable now: offer nothing rather than half
    }
    return out;
  }
}
