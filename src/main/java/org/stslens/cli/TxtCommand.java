package org.stslens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.stslens.engine.dns.StsRecordParser;
import org.stslens.engine.dns.StsRecordResult;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.tlsrpt.TlsRptRecordParser;
import org.stslens.engine.tlsrpt.TlsRptResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stslens txt lint RECORD}: checks a TXT record before it is published. */
@Command(
    name = "txt",
    mixinStandardHelpOptions = true,
    description = "Works with the DNS TXT records of MTA-STS and TLS-RPT.",
    subcommands = {TxtCommand.Lint.class})
final class TxtCommand extends ParentCommand {

  @Command(
      name = "lint",
      mixinStandardHelpOptions = true,
      description = {
        "Checks one TXT record exactly as a sender parses it (RFC 8461 §3.1, RFC 8460 §3).",
        "A record starting with v=TLSRPTv1 is checked as a TLS-RPT record, anything else as"
            + " the _mta-sts record. Several arguments are the character-strings of one record"
            + " (joined without spaces, as DNS does)."
      })
  static final class Lint implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "'v=STSv1; id=20261128'")
    List<String> strings;

    @CommandLine.Mixin TextOrJsonFormat format;

    @Override
    public Integer call() {
      LintOutput output = LintOutput.of(format);
      PrintWriter out = spec.commandLine().getOut();
      String joined = String.join("", strings);
      List<Finding> findings;
      if (joined.startsWith(TlsRptRecordParser.VERSION)) {
        TlsRptResult result = TlsRptRecordParser.parse(List.of(strings));
        findings = result.findings();
        output.printTxt(
            out,
            "TLS-RPT record",
            joined,
            result.valid(),
            result.valid() ? "reports go to " + String.join(", ", result.rua()) : "",
            findings);
      } else {
        StsRecordResult result = StsRecordParser.parse(List.of(strings));
        findings = result.findings();
        output.printTxt(
            out,
            "MTA-STS record",
            joined,
            result.valid(),
            result.id().map(id -> "id=" + id).orElse(""),
            findings);
      }
      return findings.stream().anyMatch(Finding::isError) ? ExitCodes.ERROR_FINDING : ExitCodes.OK;
    }
  }
}
