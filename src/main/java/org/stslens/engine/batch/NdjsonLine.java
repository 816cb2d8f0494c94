package org.stslens.engine.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.stslens.engine.export.JsonEscapes;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.report.DomainReport;

/**
 * A report as one line of NDJSON: exactly the JSON report of {@code check --format json} (same
 * fields, same escapes of control characters), without its indentation.
 */
public final class NdjsonLine {

  private static final ObjectMapper COMPACT = JsonEscapes.install(new ObjectMapper());

  private NdjsonLine() {}

  /** The report on one line, ending with a line feed. */
  public static String of(DomainReport report) {
    try {
      // re-read rather than a second renderer: the JSON contract has one writer
      return COMPACT.writeValueAsString(COMPACT.readTree(JsonReport.render(List.of(report))))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
