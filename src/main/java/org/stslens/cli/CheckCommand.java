package org.stslens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.stslens.engine.batch.BatchRunner;
import org.stslens.engine.check.CheckListener;
import org.stslens.engine.check.CheckOptions;
import org.stslens.engine.check.CheckOptionsBuilder;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.check.MtaStsChecker;
import org.stslens.engine.check.RunningCheck;
import org.stslens.engine.export.ReportFormat;
import org.stslens.engine.history.DataFolder;
import org.stslens.engine.history.HistoryException;
import org.stslens.engine.history.HistoryListing;
import org.stslens.engine.history.HistoryRecorder;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.history.StoredCheck;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.report.DomainReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stslens check DOMAIN...}: the five stages against live servers. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    defaultValueProvider = CheckCommand.EngineDefaults.class,
    description = {
      "Checks the MTA-STS setup of domains as a sending mail server does.",
      "",
      "The five stages:",
      "  1. DNS: the _mta-sts TXT record and the MX hosts",
      "  2. HTTPS: https://mta-sts.<domain>/.well-known/mta-sts.txt (redirects never followed)",
      "  3. the policy text",
      "  4. each MX host over SMTP with STARTTLS and its certificate",
      "  5. TLS reporting: the _smtp._tls TXT record (RFC 8460)",
      "Several domains are checked concurrently.",
      "",
      "With --from FILE (one domain per line, # comments; - for standard input),",
      "each domain is written as soon as it is checked: --format text, ndjson or csv."
    })
final class CheckCommand implements java.util.concurrent.Callable<Integer> {

