package org.stslens.workbench.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Drafts and kits shared by the tests of the publishing kit. */
final class Kits {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T13:05:09Z"), ZoneOffset.UTC);
  static final String ID = "20261128130509";
  static final String ENFORCE_LF =
      "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.backup.example.com\n"
          + "max_age: 1209600\n";
  static final String TESTING_LF =
      "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 604800\n";

  private Kits() {}

  static PublishingKit enforce() {
    return PublishingKit.build(
        "Example.COM.", ENFORCE_LF, CLOCK, Optional.empty(), Optional.empty());
  }

  static PublishingKit of(String policy) {
    return PublishingKit.build("example.com", policy, CLOCK, Optional.empty(), Optional.empty());
  }
}
