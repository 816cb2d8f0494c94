package org.stslens.engine.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Tells a policy text from an HTML page, binary data or a non-UTF-8 file (RFC 8461 §3.2). */
final class BodyInspector {

  private BodyInspector() {}

  /** Why the body is not a plain-text policy, or empty when it is text. */
  static Optional<String> whyNotText(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      return Optional.of("the body is not valid UTF-8 (binary data or another encoding)");
    }
    for (int i = 0; i < body.length; i++) {
      int b = body[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
        return Optional.of(
            String.format(
                Locale.ROOT, "the body contains the control byte 0x%02X at offset %d", b, i));
      }
    }
    String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8);
    String lower = head.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype") || lower.startsWith("<html") || lower.contains("<html")) {
      return Optional.of("the body is an HTML page (a parking, error or login page?)");
    }
    return Optional.empty();
  }

  /** True when the Content-Type names the media type text/plain (parameters allowed). */
  static boolean isTextPlain(String contentType) {
    if (contentType == null) {
      return false;
    }
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return media.equals("text/plain");
  }
}
