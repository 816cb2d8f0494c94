package org.stslens.engine.tlsrpt.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.stslens.engine.io.BoundedFile;

/**
 * Imports TLS-RPT reports from files and folders: {@code .json}, gzip ({@code .json.gz}), mails
 * ({@code .eml}, {@code multipart/report} with the report attached, gzip or plain, base64), {@code
 * .mbox} and {@code .zip}, recognised by their content first and their name second. Folders are
 * walked recursively without following links. Each file is read through {@link BoundedFile}
 * (regular files only, at most 20 MiB), and everything inside one file together may inflate to 20
 * MiB. A file that cannot be read is skipped with a one-line reason; the rest is imported.
 */
public final class ReportImporter {

  /** The most bytes read from one file, and the most all its archives may inflate to. */
  public static final int MAX_BYTES = Inflation.LIMIT;

  private static final int MAX_NESTING = 3;

  private final List<TlsReport> reports = new ArrayList<>();
  private final List<ImportResult.Skipped> skipped = new ArrayList<>();

  private ReportImporter() {}

  /** Imports every path: files, and folders recursively. */
  public static ImportResult importAll(List<Path> paths) {
    return importAll(paths, Progress.NONE);
  }

  /**
   * Imports every path, telling {@code progress} before each file. Stops between files when the
   * thread is interrupted.
   *
   * @throws CancellationException when the thread was interrupted
   */
  public static ImportResult importAll(List<Path> paths, Progress progress) {
    ReportImporter importer = new ReportImporter();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        files.addAll(importer.folder(path));
      } else {
        files.add(path);
      }
    }
    for (int i = 0; i < files.size(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("import cancelled after " + i + " files");
      }
      progress.reading(i, files.size(), files.get(i));
      importer.file(files.get(i));
    }
    progress.reading(files.size(), files.size(), null);
    return new ImportResult(importer.reports, importer.skipped);
  }

  /** Hears which file is read; called on the importing thread, must be quick. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total, next) -> {};

    /**
     * @param done files read so far
     * @param total files to read in all
     * @param next the file read now; null when all are done
     */
    void reading(int done, int total, Path next);
  }

  /** The files of a folder, walked recursively without following links, sorted. */
  private List<Path> folder(Path root) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!attrs.isDirectory()) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              skip(file.toString(), "cannot be read: " + reason(e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      skip(root.toString(), "cannot be read: " + reason(e));
    }
    files.sort(null);
    return files;
  }

  private void file(Path path) {
    byte[] bytes;
    try {
      bytes = BoundedFile.read(path, MAX_BYTES);
    } catch (BoundedFile.RefusedException e) {
      skip(
          path.toString(),
          e.problem() == BoundedFile.Problem.MISSING ? "no such file" : "it " + e.reason());
      return;
    }
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    content(bytes, name, path.toString(), "", new Inflation.Budget(Inflation.LIMIT), 0);
  }

  /**
   * Reads one piece of content, whatever it is.
   *
   * @param name its file or attachment name, for the hints the name gives
   * @param source how to name it to the user
   * @param domainHint the domain a surrounding mail names, or empty
   */
  private void content(
      byte[] bytes,
      String name,
      String source,
      String domainHint,
      Inflation.Budget budget,
      int depth) {
    String lower = name.toLowerCase(Locale.ROOT);
    String hint = domainHint.isEmpty() ? FileNames.domain(name) : domainHint;
    try {
      if (depth > MAX_NESTING) {
        skip(source, "archives nested more than " + MAX_NESTING + " deep; not read");
      } else if (Inflation.isGzip(bytes)) {
        byte[] inflated = Inflation.gunzip(bytes, budget);
        content(inflated, FileNames.withoutGzip(name), source, hint, budget, depth + 1);
      } else if (lower.endsWith(".gz") || lower.endsWith(".gzip")) {
        skip(source, "not gzip: the name ends in .gz but the content is not gzip data");
      } else if (Inflation.isZip(bytes)) {
        zip(bytes, source, hint, budget, depth);
      } else if (lower.endsWith(".zip")) {
        skip(source, "not a zip archive: the name ends in .zip but the content is not one");
      } else if (looksLikeJson(bytes) || lower.endsWith(".json")) {
        json(bytes, source, hint);
      } else if (startsWith(bytes, "From ") || lower.endsWith(".mbox")) {
        mbox(bytes, source, hint, budget, depth);
      } else if (looksLikeMail(bytes) || lower.endsWith(".eml")) {
        mail(bytes, source, hint, budget, depth);
      } else {
        skip(source, "not a TLS-RPT report: neither JSON, gzip, zip nor a mail");
      }
    } catch (IOException e) {
      skip(source, e.getMessage());
    }
  }

  private void json(byte[] bytes, String source, String hint) {
    ParseOutcome outcome = ReportParser.parse(bytes, source, hint);
    if (outcome instanceof ParseOutcome.Parsed parsed) {
      reports.add(parsed.report());
    } else if (outcome instanceof ParseOutcome.Refused refused) {
      skip(source, refused.reason());
    }
  }

  private void zip(byte[] bytes, String source, String hint, Inflation.Budget budget, int depth)
      throws IOException {
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        entries++;
        byte[] data = Inflation.drain(in, budget);
        String entryName = FileNames.last(entry.getName());
        content(data, entryName, source + "!" + entry.getName(), hint, budget, depth + 1);
      }
    } catch (Inflation.TooLargeException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("damaged zip archive: " + reason(e));
    }
    if (entries == 0) {
      skip(source, "an empty zip archive: no report in it");
    }
  }

  /** An mbox: mails separated by lines that start with "From ". */
  private void mbox(byte[] bytes, String source, String hint, Inflation.Budget budget, int depth) {
    List<int[]> mails = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < bytes.length; i = nextLine(bytes, i)) {
      if (startsWithAt(bytes, i, "From ")) {
        if (start >= 0) {
          mails.add(new int[] {start, i});
        }
        start = nextLine(bytes, i);
      }
    }
    if (start >= 0) {
      mails.add(new int[] {start, bytes.length});
    }
    if (mails.isEmpty()) {
      skip(source, "not an mbox: no line starts with \"From \"");
      return;
    }
    for (int m = 0; m < mails.size(); m++) {
      int[] span = mails.get(m);
      byte[] mail = java.util.Arrays.copyOfRange(bytes, span[0], span[1]);
      String mailSource = source + " (mail " + (m + 1) + ")";
      try {
        mail(mail, mailSource, hint, budget, depth);
      } catch (IOException e) {
        skip(mailSource, e.getMessage());
      }
    }
  }

  private void mail(byte[] bytes, String source, String hint, Inflation.Budget budget, int depth)
      throws IOException {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
    Message message;
    try {
      message = builder.parseMessage(new ByteArrayInputStream(bytes));
    } catch (MimeIOException | RuntimeException e) {
      throw new IOException("not a readable mail: " + reason(e));
    }
    Field domainField = message.getHeader().getField("TLS-Report-Domain");
    String domain = domainField == null ? hint : domainField.getBody().strip();
    List<Entity> attachments = new ArrayList<>();
    collect(message, attachments);
    if (attachments.isEmpty()) {
      skip(
          source,
          "not a TLS-RPT report: the mail has no report attachment (application/tlsrpt+gzip"
              + " or application/tlsrpt+json)");
      return;
    }
    for (Entity part : attachments) {
      String name = attachmentName(part);
      byte[] data;
      try (InputStream in = ((SingleBody) part.getBody()).getInputStream()) {
        data = Inflation.drain(in, budget);
      }
      content(data, name, source + "!" + name, domain, budget, depth + 1);
    }
  }

  /** The parts that hold a report: by media type, or by an attachment name of a report file. */
  private static void collect(Entity entity, List<Entity> into) {
    Body body = entity.getBody();
    if (body instanceof Multipart multipart) {
      multipart.getBodyParts().forEach(part -> collect(part, into));
    } else if (body instanceof Message inner) {
      collect(inner, into);
    } else if (body instanceof SingleBody) {
      String type = entity.getMimeType().toLowerCase(Locale.ROOT);
      String name = declaredName(entity).toLowerCase(Locale.ROOT);
      boolean reportType =
          type.startsWith("application/tlsrpt")
              || type.equals("application/json")
              || type.equals("application/gzip")
              || type.equals("application/x-gzip")
              || type.equals("application/zip");
      boolean reportName = name.endsWith(".json") || name.endsWith(".gz") || name.endsWith(".zip");
      if (reportType || reportName) {
        into.add(entity);
      }
    }
  }

  /** The file name a part declares (Content-Disposition, else Content-Type), or empty. */
  private static String declaredName(Entity entity) {
    String name = entity.getFilename();
    if ((name == null || name.isBlank())
        && entity.getHeader().getField("Content-Type") instanceof ContentTypeField type) {
      name = type.getParameter("name");
    }
    return name == null ? "" : FileNames.last(name.strip());
  }

  private static String attachmentName(Entity entity) {
    String name = declaredName(entity);
    if (!name.isEmpty()) {
      return name;
    }
    // no name: let the media type choose how the content is read
    return entity.getMimeType().toLowerCase(Locale.ROOT).contains("gzip")
        ? "report.json.gz"
        : "report.json";
  }

  private static boolean looksLikeJson(byte[] bytes) {
    int i = 0;
    if (startsWith(bytes, "\uFEFF")) {
      i = 3;
    }
    while (i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
  }

  /** A header line at the start: a field name of printable characters, then a colon. */
  private static boolean looksLikeMail(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 200); i++) {
      byte b = bytes[i];
      if (b == ':') {
        return i > 0;
      }
      if (b <= ' ' || b >= 127) {
        return false;
      }
    }
    return false;
  }

  private static int nextLine(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && bytes[i] != '\n') {
      i++;
    }
    return i + 1;
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    return startsWithAt(bytes, 0, prefix);
  }

  private static boolean startsWithAt(byte[] bytes, int at, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    if (at + p.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (bytes[at + i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private void skip(String file, String reason) {
    skipped.add(new ImportResult.Skipped(file, reason));
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse(m);
  }
}
