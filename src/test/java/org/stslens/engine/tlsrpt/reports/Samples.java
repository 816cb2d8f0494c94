package org.stslens.engine.tlsrpt.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The sample reports of this folder's resources, and the containers tests wrap them in. */
final class Samples {

  static final String[] NAMES = {
    "rfc-complete.json",
    "no-policy-found.json",
    "fetch-error-no-ip.json",
    "tlsa-string-array.json",
    "sender.example!example.com!1793577600!1793663999!abc.json",
    "disagreeing-totals.json"
  };

  private Samples() {}

  static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static Path write(Path dir, String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  /** {@code zeros} zero bytes, gzipped, written without holding them in memory. */
  static byte[] gzipBomb(long zeros) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      for (long n = 0; n < zeros; n += chunk.length) {
        gz.write(chunk);
      }
    }
    return out.toByteArray();
  }

  static byte[] zip(String[] names, byte[][] contents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < names.length; i++) {
        zip.putNextEntry(new ZipEntry(names[i]));
        zip.write(contents[i]);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A zip with one entry of {@code zeros} zero bytes. */
  static byte[] zipBomb(long zeros) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("report.json"));
      for (long n = 0; n < zeros; n += chunk.length) {
        zip.write(chunk);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /**
   * A TLS-RPT mail as RFC 8460 §5.3 describes it: multipart/report; report-type=tlsrpt, a text part
   * and the report attached in base64 (gzip when {@code gzipped}).
   */
  static byte[] mail(String domain, String attachmentName, byte[] report, boolean gzipped)
      throws IOException {
    String type = gzipped ? "application/tlsrpt+gzip" : "application/tlsrpt+json";
    byte[] body = gzipped ? gzip(report) : report;
    String base64 =
        Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
    String mail =
        "From: tlsrpt@sender.example\r\n"
            + "To: tlsrpt@"
            + domain
            + "\r\n"
            + "Subject: Report Domain: "
            + domain
            + " Submitter: sender.example Report-ID: <x@sender.example>\r\n"
            + "TLS-Report-Domain: "
            + domain
            + "\r\n"
            + "TLS-Report-Submitter: sender.example\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"b0undary\"\r\n"
            + "\r\n"
            + "--b0undary\r\n"
            + "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
            + "\r\n"
            + "This is an aggregate TLS report from sender.example\r\n"
            + "\r\n"
            + "--b0undary\r\n"
            + "Content-Type: "
            + type
            + "\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\""
            + attachmentName
            + "\"\r\n"
            + "\r\n"
            + base64
            + "\r\n"
            + "--b0undary--\r\n";
    return mail.getBytes(StandardCharsets.US_ASCII);
  }
}
