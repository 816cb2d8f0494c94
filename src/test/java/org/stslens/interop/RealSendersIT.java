package org.stslens.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stslens.interop.SenderPrograms.MailauthAnswer;
import org.stslens.interop.SenderPrograms.Output;
import org.stslens.interop.SenderPrograms.ResolverAnswer;
import org.stslens.interop.ServerConfigs.World;

/**
 * Real senders against the interop worlds: Debian's postfix-mta-sts-resolver ({@code
 * mta-sts-query}, and Postfix's {@code postmap} asking its {@code mta-sts-daemon} through the
 * socketmap Postfix uses) and mailauth (npm, run by src/test/node/mta-sts) fetch each world's
 * policy from the real unbound and nginx of {@link RealServers}; the {@code
 * postfix-mta-sts-resolver} and {@code mailauth} rows of {@code stslens check}'s {@code senders}
 * must predict what they did. A disagreement is the profile's bug (the real program is right by
 * definition).
 *
 * <p>The built-in lab cannot be used: both programs fetch {@code https://mta-sts.DOMAIN/} on port
 * 443 and the resolver asks the name server of /etc/resolv.conf on port 53, while the lab serves on
 * ephemeral ports. Needs what {@link RealServersIT} needs, plus Debian's {@code
 * postfix-mta-sts-resolver} and {@code nodejs} and {@code npm ci} in src/test/node/mta-sts; skipped
 * without them unless {@code STSLENS_INTEROP=require}.
 */
class RealSendersIT {

  /**
   * Where comparing is not meaningful, each with the reason: a world key ({@link World#key()}) for
   * both programs, or "KEY SENDER" for one.
   */
  static final Map<String, String> EXCLUDED =
      Map.of(
          "cname-delegated",
          "unbound answers a local-data CNAME alone, without the TXT record it points to (unbound"
              + " 1.17.1, tried with dig +norec and with recursion): STS Lens follows the CNAME"
              + " itself, c-ares (under both programs) does not, so they see no record because of"
              + " the test's DNS server; a recursive resolver on the internet returns the whole"
              + " chain.",
          "dns-servfail",
          "the judge says unknown for every sender on a temporary DNS failure, since a cached"
              + " policy (which one report cannot show) decides; with nothing cached both programs"
              + " go on without a policy (mta-sts-query FETCH_ERROR, mailauth errored).",
          "policy-too-large mailauth",
          "STS Lens stops reading the body at its limit, so what mailauth (no limit) parses is"
              + " not in the report and its row says unknown; mailauth read the whole body and"
              + " applied enforce.");

  private static final String RESOLVER = "postfix-mta-sts-resolver";
  private static final String MAILAUTH = "mailauth";

  private static RealServers servers;
  private static final List<Process> daemons = new ArrayList<>();
  private static final Map<String, JsonNode> reports = new LinkedHashMap<>();
  private static final Map<String, ResolverAnswer> resolver = new ConcurrentHashMap<>();
  private static final Map<String, Output> socketmap = new ConcurrentHashMap<>();
  private static final Map<String, MailauthAnswer> mailauth = new ConcurrentHashMap<>();

  static List<World> worlds() {
    // The signed (DANE) worlds live on their own unbound, which the senders do not ask.
    return RealServersIT.worlds().stream()
        .filter(w -> !EXCLUDED.containsKey(w.key()))
        .filter(w -> w.scenario().dns().dnssec() == null)
        .toList();
  }

