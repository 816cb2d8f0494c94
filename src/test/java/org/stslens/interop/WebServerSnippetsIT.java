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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * The policy editor's web server snippets, served by Debian's real nginx, Apache httpd and Caddy.
 * Only what a snippet's comments tell an admin to adapt is changed (certificate paths, web root),
 * plus a free port on 127.0.0.1 instead of 443, which the check's port map routes to. A full check
 * must then find the kit's exact file bytes, served as text/plain with status 200, and the domain
 * enforced. Needs only the server binaries, no root; skipped without them unless
 * STSLENS_INTEROP=require.
 */
class WebServerSnippetsIT {

  private static final String DOMAIN = "snippet.test";
  private static final String HOST = "mta-sts." + DOMAIN;
  private static final String POLICY =
      "version: STSv1\nmode: enforce\nmx: mx1.snippet.test\nmax_age: 604800\n";
  private static final String MODULES = "/usr/lib/apache2/modules/";

  @TempDir Path dir;
  private final TestWorld world = new TestWorld();
  private PublishingKit kit;
  private Path chain;
  private Path key;
  private Path root;
  private int port;

  @BeforeEach
  void serverFiles() throws IOException {
    kit =
        PublishingKit.build(DOMAIN, POLICY, Clock.systemUTC(), Optional.empty(), Optional.empty());
    IssuedCertificate cert = world.ca.issue(HOST);
    chain = Files.writeString(dir.resolve("fullchain.pem"), cert.chainPem());
    key = Files.writeString(dir.resolve("privkey.pem"), cert.privateKeyPem());
    root = Files.createDirectories(dir.resolve("www"));
    Path wellKnown = Files.createDirectories(root.resolve(".well-known"));
    Path file = Files.write(wellKnown.resolve("mta-sts.txt"), kit.fileBytes());
    // the servers' workers drop root for nobody: the web root must be readable by others, as a
    // real /var/www is (a temporary folder starts owner-only)
    for (Path p : List.of(dir, root, wellKnown)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    port = freePort();
    world.standardDns(DOMAIN, "1", "mx1." + DOMAIN);
    world.goodMx(0, "mx1." + DOMAIN);
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void nginx() throws Exception {
    requireBinary(RealServers.NGINX, "nginx");
    String server =
        adapt(
            "nginx.conf",
            Map.of(
                "listen [::]:443 ssl;",
                "",
                "listen 443 ssl;",
                "listen 127.0.0.1:" + port + " ssl;",
                "/etc/ssl/" + HOST + "/fullchain.pem",
                chain.toString(),
                "/etc/ssl/" + HOST + "/privkey.pem",
                key.toString(),
                "/var/www/" + HOST,
                root.toString()));
    StringBuilder c = new StringBuilder("worker_processes 1;\n");
    c.append("pid ").append(dir.resolve("nginx.pid")).append(";\n");
    c.append("events { worker_connections 64; }\nhttp {\n");
    // what Debian's nginx.conf has around a site: the system MIME table
    c.append("  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n");
    c.append("  access_log ").append(dir.resolve("nginx-access.log")).append(";\n");
    for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      Path p = Files.createDirectories(dir.resolve("nginx-tmp").resolve(temp));
      c.append("  ").append(temp).append("_temp_path ").append(p).append(";\n");
    }
    c.append(server).append("\n}\n");
    Path conf = Files.writeString(dir.resolve("nginx.conf"), c);
    serve(
        List.of(
            RealServers.NGINX,
            "-e",
            dir.resolve("nginx-error.log").toString(),
            "-p",
            dir.toString(),
            "-c",
            conf.toString(),
            "-g",
            "daemon off;"),
        Map.of());
  }

  @Test
  void apacheHttpd() throws Exception {
    requireBinary("/usr/sbin/apache2", "apache2");
    String site =
        adapt(
            "apache-httpd.conf",
            Map.of(
                "<VirtualHost *:443>",
                "<VirtualHost *:" + port + ">",
                "/etc/ssl/" + HOST + "/fullchain.pem",
                chain.toString(),
                "/etc/ssl/" + HOST + "/privkey.pem",
                key.toString(),
                "/var/www/" + HOST,
                root.toString()));
    Path run = Files.createDirectories(dir.resolve("apache"));
    StringBuilder c = new StringBuilder();
    c.append("ServerRoot \"").append(run).append("\"\nDefaultRuntimeDir \"").append(run);
    c.append("\"\nPidFile \"").append(run.resolve("httpd.pid")).append("\"\n");
    c.append("ErrorLog \"").append(run.resolve("error.log")).append("\"\nLogLevel warn\n");
    c.append("ServerName localhost\nListen 127.0.0.1:").append(port).append('\n');
    for (String module : List.of("mpm_event", "authz_core", "mime", "socache_shmcb", "ssl")) {
      c.append("LoadModule ").append(module).append("_module ").append(MODULES);
      c.append("mod_").append(module).append(".so\n");
    }
    // what Debian's apache2.conf has around a site: the system MIME table
    c.append("TypesConfig /etc/mime.types\n");
    if (RealServers.run("id", "-u").trim().equals("0")) {
      c.append("User nobody\nGroup nogroup\n");
    }
    c.append(site);
    Path conf = Files.writeString(run.resolve("httpd.conf"), c);
    serve(List.of("/usr/sbin/apache2", "-f", conf.toString(), "-DFOREGROUND"), Map.of());
  }

  @Test
  void caddy() throws Exception {
    requireBinary("/usr/bin/caddy", "caddy");
    // the site address gets the port, a bind address and this CA's certificate instead of an
    // ACME one: Caddy would otherwise try to obtain a certificate from the internet
    String site =
        adapt(
            "Caddyfile",
            Map.of(
                HOST + " {",
                "https://" + HOST + ":" + port + " {\n\tbind 127.0.0.1\n\ttls " + chain + " " + key,
                "/var/www/" + HOST,
                root.toString()));
    String global =
        "{\n\tadmin off\n\tauto_https off\n\tstorage file_system "
            + dir.resolve("caddy-data")
            + "\n}\n";
    Path conf = Files.writeString(dir.resolve("Caddyfile"), global + site);
    serve(
        List.of("/usr/bin/caddy", "run", "--config", conf.toString(), "--adapter", "caddyfile"),
        Map.of(
            "HOME", dir.toString(),
            "XDG_DATA_HOME", dir.resolve("xdg-data").toString(),
            "XDG_CONFIG_HOME", dir.resolve("xdg-config").toString()));
  }

  /** Starts the server, checks the domain, and asserts what a sender needs of the policy URL. */
  private void serve(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.out").toFile());
    builder.environment().putAll(env);
    Process server = builder.start();
    world.add(new ProcessServer(server, port));
    awaitListening(server);

    DomainReport report = world.check(DOMAIN);
    FetchResult fetch = report.fetch().orElseThrow();
    assertThat(fetch.status()).as("status (server log: %s)", log()).isEqualTo(200);
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

  /** The snippet with what its comments say to adapt replaced; each must be in it. */
  private String adapt(String fileName, Map<String, String> replacements) {
    String text = kit.snippet(fileName).orElseThrow().text();
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      assertThat(text).as("the %s snippet contains %s", fileName, r.getKey()).contains(r.getKey());
      text = text.replace(r.getKey(), r.getValue());
    }
    return text;
  }

  private static void requireBinary(String path, String debianPackage) {
    if (Files.isExecutable(Path.of(path))) {
      return;
    }
    String reason = path + " is missing (Debian package " + debianPackage + ")";
    if ("require".equals(System.getenv("STSLENS_INTEROP"))) {
      fail("STSLENS_INTEROP=require but " + reason);
    }
    System.out.println("[WARNING] web server snippet test skipped: " + reason);
    assumeTrue(false, reason);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitListening(Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        fail("the server exited: " + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    fail("the server did not listen on port " + port + ": " + log());
  }

  private String log() {
    StringBuilder s = new StringBuilder();
    for (String name : List.of("server.out", "nginx-error.log", "apache/error.log")) {
      Path p = dir.resolve(name);
      try {
        if (Files.isRegularFile(p)) {
          s.append(Files.readString(p, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        s.append("(").append(name).append(" unreadable)");
      }
    }
    return s.toString();
  }

  /** A server process as a lab server of the world: 127.0.0.1:443 routes to its port. */
  private record ProcessServer(Process process, int port) implements LabServer {
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
      // the master first: while it lives it replaces every worker that dies
      List<ProcessHandle> workers = process.descendants().toList();
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      workers.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
