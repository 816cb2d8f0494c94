package org.stslens.engine.smtp;

import java.util.List;
import java.util.Locale;

/**
 * A complete SMTP reply (RFC 5321 §4.2): one code and one or more text lines.
 *
 * @param code the three-digit reply code
 * @param lines the text after the code of each line, in order
 */
record SmtpReply(int code, List<String> lines) {

  SmtpReply {
    lines = List.copyOf(lines);
  }

  /** The lines joined with a space, for messages. */
  String text() {
    return code + " " + String.join(" ", lines).strip();
  }

  /** EHLO keywords: the first word of every line but the first, upper-cased. */
  List<String> ehloKeywords() {
    return lines.stream()
        .skip(1)
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .map(l -> l.split("[ \t]+", 2)[0].toUpperCase(Locale.ROOT))
        .toList();
  }
}