  @BeforeAll
  static void startServersAndRunEverySender() throws Exception {
    String missing = Prerequisites.missing();
    if (missing == null) {
      missing = SenderPrograms.missing();
    }
    if (missing != null) {
      if ("require".equals(System.getenv("STSLENS_INTEROP"))) {
        fail("STSLENS_INTEROP=require but the real senders cannot run: " + missing);
      }
      String reason = "real senders skipped: " + missing + " (see README, Interop tests)";
      System.out.println("[WARNING] " + reason);
      assumeTrue(false, reason);
    }
    List<World> worlds = worlds();
    servers = RealServers.start(worlds);
    List<CompletableFuture<Map<String, JsonNode>>> checks = new ArrayList<>();
    for (int variant = 0; variant <= 1; variant++) {
      final int v = variant;
      List<String> domains =
          worlds.stream().filter(w -> w.variant() == v).map(World::domain).toList();
      checks.add(CompletableFuture.supplyAsync(() -> RealServersIT.check(servers, v, domains)));
    }
    for (int variant = 0; variant <= 1; variant++) {
      for (Map.Entry<String, JsonNode> e :
          checks.get(variant).get(5, TimeUnit.MINUTES).entrySet()) {
        reports.put(variant + " " + e.getKey(), e.getValue());
      }
    }
    startDaemons();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<?>> runs = new ArrayList<>();
      for (int variant = 0; variant <= 1; variant++) {
        final int v = variant;
        Map<String, List<String>> mx = new LinkedHashMap<>();
        for (World w : worlds) {
          if (w.variant() == v) {
            mx.put(w.domain(), mxHosts(reports.get(v + " " + w.domain())));
          }
        }
        runs.add(
            CompletableFuture.runAsync(
                () ->
                    SenderPrograms.mailauth(servers, v, mx)
                        .forEach((d, a) -> mailauth.put(v + " " + d, a)),
                pool));
      }
      for (World w : worlds) {
        String key = w.variant() + " " + w.domain();
        runs.add(
            CompletableFuture.runAsync(
                () -> {
                  resolver.put(key, SenderPrograms.mtaStsQuery(servers, w.variant(), w.domain()));
                  socketmap.put(key, postmap(w.variant(), w.domain()));
                },
                pool));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The resolver's daemon, one per variant (the variants share domain names), port 8460 + V. */
  private static void startDaemons() throws IOException, InterruptedException {
    for (int variant = 0; variant <= 1; variant++) {
      Path conf = servers.dir().resolve("mta-sts-daemon-" + variant + ".yml");
      Files.writeString(
          conf,
          "host: 127.0.0.1\nport: "
              + (8460 + variant)
              + "\nreuse_port: true\ncache:\n  type: internal\n");
      List<String> command = SenderPrograms.inNamespace(servers, variant);
      command.addAll(List.of(SenderPrograms.MTA_STS_DAEMON, "-v", "warn", "-c", conf.toString()));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().put("SSL_CERT_FILE", servers.caPem().toString());
      pb.redirectOutput(servers.dir().resolve("mta-sts-daemon-" + variant + ".out").toFile());
      daemons.add(pb.start());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      String ss = RealServers.run("ip", "netns", "exec", servers.namespace(), "ss", "-Hlnt");
      if (ss.contains("127.0.0.1:8460") && ss.contains("127.0.0.1:8461")) {
        return;
      }
      if (System.nanoTime() > deadline || daemons.stream().anyMatch(p -> !p.isAlive())) {
        throw new IllegalStateException("mta-sts-daemon is not listening:\n" + servers.logs());
      }
      Thread.sleep(100);
    }
  }

  /** Postfix's own socketmap client asking the daemon, as smtp_tls_policy_maps would. */
  private static Output postmap(int variant, String domain) {
    return SenderPrograms.exec(
        List.of(
            "ip",
            "netns",
            "exec",
            servers.namespace(),
            SenderPrograms.POSTMAP,
            "-c",
            servers.dir().resolve("postfix").toString(),
            "-q",
            domain,
            "socketmap:inet:127.0.0.1:" + (8460 + variant) + ":postfix"),
        Map.of(),
        null,
        60);
  }

  @AfterAll
  static void stop() {
    daemons.forEach(Process::destroy);
    if (servers != null) {
      servers.close(); // kills what is left in the namespace, the daemons' children too
      servers = null;
    }
  }

  @TestFactory
  Stream<DynamicTest> theProfilesPredictWhatTheRealSendersDid() {
    return worlds().stream().map(w -> DynamicTest.dynamicTest(w.key(), () -> compare(w)));
  }

  private static void compare(World w) {
    String key = w.variant() + " " + w.domain();
    JsonNode report = reports.get(key);
    assertThat(report).as("a report for " + key).isNotNull();
    List<String> disagreements = new ArrayList<>();
    if (!EXCLUDED.containsKey(w.key() + " " + RESOLVER)) {
      compareResolver(w, report, disagreements);
    }
    if (!EXCLUDED.containsKey(w.key() + " " + MAILAUTH)) {
      compareMailauth(w, report, disagreements);
    }
    assertThat(disagreements)
        .as(
            w.key()
                + " (STS Lens fetch timings "
                + report.path("retrieval").path("timings_ms")
                + ")\n"
                + mailauth.get(key).raw()
                + "\n"
                + resolver.get(key).raw())
        .isEmpty();
  }

  private static void compareResolver(World w, JsonNode report, List<String> disagreements) {
    String key = w.variant() + " " + w.domain();
    JsonNode resolverRow = row(report, RESOLVER);
    ResolverAnswer r = resolver.get(key);
    String predicted = resolverRow.path("applies").asText();
    if (!predicted.equals(r.applies())) {
      disagreements.add(
          "profile "
              + RESOLVER
              + " predicts applies="
              + predicted
              + ", mta-sts-query returned "
              + r.result()
              + (r.mode() == null ? "" : " mode " + r.mode())
              + " (applies="
              + r.applies()
              + ")");
    }
    // The socketmap answer Postfix gets: a policy only for enforce (testing is NOTFOUND by
    // default, strict_testing off), "secure match=" the patterns with their "*" stripped.
    Output s = socketmap.get(key);
    boolean secure = s.exit() == 0 && s.stdout().startsWith("secure match=");
    boolean notFound = s.exit() == 1 && s.stdout().isBlank() && s.stderr().isBlank();
    if (!secure && !notFound) {
      disagreements.add("postmap -q " + w.domain() + " gave neither an answer nor NOTFOUND: " + s);
    } else if (secure != predicted.equals("enforce")) {
      disagreements.add(
          "profile "
              + RESOLVER
              + " predicts applies="
              + predicted
              + ", the socketmap answered "
              + (secure ? s.stdout().trim() : "NOTFOUND")
              + "\n"
              + servers.logs());
    }
  }

  private static void compareMailauth(World w, JsonNode report, List<String> disagreements) {
    String key = w.variant() + " " + w.domain();
    JsonNode mailauthRow = row(report, MAILAUTH);
    MailauthAnswer m = mailauth.get(key);
    String predictedM = mailauthRow.path("applies").asText();
    if (!predictedM.equals(m.applies())) {
      disagreements.add(
          "profile "
              + MAILAUTH
              + " predicts applies="
              + predictedM
              + ", mailauth getPolicy returned "
              + m.raw()
              + " (applies="
              + m.applies()
              + ")");
    }
    for (JsonNode mx : mailauthRow.path("mx")) {
      String host = mx.path("host").asText();
      String outcome = mx.path("outcome").asText();
      Boolean valid = m.valid().get(host);
      String problem = mxDisagreement(m.applies(), outcome, valid, onlyTheNameFails(report, host));
      if (problem != null) {
        disagreements.add(
            "profile "
                + MAILAUTH
                + " predicts "
                + host
                + " "
                + outcome
                + ", mailauth validateMx said valid="
                + valid
                + " under mode "
                + m.mode()
                + ": "
                + problem);
      }
    }
  }

  /** STS Lens's MX failing codes that are about the name alone, not its TLS or reachability. */
  private static final java.util.Set<String> NAME_CODES =
      java.util.Set.of("mx.not-covered", "mx.wildcard-depth");

  /**
   * True when STS Lens reached the MX and its only failures (if any) are name matching: then the
   * name match decides the outcome whatever the sender's TLS checks.
   */
  private static boolean onlyTheNameFails(JsonNode report, String host) {
    for (JsonNode m : report.path("mx")) {
      if (m.path("host").asText().equals(host)) {
        if (!m.path("probed").asBoolean() || m.path("tls_version").isNull()) {
          return false;
        }
        for (JsonNode code : m.path("failing_codes")) {
          if (!NAME_CODES.contains(code.asText())) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /**
   * validateMx is only the name match (the caller does the MX's TLS): under enforce an MX whose
   * name does not match must be refused, one predicted delivered must match, and where only the
   * name can fail ({@code nameDecides}) a matching one must be delivered; without an enforced
   * policy mailauth refuses nothing.
   */
  static String mxDisagreement(String applies, String outcome, Boolean valid, boolean nameDecides) {
    if (valid == null) {
      return "no validateMx answer";
    }
    if (outcome.equals("unknown")) {
      return null;
    }
    if (applies.equals("enforce")) {
      if (!valid && !outcome.equals("refuse")) {
        return "a name outside the policy must be refused under enforce";
      }
      if (valid && nameDecides && !outcome.equals("deliver")) {
        return "a matching name on an MX whose TLS STS Lens found sound must be delivered";
      }
      return null; // otherwise a matching name may still be refused or unreachable for its TLS
    }
    if (outcome.equals("refuse")) {
      return "nothing is refused without an enforced policy";
    }
    return null;
  }

  @Test
  void everyExclusionNamesAWorldOfTheSubset() {
    List<String> keys = RealServersIT.worlds().stream().map(World::key).toList();
    for (String excluded : EXCLUDED.keySet()) {
      String[] part = excluded.split(" ");
      assertThat(keys).as(excluded).contains(part[0]);
      if (part.length > 1) {
        assertThat(part[1]).isIn(RESOLVER, MAILAUTH);
      }
    }
  }

  @Test
  void theMxRuleCatchesAMismatchUnderEnforce() {
    assertThat(mxDisagreement("enforce", "deliver", false, true)).isNotNull();
    assertThat(mxDisagreement("enforce", "refuse", false, true)).isNull();
    assertThat(mxDisagreement("enforce", "refuse", true, true)).isNotNull();
    assertThat(mxDisagreement("enforce", "refuse", true, false)).isNull();
    assertThat(mxDisagreement("none", "refuse", true, false)).isNotNull();
  }

  private static JsonNode row(JsonNode report, String sender) {
    for (JsonNode s : report.path("senders")) {
      if (s.path("sender").asText().equals(sender)) {
        return s;
      }
    }
    throw new AssertionError("no " + sender + " row in the report of " + report.path("domain"));
  }

  private static List<String> mxHosts(JsonNode report) {
    List<String> hosts = new ArrayList<>();
    if (report != null) {
      report.path("mx").forEach(m -> hosts.add(m.path("host").asText()));
    }
    return hosts;
  }
}
