package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.ui.settings.Settings;

class SettingsStoreTest {

  @Test
  void savedSettingsComeBackAsTheyWere(@TempDir Path dir) throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("nested"));
    Settings s =
        new Settings(
            "127.0.0.1:5353",
            List.of("/etc/ca one.pem", "/tmp/two.pem"),
            3,
            45,
            20,
            true,
            true,
            List.of("example.com", "example.org"));
    store.save(s);
    assertThat(store.load()).isEqualTo(s);
    assertThat(Files.list(store.file().getParent())).containsExactly(store.file());
  }

  @Test
  void aMissingOrBrokenFileGivesTheDefaults(@TempDir Path dir) throws Exception {
    SettingsStore store = new SettingsStore(dir);
    assertThat(store.load()).isEqualTo(Settings.defaults());
    Files.write(store.file(), new byte[] {0, (byte) 0xff, '\\', 'u', 'z'});
    assertThat(store.load().dnsTimeoutSeconds()).isEqualTo(5);
  }

  @Test
  void outOfRangeValuesAreClamped(@TempDir Path dir) throws Exception {
    SettingsStore store = new SettingsStore(dir);
    Files.writeString(store.file(), "dns.timeout=0\nfetch.timeout=99999\nsmtp.timeout=x\n");
    Settings s = store.load();
    assertThat(s.dnsTimeoutSeconds()).isEqualTo(1);
    assertThat(s.fetchTimeoutSeconds()).isEqualTo(300);
    assertThat(s.smtpTimeoutSeconds()).isEqualTo(30);
  }
}
