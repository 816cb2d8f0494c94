package org.stslens.engine.batch;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 records: fields with a comma, quote or line break are quoted, quotes doubled. */
public final class Csv {

  private Csv() {}

  /** One record, ending with CRLF as RFC 4180 section 2 has it. */
  public static String record(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\r') < 0
        && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
