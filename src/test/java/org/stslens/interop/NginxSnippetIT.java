package org.stslens.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.check.TestWorld;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.report.DomainVerdict;
import org.stslens.lab.IssuedCertificate;
import org.stslens.lab.LabServer;
import org.stslens.workbench.publish.PublishingKit;
import org.stslens.workbench.publish.Snippet;

/**
 * The policy editor's nginx snippet, served by Debian's real nginx: only the certificate paths, the
 * root folder and the port are changed (as its comments tell an admin to), and a full check then
 * finds the exact file bytes, served as text/plain with status 200 and no redirect. Needs only the
 * nginx binary (an unprivileged port on 127.0.0.1, routed by the check's port map).
 */
class NginxSnippetIT {

  private static final String DOMAIN = "snippet.test";
  private static final String POLICY =
      "version: STSv1\nmode: enforce\nmx: mx1.snippet.test\nmax_age: 604800\n";

  @TempDir Path dir;

  @Test
  void theGeneratedNginxSnippetServesThePolicyAsASenderNeedsIt() throws Exception {
    if (!Files.isExecutable(Path.of(RealServers.NGINX))) {
      String reason = RealServers.NGINX + " is missing (Debian package nginx)";
      if ("require".equals(System.getenv("STSLENS_INTEROP"))) {
        fail("STSLENS_INTEROP=require but " + reason);
      }
      System.out.println("[WARNING] nginx snippet test skipped: " + reason);
      assumeTrue(false, reason);
    }
    PublishingKit kit =
        PublishingKit.build(DOMAIN, POLICY, Clock.systemUTC(), Optional.empty(), Optional.empty());
    Snippet snippet = kit.snippet("nginx.conf").orElseThrow();

    try (TestWorld world = new TestWorld()) {
      IssuedCertificate cert = world.ca.issue("mta-sts." + DOMAIN);
      Path chain = Files.writeString(dir.resolve("fullchain.pem"), cert.chainPem());
      Path key = Files.writeString(dir.resolve("privkey.pem"), cert.privateKeyPem());
      Path root = Files.createDirectories(dir.resolve("www"));
      Files.createDirectories(root.resolve(".well-known"));
      Files.write(root.resolve(".well-known/mta-sts.txt"), kit.fileBytes());
      // nginx's workers drop root for nobody: the web root must be readable by others, as a
      // real /var/www is (the temporary folder starts as owner-only)
      for (Path p : List.of(dir, root, root.resolve(".well-known"))) {
        Files.setPosixFilePermissions(
            p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Files.setPosixFilePermissions(
          root.resolve(".well-known/mta-sts.txt"),
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      int port = freePort();

      String server =
          adapt(
              snippet.text(),
              List.of(
                  new String[] {"listen [::]:443 ssl;", ""},
                  new String[] {"listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;"},
                  new String[] {"/etc/ssl/mta-sts." + DOMAIN + "/fullchain.pem", chain.toString()},
                  new String[] {"/etc/ssl/mta-sts." + DOMAIN + "/privkey.pem", key.toString()},
                  new String[] {"/var/www/mta-sts." + DOMAIN, root.toString()}));
      Path conf = dir.resolve("nginx.conf");
      Files.writeString(conf, mainConfig(server));
      Process nginx =
          new ProcessBuilder(
                  RealServers.NGINX,
                  "-e",
                  dir.resolve("error.log").toString(),
                  "-p",
                  dir.toString(),
                  "-c",
                  conf.toString(),
                  "-g",
                  "daemon off;")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nginx.out").toFile())
              .start();
      world.add(new NginxServer(nginx, port));
      awaitListening(nginx, port);

      world.standardDns(DOMAIN, "1", "mx1." + DOMAIN);
      world.goodMx(0, "mx1." + DOMAIN);
      DomainReport report = world.check(DOMAIN);

      FetchResult fetch = report.fetch().orElseThrow();
      assertThat(fetch.status()).isEqualTo(200);
      assertThat(fetch.headers())
          .anySatisfy(
              h -> {
                assertThat(h.name()).isEqualToIgnoringCase("Content-Type");
                assertThat(h.value()).startsWith("text/plain");
              });
      assertThat(fetch.body()).isEqualTo(kit.fileBytes());
      assertThat(fetch.findings()).noneMatch(Finding::isError);
      assertThat(report.verdict()).isEqualTo(DomainVerdict.ENFORCED);
    }
  }

  /** Replaces what the snippet tells the admin to adapt; each must be in it. */
  private static String adapt(String text, List<String[]> replacements) {
    String out = text;
    for (String[] r : replacements) {
      assertThat(out).as("the snippet contains %s", r[0]).contains(r[0]);
      out = out.replace(r[0], r[1]);
    }
    return out;
  }

  /** What nginx.conf around the admin's server block holds on Debian: mime.types included. */
  private String mainConfig(String server) throws IOException {
    for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      Files.createDirectories(dir.resolve("tmp").resolve(temp));
    }
    StringBuilder c = new StringBuilder();
    c.append("worker_processes 1;\npid ").append(dir.resolve("nginx.pid")).append(";\n");
    c.append("events { worker_connections 64; }\nhttp {\n");
    if (Files.isRegularFile(Path.of("/etc/nginx/mime.types"))) {
      c.append("  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n");
    }
    c.append("  access_log ").append(dir.resolve("access.log")).append(";\n");
    for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      c.append("  ").append(temp).append("_temp_path ").append(dir.resolve("tmp").resolve(temp));
      c.append(";\n");
    }
    return c.append(server).append("\n}\n").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitListening(Process nginx, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!nginx.isAlive()) {
        fail(
            "nginx exited: "
                + Files.readString(dir.resolve("nginx.out"), StandardCharsets.UTF_8)
                + Files.readString(dir.resolve("error.log"), StandardCharsets.UTF_8));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    fail("nginx did not listen on port " + port);
  }

  /** nginx as a lab server of the world: 127.0.0.1:443 is routed to its port; closing stops it. */
  private record NginxServer(Process process, int port) implements LabServer {
    @Override
    public InetSocketAddress address() {
      return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public int standardPort() {
      return 443;
    }

    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
