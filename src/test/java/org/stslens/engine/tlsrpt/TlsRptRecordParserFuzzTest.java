package org.stslens.engine.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.stslens.engine.dns.TxtRrsets;

/**
 * Any TXT RRset at {@code _smtp._tls} parses without an exception; a valid one has a reporting URI.
 * Seeds: the corpus RRsets ({@code scripts/fuzz-seeds.py}); fuzz with {@code -Pfuzz}.
 */
class TlsRptRecordParserFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void parse(byte[] data) {
    List<List<String>> rrset = TxtRrsets.decode(data);

    TlsRptResult result = TlsRptRecordParser.parse(rrset);

    assertThat(result.joinedRecords()).hasSize(rrset.size());
    if (result.valid()) {
      assertThat(result.rua()).isNotEmpty();
    }
  }
}
