package org.stslens.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --format text|json} option of the commands that print either (the lint commands and
 * {@code lab list}), read the same way everywhere: case and surrounding spaces do not matter.
 */
final class TextOrJsonFormat {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  String format;

  /** True for json, false for text; a usage error for anything else. */
  boolean json() {
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default ->
          throw new CommandLine.ParameterException(
              mixee.commandLine(), "unknown format '" + format + "' (text, json)");
    };
  }
}
