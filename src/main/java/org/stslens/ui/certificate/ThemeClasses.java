package org.stslens.ui.certificate;

/**
 * Style classes of the AtlantaFX theme, as in {@code atlantafx.base.theme.Styles}. That class is
 * compiled for Java 21 and cannot be loaded by the Java 17 this project targets, so its values are
 * repeated here; the theme's stylesheet gives them their colours, in light and dark.
 */
final class ThemeClasses {

  static final String TEXT_MUTED = "text-muted";
  static final String TEXT_BOLD = "text-bold";
  static final String DANGER = "danger";
  static final String EDGE_TO_EDGE = "edge-to-edge";
  static final String FLAT = "flat";

  private ThemeClasses() {}
}
