package org.stslens.engine.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/checks.md and the Code enum say the same: every code catalogued, with its severity. */
class ChecksCatalogTest {

  /** The catalog's rows: code id to its cells (a row may name two codes, "a / b"). */
  private static Map<String, String[]> rows() throws IOException {
    Map<String, String[]> rows = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("docs/checks.md"))) {
      if (line.startsWith("| ") && !line.startsWith("| code ")) {
        String[] cells = line.substring(1).split("\\|");
        for (String id : cells[0].split(" / ")) {
          rows.put(id.trim(), cells);
        }
      }
    }
    return rows;
  }

  @Test
  void everyCodeIsCataloguedWithItsSeverity() throws IOException {
    Map<String, String[]> rows = rows();
    List<String> wrong = new ArrayList<>();
    for (Code code : Code.values()) {
      String[] row = rows.get(code.id());
      if (row == null) {
        wrong.add(code.id() + ": not in checks.md");
      } else if (!row[1].trim().startsWith(code.severity().name().toLowerCase(Locale.ROOT))) {
        wrong.add(code.id() + ": " + row[1].trim() + " in checks.md, " + code.severity());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theLifecycleRowsCarryRfcSenderEffectAndTlsRptType() throws IOException {
    Map<String, String[]> rows = rows();
    for (Code code : Code.values()) {
      if (code.id().startsWith("life.")) {
        String[] row = rows.get(code.id());
        assertThat(row).as(code.id()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(row[2].trim()).as(code.id()).isEqualTo(code.rfc());
        assertThat(row[3].trim()).as(code.id()).isEqualTo(code.senderEffect());
        assertThat(row[4].trim()).as(code.id()).isEqualTo(code.tlsrptType().orElse("–"));
      }
    }
  }
}
