package org.stslens.engine.export;

/** The version a report names, from the jar manifest as {@code stslens --version} reads it. */
final class ToolVersion {

  private ToolVersion() {}

  /** "STS Lens 0.1.0", or "STS Lens (development build)" when run from classes. */
  static String text() {
    String version = ToolVersion.class.getPackage().getImplementationVersion();
    return "STS Lens " + (version == null ? "(development build)" : version);
  }
}
