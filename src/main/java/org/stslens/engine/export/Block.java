package org.stslens.engine.export;

import java.util.List;
import java.util.Map;
import org.stslens.engine.finding.Finding;

/** One piece of a report narrative; each renderer (text, Markdown, HTML) draws every kind. */
public sealed interface Block {

  /** A title; level 1 is the domain, 2 a stage, 3 a part of a stage. */
  record Heading(int level, String text) implements Block {}

  /** Plain explanatory text. */
  record Paragraph(String text) implements Block {}

  /** Labelled values, e.g. "TLS version: TLSv1.3". */
  record Fields(Map<String, String> fields) implements Block {
    public Fields {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
  }

  /** Raw evidence shown verbatim (a TXT record, a transcript, a policy, a command). */
  record Verbatim(String caption, String text) implements Block {}

  /** A list of short items. */
  record Items(List<String> items) implements Block {
    public Items {
      items = List.copyOf(items);
    }
  }

  /** A finding with its severity, code, message, fix and RFC section. */
  record FindingItem(Finding finding) implements Block {}
}