  /** At most this many domains are checked at once; each check runs its own steps in parallel. */
  private static final int PARALLEL_DOMAINS = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "DOMAIN",
      description = "The domain(s) to check (or give --from).")
  List<String> domains = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description =
          "Check the domains listed in FILE, one per line (# starts a comment; - reads standard"
              + " input); lines that are not a domain are reported and skipped.")
  String from;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "With --from, ndjson or csv: check at most N domains at once, 1 to 64"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  int parallel;

  @Option(
      names = "--save",
      description =
          "Store each report in the history, and add what changed since the domain's previous"
              + " stored check (life.* findings).")
  boolean save;

  @Option(
      names = "--history",
      paramLabel = "DOMAIN",
      description =
          "List the stored checks of DOMAIN (newest first; --format text or json) instead of"
              + " checking.")
  String historyOf;

  @Option(
      names = "--compare",
      arity = "0..2",
      paramLabel = "ID",
      description =
          "With --history: compare two stored checks, OLDER_ID NEWER_ID (the ids --history"
              + " lists; default: the last two): TXT record, policy lines, MX hosts,"
              + " certificates, verdicts and findings (--format text or json).")
  List<Long> compare;

  @Option(
      names = "--history-file",
      paramLabel = "FILE",
      description =
          "The history file of --save and --history (default: history.sqlite in the data"
              + " folder, beside the desktop app's drafts).")
  Path historyFile;

  @Option(
      names = "--dns",
      paramLabel = "IP[:PORT]",
      description = "DNS server to ask (default: the system's configured servers).")
  String dnsServer;

  @Option(
      names = "--trust",
      paramLabel = "PEM_FILE",
      description = "Extra trusted CA certificate(s), in addition to the JDK's trust store.")
  List<Path> trust = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Time limit of the policy fetch (default: ${DEFAULT-VALUE}).")
  double fetchTimeoutSeconds;

  @Option(
      names = "--smtp-timeout",
      paramLabel = "SECONDS",
      description = "Time limit of each SMTP step (default: ${DEFAULT-VALUE}).")
  double smtpTimeoutSeconds;

  @Option(
      names = "--dns-timeout",
      paramLabel = "SECONDS",
      description = "Time limit of each DNS query (default: ${DEFAULT-VALUE}).")
  double dnsTimeoutSeconds;

  @Option(
      names = "--check-timeout",
      paramLabel = "SECONDS",
      description =
          "Time limit of the whole check of one domain; steps still running are cancelled and"
              + " named in the report (default: ${DEFAULT-VALUE}).")
  double checkTimeoutSeconds;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text, json, md, html or pdf (default: ${DEFAULT-VALUE}); pdf needs -o FILE. With"
              + " --from: text, ndjson (one JSON report per line) or csv (one row per domain).",
      defaultValue = "text")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output (checked before the check runs).")
  String output;

  @Option(names = "--force", description = "Replace the file given with -o if it exists.")
  boolean force;

  @Option(
      names = "--no-dane",
      description = "Skip DANE: no TLSA look-up, no DANE section in the report.")
  boolean noDane;

  @Option(
      names = "--trust-anchor",
      paramLabel = "FILE",
      description =
          "DNSSEC trust anchors for the DANE look-ups: DS or DNSKEY records in zone-file form"
              + " (as dnssec-dsfromkey or a .key file write them), replacing the IANA root"
              + " anchors.")
  Path trustAnchor;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress lines on standard error.")
  boolean quiet;

  /**
   * The lab's and the tests' port seam: {@code IP:STANDARD_PORT=PORT}, e.g. {@code
   * 127.0.0.2:25=2525}. Hidden: it only makes sense against servers on loopback.
   */
  @Option(names = "--port-map", hidden = true, split = ",")
  List<String> portMap = new ArrayList<>();

  /** Above this fetch time fetch.slow is reported; hidden, for lab scenarios that lower it. */
  @Option(names = "--slow-threshold", hidden = true, paramLabel = "SECONDS")
  Double slowThresholdSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (historyOf != null) {
      return history();
    }
    if (compare != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--compare compares stored checks: give --history DOMAIN");
    }
    if (from != null || BatchFormat.onlyBatch(format)) {
      return batch(err);
    }
    if (domains.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give a DOMAIN to check, --from FILE, or --history DOMAIN");
    }
    ReportFormat reportFormat = ReportFormat.parse(format).orElse(null);
    if (reportFormat == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown format '" + format + "' (text, json, md, html, pdf)");
    }
    if (reportFormat.binary() && output == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--format "
              + format
              + " makes a binary file, which is not written to standard output: add -o FILE");
    }
    for (String d : domains) {
      if (DomainNameInput.read(d) instanceof DomainNameInput.NotADomain not) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "not a domain name: '" + d + "': " + not.reason());
      }
    }
    Optional<ReportTarget> target = reportTarget();
    CheckOptions options = options();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            32 * Math.min(domains.size(), PARALLEL_DOMAINS), daemon("stslens-io"));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(daemon("stslens-timer"));
    ExecutorService domainPool =
        Executors.newFixedThreadPool(
            Math.min(domains.size(), PARALLEL_DOMAINS), daemon("stslens-domain"));
    try {
      MtaStsChecker checker = new MtaStsChecker(options, pool, timer);
      List<java.util.concurrent.Future<DomainReport>> futures = new ArrayList<>();
      for (String domain : domains) {
        futures.add(
            domainPool.submit(
                () -> {
                  RunningCheck running = checker.start(domain, progress(err, domain));
                  return running.await();
                }));
      }
      List<DomainReport> reports = new ArrayList<>();
      for (var f : futures) {
        try {
          reports.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      if (save) {
        reports = saved(reports, err);
      }
      if (!write(reports, reportFormat, target)) {
        return ExitCodes.INTERNAL;
      }
      return reports.stream().anyMatch(DomainReport::hasErrors)
          ? ExitCodes.ERROR_FINDING
          : ExitCodes.OK;
    } finally {
      domainPool.shutdownNow();
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  /** {@code --from FILE}, or DOMAIN... with {@code --format ndjson|csv}: see {@link BatchCheck}. */
  private int batch(PrintWriter err) throws Exception {
    BatchFormat batchFormat =
        BatchFormat.parse(format)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--format "
                            + format
                            + " makes one document of all reports; with --from use text, ndjson"
                            + " (one JSON report per line) or csv"));
    if (from != null && !domains.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either DOMAIN... or --from FILE, not both");
    }
    if (from == null && domains.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give a DOMAIN to check, or --from FILE");
    }
    if (parallel < BatchRunner.MIN_PARALLEL || parallel > BatchRunner.MAX_PARALLEL) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--parallel must be from "
              + BatchRunner.MIN_PARALLEL
              + " to "
              + BatchRunner.MAX_PARALLEL
              + ", not "
              + parallel);
    }
    if (from != null && !from.equals("-") && !java.nio.file.Files.isReadable(Path.of(from))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--from " + from + ": no readable file");
    }
    Optional<ReportTarget> target = reportTarget();
    BatchCheck run =
        new BatchCheck(
            options(),
            batchFormat,
            parallel,
            quiet,
            err,
            save ? Optional.of(new HistoryRecorder(historyPath())) : Optional.empty());
    BatchCheck.Source source =
        from == null ? BatchCheck.Source.of(domains) : BatchCheck.Source.of(from);
    if (target.isEmpty()) {
      return run.run(source, spec.commandLine().getOut());
    }
    try (PrintWriter file =
        new PrintWriter(
            java.nio.file.Files.newBufferedWriter(
                target.get().file(), java.nio.charset.StandardCharsets.UTF_8))) {
      return run.run(source, file);
    }
  }

  /**
   * Each report saved, with what changed since the previous stored check; a store that cannot be
   * used is said on standard error and costs nothing else: the reports are printed as they were.
   */
  private List<DomainReport> saved(List<DomainReport> reports, PrintWriter err) {
    HistoryRecorder recorder = new HistoryRecorder(historyPath());
    List<DomainReport> out = new ArrayList<>();
    for (DomainReport r : reports) {
      HistoryRecorder.Recorded recorded = recorder.record(r);
      recorded
          .problem()
          .ifPresent(e -> err.println("stslens: not saved: " + r.domain() + ": " + e.getMessage()));
      out.add(recorded.report());
    }
    err.flush();
    return out;
  }

  private Path historyPath() {
    return historyFile != null ? historyFile : DataFolder.historyFile();
  }

  /** {@code --history DOMAIN}: the stored checks, newest first; nothing is checked. */
  private int history() {
    if (!domains.isEmpty() || save) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--history lists stored checks: give no DOMAIN to check and no --save");
    }
    boolean json =
        switch (ReportFormat.parse(format).orElse(ReportFormat.PDF)) {
          case TEXT -> false;
          case JSON -> true;
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(), "--history prints text or json, not '" + format + "'");
        };
    DomainNameInput.Reading reading = DomainNameInput.read(historyOf);
    if (reading instanceof DomainNameInput.NotADomain not) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "not a domain name: '" + historyOf + "': " + not.reason());
    }
    String domain = ((DomainNameInput.Domain) reading).ascii();
    if (compare != null) {
      return new HistoryCompare(spec.commandLine(), historyPath(), domain, json).run(compare);
    }
    try {
      HistoryStore store = HistoryStore.open(historyPath());
      List<StoredCheck> checks = store.checks(domain);
      String text =
          json
              ? HistoryListing.json(domain, store.file(), checks)
              : HistoryListing.text(domain, store.file(), checks);
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    } catch (HistoryException e) {
      spec.commandLine().getErr().println("stslens: " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
  }

  /** The {@code -o} file, checked before the check runs; a usage error when it cannot be used. */
  private Optional<ReportTarget> reportTarget() {
    if (output == null) {
      return Optional.empty();
    }
    ReportTarget.Result result = ReportTarget.of(output, force);
    if (result.target().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), result.problem());
    }
    return result.target();
  }

  /**
   * @return false when the report could not go to the {@code -o} file (it went to standard output)
   */
  private boolean write(
      List<DomainReport> reports, ReportFormat reportFormat, Optional<ReportTarget> target) {
    PrintWriter out = spec.commandLine().getOut();
    if (reportFormat.binary()) {
      // refused without -o before the check ran
      return target.orElseThrow().write(reportFormat.bytes(reports), spec.commandLine().getErr());
    }
    String text = reportFormat.render(reports);
    if (target.isPresent()) {
      return target.get().write(text, out, spec.commandLine().getErr());
    }
    out.print(text);
    out.flush();
    return true;
  }

  private CheckOptions options() {
    CheckOptionsBuilder builder =
        new CheckOptionsBuilder()
            .dnsServer(dnsServer)
            .trustFiles(trust)
            .dnsTimeout(seconds(dnsTimeoutSeconds, "--dns-timeout"))
            .fetchTimeout(seconds(fetchTimeoutSeconds, "--timeout"))
            .smtpStepTimeout(seconds(smtpTimeoutSeconds, "--smtp-timeout"))
            .checkTimeout(seconds(checkTimeoutSeconds, "--check-timeout"));
    if (slowThresholdSeconds != null) {
      builder.slowThreshold(seconds(slowThresholdSeconds, "--slow-threshold"));
    }
    if (!portMap.isEmpty()) {
      builder.portMap(parsePortMap(portMap));
    }
    builder.dane(!noDane).trustAnchorFile(trustAnchor);
    try {
      return builder.build();
    } catch (CheckOptionsBuilder.UnusableSettingException e) {
      String where =
          switch (e.setting()) {
            case DNS_SERVER -> "--dns: " + e.reason().getMessage();
            case TRUST_FILE ->
                "--trust " + e.file().orElseThrow() + ": " + FileProblems.describe(e.reason());
            case TRUST_ANCHOR_FILE ->
                "--trust-anchor "
                    + e.file().orElseThrow()
                    + ": "
                    + FileProblems.describe(e.reason());
          };
      throw new CommandLine.ParameterException(spec.commandLine(), where);
    }
  }

  /**
   * The time limits' defaults come from the engine's {@link CheckOptions}, the one place the CLI
   * and the desktop read them from; {@code ${DEFAULT-VALUE}} in the help shows them.
   */
  static final class EngineDefaults implements CommandLine.IDefaultValueProvider {
    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
      if (!(arg instanceof CommandLine.Model.OptionSpec option)) {
        return null;
      }
      Duration d =
          switch (option.longestName()) {
            case "--timeout" -> CheckOptions.DEFAULT_FETCH_TIMEOUT;
            case "--smtp-timeout" -> CheckOptions.DEFAULT_SMTP_STEP_TIMEOUT;
            case "--dns-timeout" -> CheckOptions.DEFAULT_DNS_TIMEOUT;
            case "--check-timeout" -> CheckOptions.DEFAULT_CHECK_TIMEOUT;
            default -> null;
          };
      return d == null ? null : seconds(d);
    }

    /**
     * "60", or "0.5" for a limit below a second. Plain arithmetic: BigDecimal's first use cost a
     * cold check 13 ms before its first query.
     */
    static String seconds(Duration d) {
      long millis = d.toMillis();
      StringBuilder text = new StringBuilder(Long.toString(millis / 1000));
      long fraction = millis % 1000;
      if (fraction != 0) {
        text.append('.').append(Long.toString(1000 + fraction), 1, 4);
        while (text.charAt(text.length() - 1) == '0') {
          text.setLength(text.length() - 1);
        }
      }
      return text.toString();
    }
  }

  /** The shortest limit accepted: below it no network step could ever finish. */
  static final double MIN_SECONDS = 0.1;

  static final double MAX_SECONDS = 3600;

  private Duration seconds(double value, String option) {
    if (!(value >= MIN_SECONDS && value <= MAX_SECONDS)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option
              + " must be from "
              + MIN_SECONDS
              + " to "
              + (int) MAX_SECONDS
              + " seconds, not "
              + value);
    }
    return Duration.ofMillis(Math.round(value * 1000));
  }

  private PortMap parsePortMap(List<String> entries) {
    try {
      return PortMap.parseTable(entries);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port-map " + e.getMessage());
    }
  }

  private CheckListener progress(PrintWriter err, String domain) {
    if (quiet) {
      return CheckListener.NONE;
    }
    return new ProgressPrinter(err, domains.size() > 1 ? domain + ": " : "");
  }

  /** Daemon threads, named for a thread dump: the CLI exits when its work is done. */
  static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
