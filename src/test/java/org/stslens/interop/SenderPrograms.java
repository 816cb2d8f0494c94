package org.stslens.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real MTA-STS implementations {@link RealSendersIT} runs inside the interop namespace, against
 * the variant's unbound and the run's CA: Debian's {@code mta-sts-query} (postfix-mta-sts-resolver)
 * and Postfix's {@code postmap} asking the resolver's {@code mta-sts-daemon} through its socketmap,
 * and mailauth's MTA-STS functions (src/test/node/mta-sts).
 */
final class SenderPrograms {

  static final String MTA_STS_QUERY = "/usr/bin/mta-sts-query";
  static final String MTA_STS_DAEMON = "/usr/bin/mta-sts-daemon";
  static final String POSTMAP = "/usr/sbin/postmap";
  static final Path MAILAUTH = Path.of("src/test/node/mta-sts").toAbsolutePath();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RESULT = Pattern.compile("STSFetchResult\\.([A-Z_]+)");
  private static final Pattern MODE = Pattern.compile("'mode': '([^']*)'");

  private SenderPrograms() {}

  /** Null when both programs can run, else what is missing, in words. */
  static String missing() {
    for (String p : List.of(MTA_STS_QUERY, MTA_STS_DAEMON, POSTMAP)) {
      if (!Files.isExecutable(Path.of(p))) {
        return p + " is missing (Debian packages postfix-mta-sts-resolver, postfix)";
      }
    }
    try {
      RealServers.run("node", "--version");
    } catch (IOException | InterruptedException e) {
      return "node is not usable (Debian package nodejs): " + e.getMessage();
    }
    if (!Files.isRegularFile(MAILAUTH.resolve("node_modules/mailauth/package.json"))) {
      return "mailauth is not installed: run npm ci in " + MAILAUTH;
    }
    return null;
  }

  /**
   * What {@code mta-sts-query DOMAIN} printed: its {@code STSFetchResult} and, for {@code VALID},
   * the policy's mode.
   */
  record ResolverAnswer(String result, String mode, String raw) {

    /** The policy the resolver hands Postfix, in the words of the report's {@code applies}. */
    String applies() {
      // NONE (no usable record) and FETCH_ERROR with nothing cached both leave Postfix without one
      return result.equals("VALID") ? mode : "no-policy";
    }
  }

  /** What mailauth's getPolicy returned, and validateMx for each MX host. */
  record MailauthAnswer(
      String status, String mode, String id, String error, Map<String, Boolean> valid, String raw) {

    /**
     * The policy mailauth hands its caller, in the words of the report's {@code applies}: "found"
     * is the policy's mode; "errored" after the record was found (an id) is mode none for an hour,
     * a policy in all but name; "not_found", or "errored" before any record (id false), is none.
     */
    String applies() {
      return switch (status) {
        case "found" -> mode;
        case "not_found" -> "no-policy";
        case "errored" -> id != null ? "none" : "no-policy";
        default -> throw new IllegalStateException("mailauth status " + status + ": " + raw);
      };
    }
  }

  /** The private resolv.conf of a variant: c-ares (aiodns) reads only /etc/resolv.conf. */
  static Path resolvConf(RealServers servers, int variant) throws IOException {
    Path conf = servers.dir().resolve("resolv-" + variant + ".conf");
    if (!Files.exists(conf)) {
      Files.writeString(
          conf,
          "nameserver " + RealServers.dnsAddress(variant) + "\noptions timeout:2 attempts:1\n");
    }
    return conf;
  }

  /**
   * The command prefix that runs a program in the namespace with the variant's resolv.conf bound
   * over /etc/resolv.conf in a mount namespace of its own (the host's file is left alone).
   */
  static List<String> inNamespace(RealServers servers, int variant) throws IOException {
    return new ArrayList<>(
        List.of(
            "ip",
            "netns",
            "exec",
            servers.namespace(),
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            "mount --bind \"$0\" /etc/resolv.conf && exec \"$@\"",
            resolvConf(servers, variant).toString()));
  }

  static ResolverAnswer mtaStsQuery(RealServers servers, int variant, String domain) {
    List<String> command = inNamespaceUnchecked(servers, variant);
    command.addAll(List.of(MTA_STS_QUERY, "-v", "warn", domain));
    Output out = exec(command, Map.of("SSL_CERT_FILE", servers.caPem().toString()), null, 60);
    Matcher r = RESULT.matcher(out.stdout());
    if (!r.find()) {
      throw new IllegalStateException("mta-sts-query " + domain + " printed no result: " + out);
    }
    Matcher m = MODE.matcher(out.stdout());
    return new ResolverAnswer(r.group(1), m.find() ? m.group(1) : null, out.toString());
  }

  /** Runs mailauth once for every domain of a variant (concurrently inside one Node process). */
  static Map<String, MailauthAnswer> mailauth(
      RealServers servers, int variant, Map<String, List<String>> mxByDomain) {
    ArrayNode jobs = JSON.createArrayNode();
    mxByDomain.forEach(
        (domain, mx) -> {
          ArrayNode hosts = jobs.addObject().put("domain", domain).putArray("mx");
          mx.forEach(hosts::add);
        });
    List<String> command = inNamespaceUnchecked(servers, variant);
    command.addAll(
        List.of(
            "node",
            MAILAUTH.resolve("mta-sts.js").toString(),
            RealServers.dnsAddress(variant) + ":53"));
    Output out =
        exec(
            command,
            Map.of("NODE_EXTRA_CA_CERTS", servers.caPem().toString()),
            jobs.toString(),
            120);
    Map<String, MailauthAnswer> answers = new LinkedHashMap<>();
    try {
      for (JsonNode a : JSON.readTree(out.stdout())) {
        Map<String, Boolean> valid = new LinkedHashMap<>();
        a.path("mx").forEach(m -> valid.put(m.path("host").asText(), m.path("valid").asBoolean()));
        answers.put(
            a.path("domain").asText(),
            new MailauthAnswer(
                a.path("status").asText(),
                a.path("mode").asText(),
                a.path("id").isNull() ? null : a.path("id").asText(),
                a.path("error").isNull() ? null : a.path("error").asText(),
                valid,
                a.toString()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("mailauth printed no JSON: " + out, e);
    }
    return answers;
  }

  private static List<String> inNamespaceUnchecked(RealServers servers, int variant) {
    try {
      return inNamespace(servers, variant);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Output(int exit, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }

  static Output exec(List<String> command, Map<String, String> env, String stdin, int seconds) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env);
      Process p = pb.start();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      if (stdin != null) {
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      p.getOutputStream().close();
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish in " + seconds + " s");
      }
      return new Output(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String readAll(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
