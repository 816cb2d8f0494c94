package org.stslens.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.stslens.interop.ServerConfigs.World;
import org.stslens.lab.CertificateAuthority;
import org.stslens.lab.IssuedCertificate;
import org.stslens.lab.LabCertificates;
import org.stslens.lab.Scenario;

/**
 * unbound, nginx and Postfix, configured from the scenario worlds and running in a private network
 * namespace of their own on the standard ports (DNS 53, HTTPS 443, SMTP 25). {@link #close()} (and
 * a JVM shutdown hook, should the JVM die first) stops every process it started, kills whatever is
 * left in the namespace and deletes the namespace and the temporary directory.
 */
final class RealServers implements AutoCloseable {

  static final String UNBOUND = "/usr/sbin/unbound";
  static final String NGINX = "/usr/sbin/nginx";
  static final String POSTFIX_MASTER = "/usr/lib/postfix/sbin/master";

  /** The DNS server of variant V (0: the scenarios as written, 1: their fixes). */
  static String dnsAddress(int variant) {
    return "127.53." + variant + ".1";
  }

  /**
   * The DNS server of the signed worlds of variant V: an unbound authoritative for the signed zone
   * files, checked with that variant's trust anchor ({@link #trustAnchor}).
   */
  static String signedDnsAddress(int variant) {
    return "127.53." + variant + ".2";
  }

  /** Where nothing listens: the name server of the zones that must fail with SERVFAIL. */
  static String deadAddress(int variant) {
    return "127.53." + variant + ".99";
  }

