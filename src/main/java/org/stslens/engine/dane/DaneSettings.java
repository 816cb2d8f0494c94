package org.stslens.engine.dane;

import java.util.Objects;

/**
 * Whether a check looks at DANE, and from which trust anchors it validates DNSSEC.
 *
 * @param enabled false with {@code --no-dane}: no TLSA look-up at all
 * @param anchors the DNSSEC trust anchors (the IANA root's unless replaced)
 */
public record DaneSettings(boolean enabled, DaneTrustAnchors anchors) {

  public DaneSettings {
    Objects.requireNonNull(anchors, "anchors");
  }

  /** DANE on, validated from the IANA root anchors. */
  public static DaneSettings defaults() {
    return new DaneSettings(true, DaneTrustAnchors.root());
  }

  public DaneSettings withEnabled(boolean on) {
    return new DaneSettings(on, anchors);
  }

  public DaneSettings withAnchors(DaneTrustAnchors newAnchors) {
    return new DaneSettings(enabled, newAnchors);
  }
}
