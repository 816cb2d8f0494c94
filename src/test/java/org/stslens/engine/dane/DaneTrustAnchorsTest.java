package org.stslens.engine.dane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaneTrustAnchorsTest {

  @Test
  void theShippedRootAnchorsAreKsk2017AndKsk2024() {
    DaneTrustAnchors root = DaneTrustAnchors.root();
    assertThat(root.owners()).containsExactly(".");
    assertThat(root.records()).hasSize(2);
    assertThat(String.join("\n", root.records()))
        .contains("20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D")
        .contains("38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16");
  }

  @Test
  void readsDsAndDnskeyFilesAndKeepsOnlyThoseTypes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("anchor.key");
    Files.writeString(
        file,
        "; a .key file as dnssec-keygen writes it\n"
            + "example.test. 3600 IN DNSKEY 257 3 13"
            + " mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n"
            + "example.test. 3600 IN A 192.0.2.1\n"
            + "sub.example.test. IN DS 12345 13 2"
            + " 3490A6806D47F17A34C29E2CE80E8A999FFBE4BE7F2B42AA75C7AE2B54C4A50B\n");
    DaneTrustAnchors anchors = DaneTrustAnchors.read(file);
    assertThat(anchors.records()).hasSize(2);
    assertThat(anchors.owners()).containsExactly("example.test.", "sub.example.test.");
  }

  @Test
  void rejectsTextWithoutAnchorsOrThatDoesNotParse() {
    assertThatThrownBy(() -> DaneTrustAnchors.parse("example.test. IN A 192.0.2.1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no DS or DNSKEY");
    assertThatThrownBy(() -> DaneTrustAnchors.parse("example.test. IN DS not-a-number\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