  private final String namespace = "stslens-interop-" + ProcessHandle.current().pid();
  private final Path dir;
  private final Path caPem;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::stop, "stslens-interop-cleanup");
  private boolean stopped;

  private RealServers(Path dir) {
    this.dir = dir;
    this.caPem = dir.resolve("ca.pem");
  }

  /** Writes every configuration and certificate, then starts the servers and waits for them. */
  static RealServers start(List<World> worlds) throws IOException, InterruptedException {
    Path dir =
        Files.createTempDirectory(
            "stslens-interop-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    RealServers servers = new RealServers(dir);
    Runtime.getRuntime().addShutdownHook(servers.hook);
    try {
      servers.startAll(worlds);
      return servers;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      servers.close();
      throw e;
    }
  }

  String namespace() {
    return namespace;
  }

  Path caPem() {
    return caPem;
  }

  Path dir() {
    return dir;
  }

  /** The trust anchor file (DS records, zone-file form) of variant V's signed zones. */
  Path trustAnchor(int variant) {
    return dir.resolve("trust-anchor-" + variant + ".ds");
  }

  private void startAll(List<World> worlds) throws IOException, InterruptedException {
    // A fresh CA per run, trusted only through --trust.
    CertificateAuthority ca = CertificateAuthority.create("STS Lens interop CA");
    Files.writeString(caPem, ca.certificatePem(), StandardCharsets.US_ASCII);

    Path certs = Files.createDirectories(dir.resolve("certs"));
    // TLSA records name these: the served MX certificates, the CA, and one no server uses
    java.util.Map<String, java.security.cert.X509Certificate> named = new java.util.HashMap<>();
    Path bodies = Files.createDirectories(dir.resolve("bodies"));
    for (World w : worlds) {
      Scenario s = w.scenario();
      if (s.policyHost() != null) {
        write(
            certs,
            w.key() + "-policy",
            LabCertificates.issue(
                ca, s.policyHost().certificate(), "mta-sts." + s.domain(), s.domain()));
        Files.write(
            bodies.resolve(w.key() + ".txt"),
            s.policyHost().servedBody().getBytes(StandardCharsets.UTF_8));
      }
      for (int i = 0; i < s.mx().size(); i++) {
        Scenario.MxHost mx = s.mx().get(i);
        IssuedCertificate issued =
            LabCertificates.issue(ca, mx.certificate(), mx.name(), s.domain());
        write(certs, w.key() + "-mx" + (i + 1), issued);
        named.put(w.key() + " mx" + (i + 1), issued.leaf());
      }
      if (!s.dns().tlsa().isEmpty()) {
        named.put(w.key() + " ca", ca.certificate());
        String host = s.mx().isEmpty() ? s.domain() : s.mx().get(0).name();
        named.put(w.key() + " retired", ca.issue(host).leaf());
      }
    }

    run("ip", "netns", "add", namespace);
    run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");

    Set<String> listeners = new LinkedHashSet<>();
    for (int variant = 0; variant <= 1; variant++) {
      final int v = variant;
      List<World> ofVariant = worlds.stream().filter(w -> w.variant() == v).toList();
      Path unboundDir = Files.createDirectories(dir.resolve("unbound-" + v));
      Path conf = unboundDir.resolve("unbound.conf");
      Files.writeString(
          conf, ServerConfigs.unbound(dnsAddress(v), deadAddress(v), unboundDir, ofVariant));
      spawn("unbound-" + v, UNBOUND, "-d", "-c", conf.toString());
      listeners.add("udp " + dnsAddress(v) + ":53");
      listeners.add("tcp " + dnsAddress(v) + ":53");
      if (!ServerConfigs.signedWorlds(ofVariant).isEmpty()) {
        startSigned(v, ofVariant, named, listeners);
      }
    }

    Path nginxDir = Files.createDirectories(dir.resolve("nginx"));
    for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      Files.createDirectories(nginxDir.resolve("tmp").resolve(temp));
    }
    Path nginxConf = nginxDir.resolve("nginx.conf");
    Files.writeString(
        nginxConf,
        ServerConfigs.nginx(
            nginxDir,
            worlds,
            new ServerConfigs.PolicyFiles() {
              @Override
              public Path body(World w) {
                return bodies.resolve(w.key() + ".txt");
              }

              @Override
              public Path chain(World w) {
                return certs.resolve(w.key() + "-policy.chain.pem");
              }

              @Override
              public Path key(World w) {
                return certs.resolve(w.key() + "-policy.key.pem");
              }
            }));
    spawn(
        "nginx",
        NGINX,
        "-e",
        nginxDir.resolve("error.log").toString(),
        "-p",
        nginxDir.toString(),
        "-c",
        nginxConf.toString(),
        "-g",
        "daemon off;");

    Path postfix = Files.createDirectories(dir.resolve("postfix"));
    Path queue = postfix.resolve("queue");
    Files.createDirectories(queue.resolve("pid"));
    for (Path owned :
        List.of(
            Files.createDirectories(queue.resolve("public")),
            Files.createDirectories(queue.resolve("private")),
            Files.createDirectories(postfix.resolve("data")))) {
      run("chown", "postfix", owned.toString());
    }
    Files.writeString(postfix.resolve("main.cf"), ServerConfigs.postfixMain(postfix));
    Files.writeString(
        postfix.resolve("master.cf"),
        ServerConfigs.postfixMaster(
            postfix,
            worlds,
            new ServerConfigs.MxFiles() {
              @Override
              public Path chain(World w, int mx) {
                return certs.resolve(w.key() + "-mx" + mx + ".chain.pem");
              }

              @Override
              public Path key(World w, int mx) {
                return certs.resolve(w.key() + "-mx" + mx + ".key.pem");
              }
            }));
    spawn("postfix", POSTFIX_MASTER, "-c", postfix.toString(), "-d");

    // A dripping MX: the real Postfix's bytes, passed on by the lab's DripRelay one at a time.
    List<String> relays = ServerConfigs.dripRelays(worlds);
    if (!relays.isEmpty()) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  ProcessHandle.current().info().command().orElse("java"),
                  // IPv4 sockets, so ss lists 127.x.y.z:25 (not ::ffff:127.x.y.z) for the wait
                  "-Djava.net.preferIPv4Stack=true",
                  "-cp",
                  System.getProperty("java.class.path"),
                  DripRelays.class.getName()));
      command.addAll(relays);
      spawn("drip-relays", command.toArray(String[]::new));
      for (String relay : relays) {
        String[] part = relay.split("=");
        listeners.add("tcp " + part[1]); // Postfix behind the relay
      }
    }

    for (World w : worlds) {
      if (w.scenario().policyHost() != null) {
        listeners.add("tcp " + w.policyAddress() + ":443");
      }
      for (int i = 0; i < w.scenario().mx().size(); i++) {
        Scenario.MxHost mx = w.scenario().mx().get(i);
        if (!mx.portClosed() && !mx.noAddress()) {
          listeners.add("tcp " + w.mxAddress(i + 1) + ":25");
        }
      }
    }
    awaitListeners(listeners, Duration.ofSeconds(30));
  }

  /**
   * The signed zones of variant V written as zone files, an unbound serving them on {@link
   * #signedDnsAddress}, and the trust anchor file.
   */
  private void startSigned(
      int v,
      List<World> ofVariant,
      java.util.Map<String, java.security.cert.X509Certificate> named,
      Set<String> listeners)
      throws IOException {
    Path signedDir = Files.createDirectories(dir.resolve("unbound-signed-" + v));
    List<org.stslens.lab.LabSignedZones> zones =
        ServerConfigs.signedZones(
            signedDnsAddress(v),
            ofVariant,
            (w, token) -> {
              java.security.cert.X509Certificate cert = named.get(w.key() + " " + token);
              if (cert == null) {
                throw new IllegalArgumentException(w.key() + ": no certificate " + token);
              }
              return cert;
            });
    java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
    StringBuilder anchors = new StringBuilder();
    List<String> parents = new ArrayList<>();
    for (org.stslens.lab.LabSignedZones z : zones) {
      parents.add(z.parentName());
      anchors.append(z.trustAnchor());
      for (java.util.Map.Entry<String, String> zone : z.zoneFiles().entrySet()) {
        Path file = signedDir.resolve(zone.getKey() + "zone");
        Files.writeString(file, zone.getValue(), StandardCharsets.US_ASCII);
        files.put(zone.getKey(), file);
      }
    }
    Files.writeString(trustAnchor(v), anchors, StandardCharsets.US_ASCII);
    Path conf = signedDir.resolve("unbound.conf");
    Files.writeString(
        conf, ServerConfigs.unboundSigned(signedDnsAddress(v), signedDir, parents, files));
    spawn("unbound-signed-" + v, UNBOUND, "-d", "-c", conf.toString());
    listeners.add("udp " + signedDnsAddress(v) + ":53");
    listeners.add("tcp " + signedDnsAddress(v) + ":53");
  }

  private static void write(Path certs, String name, IssuedCertificate cert) throws IOException {
    Files.writeString(certs.resolve(name + ".chain.pem"), cert.chainPem());
    Files.writeString(certs.resolve(name + ".key.pem"), cert.privateKeyPem());
  }

  /** Starts a server in the namespace, in the foreground, its output in a log file. */
  private void spawn(String name, String... command) throws IOException {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(List.of(command));
    Path log = dir.resolve(name + ".out");
    Process p =
        new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(p);
  }

  /** Waits until every "tcp|udp IP:PORT" is listening in the namespace. */
  private void awaitListeners(Set<String> expected, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Set<String> missing = new HashSet<>(expected);
    while (true) {
      missing.removeAll(listening());
      if (missing.isEmpty()) {
        return;
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a server exited with " + p.exitValue() + " before listening:\n" + logs());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not listening after " + limit.toSeconds() + " s: " + missing + "\n" + logs());
      }
      Thread.sleep(100);
    }
  }

  private Set<String> listening() throws IOException, InterruptedException {
    Set<String> found = new HashSet<>();
    String out = run("ip", "netns", "exec", namespace, "ss", "-Hlntu");
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 5) {
        found.add(f[0] + " " + f[4]);
      }
    }
    return found;
  }

  /** The tail of every server log, for failure messages. */
  String logs() {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path log :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".out")
                          || p.toString().endsWith(".log")
                          || p.getFileName().toString().equals("maillog"))
              .toList()) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        all.append("== ").append(log).append('\n');
        lines
            .subList(Math.max(0, lines.size() - 30), lines.size())
            .forEach(l -> all.append(l).append('\n'));
      }
    } catch (IOException | UncheckedIOException e) {
      all.append("(logs unreadable: ").append(e).append(")\n");
    }
    return all.toString();
  }

  /** Runs a short command and returns its output; fails on a non-zero exit. */
  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
    }
    return out;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  /** Stops everything; safe to call twice and from the shutdown hook. */
  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    // Deleting a namespace does not kill its processes: children the servers forked (nginx
    // workers, Postfix's smtpd) are killed here by the namespace's own list.
    try {
      for (int round = 0; round < 20; round++) {
        String pids = quiet("ip", "netns", "pids", namespace).trim();
        if (pids.isEmpty()) {
          break;
        }
        for (String pid : pids.split("\\s+")) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // keep going: the namespace and the directory must still go
    }
    quiet("ip", "netns", "del", namespace);
    if (!Boolean.getBoolean("stslens.interop.keep")) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }

  private static String quiet(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return p.exitValue() == 0 ? out : "";
    } catch (IOException | IllegalThreadStateException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
