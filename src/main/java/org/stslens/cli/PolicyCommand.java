package org.stslens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.fetch.PolicySizeLimit;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.io.BoundedFile;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.workbench.publish.CertificateFile;
import org.stslens.workbench.publish.DaneTlsaRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stslens policy lint FILE}: checks a policy text before it is published; {@code stslens
 * policy tlsa --mx HOST CERT}: the DANE TLSA records for an MX certificate, as the publishing kit
 * makes them.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Works with MTA-STS policy files (mta-sts.txt).",
    subcommands = {PolicyCommand.Lint.class, PolicyCommand.Tlsa.class})
final class PolicyCommand extends ParentCommand {

  @Command(
      name = "tlsa",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the DANE TLSA records (RFC 7672) for an MX host's certificate, as the publishing"
            + " kit makes them: 3 1 1 of the server key, and 2 1 1 of the issuing CA when the"
            + " chain is given. The warnings go to standard error.",
      })
  static final class Tlsa implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "CERT",
        description = "The MX host's certificate, PEM or DER (a PEM chain may follow it).")
    Path certificate;

    @Option(
        names = "--mx",
        required = true,
        paramLabel = "HOST",
        description = "The MX host the record is for: _25._tcp.HOST.")
    String mx;

    @Option(
        names = "--chain",
        paramLabel = "FILE",
        description = "The issuing CA's certificate (PEM or DER), for the 2 1 1 record.")
    Path chain;

    @Override
    public Integer call() {
      List<X509Certificate> all = new ArrayList<>();
      try {
        all.addAll(CertificateFile.read(certificate));
        if (chain != null) {
          all.addAll(CertificateFile.read(chain));
        }
      } catch (CertificateFile.UnusableException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      DaneTlsaRecords records;
      try {
        records = DaneTlsaRecords.of(mx, all);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      records.zoneLines().forEach(out::println);
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      if (chain != null && records.issuingCa().isEmpty()) {
        err.println(
            "warning: " + chain + " holds no CA that issued the certificate: no 2 1 1 record.");
      }
      err.println("warning: " + DaneTlsaRecords.DNSSEC_WARNING);
      err.println("warning: " + DaneTlsaRecords.ROLLOVER_WARNING);
      err.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "lint",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a policy file exactly as a sender parses it (RFC 8461 §3.2), with line and"
            + " column for every problem.",
        "With --mx, also tells which pattern covers each MX host (RFC 8461 §4.1)."
      })
  static final class Lint implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "FILE|-",
        description = "The policy file, or - for stdin.")
    String file;

    @Option(
        names = "--mx",
        split = ",",
        paramLabel = "HOST",
        description = "MX host names to match against the policy's patterns.")
    List<String> mx = new ArrayList<>();

    @CommandLine.Mixin TextOrJsonFormat format;

    @Override
    public Integer call() throws IOException {
      LintOutput output = LintOutput.of(format);
      PrintWriter out = spec.commandLine().getOut();
      List<String> hosts = mxHosts();
      OptionalLong size = OptionalLong.empty();
      byte[] body = readBody();
      if (body == null) {
        size = regularFileSize();
      }
      if (body == null || body.length > PolicySizeLimit.MAX_BYTES) {
        // never parse the cut text: its last line would be a phantom finding
        Finding tooLarge = PolicySizeLimit.notReadToTheEnd(file, size);
        output.printUnparsed(out, file, size, List.of(tooLarge));
        return ExitCodes.ERROR_FINDING;
      }
      ParsedPolicy parsed = PolicyParser.parse(body);
      List<Finding> findings = new ArrayList<>(parsed.findings());
      List<LintOutput.MxMatch> matches = new ArrayList<>();
      parsed
          .policy()
          .ifPresent(
              policy -> {
                for (String host : hosts) {
                  MxJudge.Coverage coverage = MxJudge.coverage(host, policy);
                  matches.add(new LintOutput.MxMatch(host, coverage));
                  coverage.problem().ifPresent(findings::add);
                }
                if (!hosts.isEmpty()) {
                  findings.addAll(MxJudge.unusedPatterns(policy, hosts));
                }
              });
      List<String> fixes =
          org.stslens.workbench.edit.QuickFixes.summary(
              new String(body, java.nio.charset.StandardCharsets.UTF_8), hosts);
      output.printPolicy(out, file, parsed, matches, findings, fixes);
      return findings.stream().anyMatch(Finding::isError) ? ExitCodes.ERROR_FINDING : ExitCodes.OK;
    }

    /** The --mx names through the one domain normaliser (A-labels, lower case, no dot). */
    /**
     * The policy's bytes, at most one past the senders' limit for standard input, or null when a
     * file is larger than the limit (as the fetch does). A file is read by {@link BoundedFile}: a
     * FIFO, a device or a directory is a usage error.
     */
    private byte[] readBody() {
      try {
        if (file.equals("-")) {
          return System.in.readNBytes(PolicySizeLimit.MAX_BYTES + 1);
        }
        return BoundedFile.read(Path.of(file), PolicySizeLimit.MAX_BYTES);
      } catch (BoundedFile.RefusedException e) {
        if (e.problem() == BoundedFile.Problem.TOO_LARGE) {
          return null;
        }
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
      }
    }

    private OptionalLong regularFileSize() {
      try {
        return OptionalLong.of(Files.size(Path.of(file)));
      } catch (IOException e) {
        return OptionalLong.empty();
      }
    }

    private List<String> mxHosts() {
      List<String> hosts = new ArrayList<>();
      for (String typed : mx) {
        DomainNameInput.Reading reading = DomainNameInput.read(typed);
        if (reading instanceof DomainNameInput.NotADomain not) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--mx '" + typed.strip() + "' is not a host name: " + not.reason());
        }
        hosts.add(((DomainNameInput.Domain) reading).ascii());
      }
      return hosts;
    }
  }
}
