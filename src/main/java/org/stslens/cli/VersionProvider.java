package org.stslens.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by the build), or "development". */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = StsLensCommand.class.getPackage().getImplementationVersion();
    return new String[] {"STS Lens " + (version == null ? "(development build)" : version)};
  }
}
