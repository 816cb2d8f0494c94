package org.stslens.engine.dane;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The DNSSEC trust anchors that TLSA answers are validated from: DS or DNSKEY records in zone-file
 * form. By default the IANA root anchors shipped with STS Lens; the lab and {@code --trust-anchor}
 * give others.
 *
 * @param records the DS and DNSKEY records, in presentation form
 */
public record DaneTrustAnchors(List<String> records) {

  private static final String ROOT_RESOURCE = "root-anchors.zone";

  public DaneTrustAnchors {
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no DS or DNSKEY record");
    }
  }

  /** The root zone's anchors as IANA publishes them (KSK-2017 and KSK-2024). */
  public static DaneTrustAnchors root() {
    return Root.ANCHORS;
  }

  // Parsed once per process, on first use: every check's DANE settings start from these, and a
  // cold command line parses them on its warm-up thread (CheckWarmUp) for the main thread.
  private static final class Root {
    static final DaneTrustAnchors ANCHORS = readRoot();
  }

  private static DaneTrustAnchors readRoot() {
    try (InputStream in = DaneTrustAnchors.class.getResourceAsStream(ROOT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file as {@code dnssec-dsfromkey} or a {@code .key} file write it. */
  public static DaneTrustAnchors read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses zone-file text and keeps its DS and DNSKEY records.
   *
   * @throws IllegalArgumentException when the text does not parse or holds no DS or DNSKEY
   */
  public static DaneTrustAnchors parse(String zoneText) {
    List<String> kept = new ArrayList<>();
    try (Master master =
        new Master(
            new ByteArrayInputStream(zoneText.getBytes(StandardCharsets.UTF_8)), Name.root, 0)) {
      Record r;
      while ((r = master.nextRecord()) != null) {
        if (r.getType() == Type.DS || r.getType() == Type.DNSKEY) {
          kept.add(r.toString());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not zone-file text: " + e.getMessage(), e);
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("no DS or DNSKEY record found");
    }
    return new DaneTrustAnchors(kept);
  }

  /** The names the anchors are for, e.g. {@code .} for the root. */
  public List<String> owners() {
    return records.stream().map(r -> r.split("\\s+", 2)[0]).distinct().toList();
  }

  /** The records as one zone-file text, for the validator. */
  public String zoneText() {
    return String.join("\n", records) + "\n";
  }
}
