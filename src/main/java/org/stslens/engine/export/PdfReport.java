package org.stslens.engine.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.stslens.engine.report.DomainReport;

/**
 * The HTML report printed to PDF by openhtmltopdf (PDFBox): the same page, so the two never differ.
 * The fonts travel with the application (DejaVu, see fonts/LICENSE-DejaVu.txt): the marks of
 * invisible characters, arrows and section signs print the same on every system, and the text of
 * the PDF can be searched and copied.
 */
public final class PdfReport {

  private static final String FONTS = "fonts/";

  static {
    // The renderer logs through java.util.logging: nothing of it belongs on a user's terminal.
    XRLog.setLoggingEnabled(false);
  }

  private PdfReport() {}

  /** The PDF of the reports. */
  public static byte[] render(List<DomainReport> reports) {
    return print(HtmlReport.render(reports));
  }

  /** Prints an XHTML page; nothing outside it is ever loaded (no file, no URL). */
  static byte[] print(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400);
      font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700);
      font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withDiagnosticConsumer(d -> {});
      builder.withProducer("STS Lens");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the PDF could not be made", e);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
    builder.useFont(
        () -> {
          InputStream in = PdfReport.class.getResourceAsStream(FONTS + file);
          if (in == null) {
            throw new IllegalStateException("font missing from the application: " + file);
          }
          return in;
        },
        family,
        weight,
        FontStyle.NORMAL,
        true);
  }
}
