package org.stslens.engine.export;

import java.util.List;
import java.util.Map;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainVerdict;

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

  /**
   * The verdict box that opens a report.
   *
   * @param verdict the domain verdict (its tone colours the box)
   * @param answer what senders do with mail for the domain, in one sentence
   * @param reason the verdict's reason, as the engine gives it
   * @param facts when, how long, by which version, against what
   */
  record Verdict(DomainVerdict verdict, String answer, String reason, Map<String, String> facts)
      implements Block {
    public Verdict {
      facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }
  }

  /** One row per MX host: preference, coverage, STARTTLS, certificate, what senders do. */
  record MxTable(List<Overview.MxRow> rows) implements Block {
    public MxTable {
      rows = List.copyOf(rows);
    }
  }

  /** One row per real sender: the policy it applies, whether it delivers, why it differs. */
  record SendersTable(List<SenderRows.Row> rows) implements Block {
    public SendersTable {
      rows = List.copyOf(rows);
    }
  }

  /** The errors and warnings to fix, most urgent first, each with its fix and RFC section. */
  record Fixes(List<Overview.Fix> fixes) implements Block {
    public Fixes {
      fixes = List.copyOf(fixes);
    }
  }

  /** The start of an appendix: what follows is evidence, on a new page when printed. */
  record Appendix(String title) implements Block {}

  /** A finding with its severity, code, message, fix and RFC section. */
  record FindingItem(Finding finding) implements Block {}
}
