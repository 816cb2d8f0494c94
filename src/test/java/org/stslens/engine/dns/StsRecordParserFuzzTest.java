package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Any TXT RRset at {@code _mta-sts} parses without an exception; a valid one has an id and a
 * candidate. Seeds: the corpus RRsets ({@code scripts/fuzz-seeds.py}); fuzz with {@code -Pfuzz}.
 */
class StsRecordParserFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void parse(byte[] data) {
    List<List<String>> rrset = TxtRrsets.decode(data);

    StsRecordResult result = StsRecordParser.parse(rrset);

    assertThat(result.joinedRecords()).hasSize(rrset.size());
    if (result.valid()) {
      assertThat(result.id()).isPresent();
      assertThat(result.candidate()).isPresent();
    }
  }
}
