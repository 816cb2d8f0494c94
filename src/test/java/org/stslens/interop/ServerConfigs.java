package org.stslens.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stslens.lab.LabDnssec;
import org.stslens.lab.LabSignedZones;
import org.stslens.lab.Scenario;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * Writes the configuration of the real servers (unbound, nginx, Postfix) for the worlds of the
 * interop suite, from the same {@link Scenario} data the in-process lab serves. Pure text
 * generation: no files, no processes.
 */
final class ServerConfigs {

  /** Where Postfix listens for an MX whose scenario drips: a DripRelay takes its port 25. */
  static final int DRIP_BACKEND_PORT = 2525;

  private ServerConfigs() {}

  /**
   * The drip relays' arguments for {@link DripRelays}: {@code MX_IP:25=MX_IP:2525=DRIP} for every
   * MX that drips.
   */
  static List<String> dripRelays(List<World> worlds) {
    List<String> relays = new ArrayList<>();
    for (World w : worlds) {
      List<Scenario.MxHost> hosts = w.scenario().mx();
      for (int i = 0; i < hosts.size(); i++) {
        Scenario.MxHost mx = hosts.get(i);
        if (mx.drip() != null && !mx.portClosed() && !mx.noAddress()) {
          String ip = w.mxAddress(i + 1);
          relays.add(ip + ":25=" + ip + ":" + DRIP_BACKEND_PORT + "=" + mx.drip());
        }
      }
    }
    return relays;
  }

  /**
   * One scenario world on its own addresses: the policy host on {@code 127.V.N.1}, MX host i
   * (1-based) on {@code 127.V.N.(i+1)}, where V is 0 for the scenario as written and 1 for its fix,
   * and N is the scenario's 1-based position in the catalog (as {@code lab serve all}).
   */
  record World(Scenario scenario, int variant, int subnet) {

    String prefix() {
      return "127." + variant + "." + subnet + ".";
    }

    String policyAddress() {
      return prefix() + "1";
    }

    String mxAddress(int i) {
      return prefix() + (i + 1);
    }

    String domain() {
      return scenario.domain();
    }

    /** A file-name-safe key: the scenario id, plus {@code -fixed} for the fix. */
    String key() {
      return scenario.id() + (variant == 0 ? "" : "-fixed");
    }

    /** {@code policy-host}, {@code mx1}, {@code mx2}... or a literal loopback address. */
    String resolve(String token) {
      return org.stslens.lab.LabWorld.resolve(token, policyAddress(), this::mxAddress);
    }
  }

  /**
   * What stock servers cannot serve as written: an empty list when the world is reproducible. The
   * suite refuses a world with such features unless it is excluded with a reason.
   */
  static List<String> unsupportedFeatures(Scenario s) {
    List<String> features = new ArrayList<>();
    Scenario.Dns d = s.dns();
    if (!d.truncate().isEmpty()) {
      features.add("dns truncate");
    }
    if (!d.drop().isEmpty()) {
      features.add("dns drop");
    }
    // unbound answers from local-data only with records owned by the name asked, and scrubs other
    // owners out of an upstream's answer ("normalize: removing irrelevant RRset", tried by hand)
    if (!d.foreignAnswers().isEmpty()) {
      features.add("dns foreignAnswers");
    }
    // unbound's local-data answers carry no additional section, with minimal-responses yes or no
    // (dig, unbound 1.17.1)
    if (d.additionalAddresses()) {
      features.add("dns additionalAddresses");
    }
    // DNSSEC: the scenario's zone is a signed zone file served by the DANE unbound (see
    // signedZones), which holds only the zone's own records, all fixed in advance.
    if (d.dnssec() != null) {
      if (!d.servfail().isEmpty() || !d.stalledA().isEmpty()) {
        features.add("dns servfail or stalledA in a signed zone");
      }
      if (!signedZoneOwners(s).stream().allMatch(name -> isAtOrBelow(name, s.domain()))) {
        features.add("dns names outside the scenario's signed zone");
      }
    } else if (!d.tlsa().isEmpty()) {
      features.add("dns tlsa outside a signed zone");
    }
    Scenario.PolicyHost host = s.policyHost();
    if (host != null && host.delayMs() != null) {
      features.add("policy delayMs");
    }
    if (host != null && host.stall()) {
      features.add("policy stall");
    }
    // the body of a non-200 answer goes through error_page, which takes only 300 to 599
    if (host != null && host.status() > 200 && host.status() < 300 && host.redirectTo() == null) {
      features.add("policy status 2xx other than 200");
    }
    // nginx writes its own reason phrase for each status code; no directive sets it.
    if (host != null && host.reason() != null) {
      features.add("policy reason");
    }
    // nginx (OpenSSL's default security level 1) refuses to load a SHA-1 signed certificate,
    // "SSL_CTX_use_certificate ... ca md too weak", and with it the whole configuration; no
    // directive lowers the level before the certificates are loaded.
    if (host != null && isSha1Signed(host.certificate())) {
      features.add("policy certificate sha1-signed");
    }
    for (Scenario.MxHost mx : s.mx()) {
      if (mx.greeting() != 220) {
        features.add("smtp greeting " + mx.greeting());
      }
    }
    return features;
  }

  /**
   * unbound: a static local zone for the whole tree, so it never asks another server; {@code
   * servfail} names are delegated to {@code deadAddress}, where nothing listens. The signed worlds
   * are left out: {@link #unboundSigned} serves them.
   */
  static String unbound(String listen, String deadAddress, Path dir, List<World> worlds) {
    StringBuilder c = new StringBuilder();
    c.append("server:\n");
    c.append("  interface: ").append(listen).append("\n");
    c.append("  port: 53\n  do-ip4: yes\n  do-ip6: no\n  do-udp: yes\n  do-tcp: yes\n");
    c.append("  chroot: \"\"\n  username: \"\"\n");
    c.append("  directory: \"").append(dir).append("\"\n");
    c.append("  pidfile: \"").append(dir.resolve("unbound-" + listen + ".pid")).append("\"\n");
    c.append("  use-syslog: no\n  logfile: \"\"\n  verbosity: 1\n  num-threads: 1\n");
    c.append("  access-control: 127.0.0.0/8 allow\n");
    // Queries leave unbound only for the stub zones below, which point at a dead address in the
    // namespace; infra-cache-max-rtt makes it give up on that server within 0.1 s.
    c.append("  do-not-query-localhost: no\n  infra-cache-max-rtt: 100\n");
    // Everything is answered from local data: "." static means NXDOMAIN/NODATA for the rest,
    // never a query to the root servers.
    c.append("  local-zone: \".\" static\n");
    StringBuilder stubs = new StringBuilder();
    for (World w : worlds) {
      Scenario s = w.scenario();
      Scenario.Dns d = s.dns();
      if (d.dnssec() != null) {
        continue; // served signed by the DANE unbound (unboundSigned)
      }
      // A name that must fail is delegated to a name server that does not answer (nothing
      // listens on the dead address): unbound answers SERVFAIL, as any resolver does when a
      // zone's servers are down. Its local data, if any, is left out.
      Set<String> failing = new HashSet<>();
      for (String name : d.servfail()) {
        failing.add(fqdn(name));
        c.append("  local-zone: \"").append(fqdn(name)).append("\" transparent\n");
        stubs
            .append("stub-zone:\n  name: \"")
            .append(fqdn(name))
            .append("\"\n  stub-addr: ")
            .append(deadAddress)
            .append("\n");
      }
      for (Map.Entry<String, List<String>> txt : d.txt().entrySet()) {
        if (failing.contains(fqdn(txt.getKey()))) {
          continue;
        }
        for (String record : txt.getValue()) {
          c.append("  local-data: '")
              .append(fqdn(txt.getKey()))
              .append(" 60 IN TXT ")
              .append(txtStrings(record))
              .append("'\n");
        }
      }
      for (Map.Entry<String, String> a : d.a().entrySet()) {
        if (failing.contains(fqdn(a.getKey()))) {
          continue;
        }
        c.append(localData(a.getKey(), "A", w.resolve(a.getValue())));
      }
      // stalledA: more A records of a name; nothing listens on them in the namespace
      for (Map.Entry<String, List<String>> stalled : d.stalledA().entrySet()) {
        for (String token : stalled.getValue()) {
          c.append(localData(stalled.getKey(), "A", w.resolve(token)));
        }
      }
      for (Map.Entry<String, String> cname : d.cname().entrySet()) {
        if (failing.contains(fqdn(cname.getKey()))) {
          continue;
        }
        c.append(localData(cname.getKey(), "CNAME", fqdn(cname.getValue())));
      }
      for (int i = 0; i < s.mx().size(); i++) {
        Scenario.MxHost mx = s.mx().get(i);
        c.append(localData(s.domain(), "MX", mx.preference() + " " + fqdn(mx.name())));
        // noAddress: the name gets no data at all, so under the static root zone it is NXDOMAIN
        if (!mx.noAddress() && !d.cname().containsKey(mx.name())) {
          c.append(localData(mx.name(), "A", w.mxAddress(i + 1)));
        }
      }
      if (d.nullMx()) {
        c.append(localData(s.domain(), "MX", "0 ."));
      }
    }
    c.append(stubs);
    c.append("remote-control:\n  control-enable: no\n");
    return c.toString();
  }

  /**
   * The worlds whose scenario zone is DNSSEC-signed (or provably unsigned under a signed parent).
   */
  static List<World> signedWorlds(List<World> worlds) {
    return worlds.stream().filter(w -> w.scenario().dns().dnssec() != null).toList();
  }

  /** The certificate a TLSA token of a world names: mx1, mx2..., ca or retired. */
  interface TlsaCertificates {
    X509Certificate named(World w, String token);
  }

  /**
   * The signed zones of {@code worlds} (all signed worlds of one variant): each scenario's zone
   * with all its records, under its signed parent, as {@link LabSignedZones} writes them; the name
   * server glue of every delegation is {@code listen}.
   */
  static List<LabSignedZones> signedZones(
      String listen, List<World> worlds, TlsaCertificates certificates) {
    Map<String, LabSignedZones> byParent = new java.util.TreeMap<>();
    for (World w : signedWorlds(worlds)) {
      Scenario s = w.scenario();
      String parent = s.domain().substring(s.domain().indexOf('.') + 1);
      byParent
          .computeIfAbsent(parent, p -> LabSignedZones.under(p, listen))
          .zone(
              s.domain(),
              LabDnssec.Mode.parse(s.dns().dnssec()),
              signedZoneRecords(w, certificates));
    }
    return List.copyOf(byParent.values());
  }

  /** A scenario zone's records in dnsjava form: TXT, A, CNAME, MX and the MX addresses, TLSA. */
  private static List<Record> signedZoneRecords(World w, TlsaCertificates certificates) {
    Scenario s = w.scenario();
    Scenario.Dns d = s.dns();
    List<Record> records = new ArrayList<>();
    try {
      for (Map.Entry<String, List<String>> txt : d.txt().entrySet()) {
        for (String record : txt.getValue()) {
          records.add(new TXTRecord(name(txt.getKey()), DClass.IN, 60, List.of(record)));
        }
      }
      for (Map.Entry<String, String> a : d.a().entrySet()) {
        records.add(
            new ARecord(
                name(a.getKey()),
                DClass.IN,
                60,
                java.net.InetAddress.getByName(w.resolve(a.getValue()))));
      }
      for (Map.Entry<String, String> cname : d.cname().entrySet()) {
        records.add(new CNAMERecord(name(cname.getKey()), DClass.IN, 60, name(cname.getValue())));
      }
      for (int i = 0; i < s.mx().size(); i++) {
        Scenario.MxHost mx = s.mx().get(i);
        records.add(
            new MXRecord(name(s.domain()), DClass.IN, 60, mx.preference(), name(mx.name())));
        // an MX host name that is a CNAME alias has no records of its own (as in LabWorld)
        if (!mx.noAddress() && !d.cname().containsKey(mx.name())) {
          records.add(
              new ARecord(
                  name(mx.name()),
                  DClass.IN,
                  60,
                  java.net.InetAddress.getByName(w.mxAddress(i + 1))));
        }
      }
      if (d.nullMx()) {
        records.add(new MXRecord(name(s.domain()), DClass.IN, 60, 0, org.xbill.DNS.Name.root));
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(s.id() + ": " + e.getMessage(), e);
    }
    d.tlsa()
        .forEach(
            (owner, rrs) ->
                rrs.forEach(
                    rr ->
                        records.add(
                            LabSignedZones.tlsa(
                                fqdn(owner), rr, token -> certificates.named(w, token)))));
    return records;
  }

  /** Every owner name a signed scenario zone would hold. */
  private static Set<String> signedZoneOwners(Scenario s) {
    Set<String> owners = new HashSet<>();
    Scenario.Dns d = s.dns();
    owners.addAll(d.txt().keySet());
    owners.addAll(d.a().keySet());
    owners.addAll(d.cname().keySet());
    owners.addAll(d.tlsa().keySet());
    s.mx().forEach(mx -> owners.add(mx.name()));
    return owners;
  }

  private static boolean isAtOrBelow(String name, String domain) {
    String n = fqdn(name).toLowerCase(Locale.ROOT);
    String z = fqdn(domain).toLowerCase(Locale.ROOT);
    return n.equals(z) || n.endsWith("." + z);
  }

  private static org.xbill.DNS.Name name(String name) throws TextParseException {
    return org.xbill.DNS.Name.fromString(fqdn(name));
  }

  /**
   * unbound for the signed worlds: authoritative ({@code auth-zone}, {@code for-downstream}) for
   * each zone file in {@code zoneFiles} (zone name to file), answering with RRSIGs and NSECs to
   * queries with the DO bit. Like {@link #unbound}, it never asks another server: "." is static,
   * and each parent is a transparent local zone only so that its queries reach the auth zones
   * (unbound answers local zones before auth zones).
   */
  static String unboundSigned(
      String listen, Path dir, List<String> parents, Map<String, Path> zoneFiles) {
    StringBuilder c = new StringBuilder();
    c.append("server:\n");
    c.append("  interface: ").append(listen).append("\n");
    c.append("  port: 53\n  do-ip4: yes\n  do-ip6: no\n  do-udp: yes\n  do-tcp: yes\n");
    c.append("  chroot: \"\"\n  username: \"\"\n");
    c.append("  directory: \"").append(dir).append("\"\n");
    c.append("  pidfile: \"").append(dir.resolve("unbound-" + listen + ".pid")).append("\"\n");
    c.append("  use-syslog: no\n  logfile: \"\"\n  verbosity: 1\n  num-threads: 1\n");
    c.append("  access-control: 127.0.0.0/8 allow\n");
    c.append("  local-zone: \".\" static\n");
    for (String parent : parents) {
      c.append("  local-zone: \"").append(fqdn(parent)).append("\" transparent\n");
    }
    zoneFiles.forEach(
        (zone, file) ->
            c.append("auth-zone:\n  name: \"")
                .append(fqdn(zone))
                .append("\"\n  zonefile: \"")
                .append(file)
                .append("\"\n  for-downstream: yes\n  for-upstream: no\n  fallback-enabled: no\n"));
    c.append("remote-control:\n  control-enable: no\n");
    return c.toString();
  }

  private static String localData(String name, String type, String data) {
    return "  local-data: \"" + fqdn(name) + " 60 IN " + type + " " + data + "\"\n";
  }

  private static String fqdn(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  /** A TXT record as quoted character-strings of at most 255 bytes, quotes and \ escaped. */
  static String txtStrings(String record) {
    if (record.indexOf('\'') >= 0) {
      throw new IllegalArgumentException(
          "a ' in a TXT record cannot go in unbound.conf: " + record);
    }
    byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int start = 0; start < bytes.length || start == 0; start += 255) {
      String part =
          new String(bytes, start, Math.min(255, bytes.length - start), StandardCharsets.UTF_8);
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append('"').append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      if (bytes.length == 0) {
        break;
      }
    }
    return out.toString();
  }

  /** Files the nginx configuration points to, per world. */
  interface PolicyFiles {
    Path body(World w);

    Path chain(World w);

    Path key(World w);
  }

  /** nginx: one server block per policy host, on its own address and port 443. */
  static String nginx(Path dir, List<World> worlds, PolicyFiles files) {
    StringBuilder c = new StringBuilder();
    c.append("worker_processes 1;\n");
    c.append("pid ").append(dir.resolve("nginx.pid")).append(";\n");
    c.append("error_log ").append(dir.resolve("error.log")).append(" warn;\n");
    c.append("events { worker_connections 1024; }\n");
    c.append("http {\n");
    c.append("  access_log ").append(dir.resolve("access.log")).append(";\n");
    for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      c.append("  ")
          .append(temp)
          .append("_temp_path ")
          .append(dir.resolve("tmp").resolve(temp))
          .append(";\n");
    }
    // No extension-to-type table: every response carries exactly the scenario's content type.
    c.append("  types { }\n  server_tokens off;\n  ssl_protocols TLSv1.2 TLSv1.3;\n");
    for (World w : worlds) {
      Scenario.PolicyHost host = w.scenario().policyHost();
      if (host == null) {
        continue;
      }
      c.append("  server {\n");
      c.append("    listen ").append(w.policyAddress()).append(":443 ssl;\n");
      c.append("    server_name mta-sts.").append(w.domain()).append(";\n");
      c.append("    ssl_certificate ").append(files.chain(w)).append(";\n");
      c.append("    ssl_certificate_key ").append(files.key(w)).append(";\n");
      String headers = headers(host);
      String serveBody =
          "      default_type \""
              + quoted(host.contentType())
              + "\";\n"
              + "      alias "
              + files.body(w)
              + ";\n"
              + headers;
      c.append("    location = /.well-known/mta-sts.txt {\n");
      if (host.redirectTo() != null) {
        int status = host.status() == 200 ? 301 : host.status();
        c.append(headers);
        c.append("      return ")
            .append(status)
            .append(" \"")
            .append(quoted(host.redirectTo()))
            .append("\";\n");
        c.append("    }\n");
      } else if (host.status() == 200) {
        c.append(serveBody).append("    }\n");
      } else {
        // The body of a non-200 answer, exactly as written, through an internal error page.
        c.append("      return ").append(host.status()).append(";\n    }\n");
        c.append("    error_page ").append(host.status()).append(" /.stslens-body;\n");
        c.append("    location = /.stslens-body {\n      internal;\n")
            .append(serveBody)
            .append("    }\n");
      }
      c.append("  }\n");
    }
    c.append("}\n");
    return c.toString();
  }

  private static String headers(Scenario.PolicyHost host) {
    StringBuilder h = new StringBuilder();
    host.headers()
        .forEach(
            (name, value) ->
                h.append("      add_header ")
                    .append(name)
                    .append(" \"")
                    .append(quoted(value))
                    .append("\" always;\n"));
    return h.toString();
  }

  private static String quoted(String value) {
    if (value.contains("\n") || value.contains("\r") || value.contains("$")) {
      throw new IllegalArgumentException("no line breaks or $ in nginx strings: " + value);
    }
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Files the Postfix configuration points to, per MX host. */
  interface MxFiles {
    Path chain(World w, int mx);

    Path key(World w, int mx);
  }

  static boolean isSha1Signed(String certificateKind) {
    return Scenario.CertificateKind.parse(certificateKind) == Scenario.CertificateKind.SHA1_SIGNED;
  }

  /** Postfix main.cf: private queue, data and log; no local delivery; logs to a file. */
  static String postfixMain(Path dir) {
    return String.join(
        "\n",
        "compatibility_level = 3.6",
        "queue_directory = " + dir.resolve("queue"),
        "data_directory = " + dir.resolve("data"),
        "mail_owner = postfix",
        "setgid_group = postdrop",
        "inet_interfaces = all",
        "inet_protocols = ipv4",
        "myhostname = interop.lab.example",
        "mydestination =",
        "alias_maps =",
        "alias_database =",
        "notify_classes =",
        "biff = no",
        "smtpd_banner = $myhostname ESMTP",
        "maillog_file = " + dir.resolve("maillog"),
        "maillog_file_prefixes = " + dir,
        "smtpd_tls_security_level = may",
        "");
  }

  /**
   * Postfix master.cf: one smtpd per MX host on its own address and port 25, with its own name,
   * certificate and STARTTLS setting; a closed port or a host without address has no listener at
   * all; {@code ehlo} makes the HELO restrictions reject every EHLO and HELO with that code.
   */
  static String postfixMaster(Path dir, List<World> worlds, MxFiles files) {
    StringBuilder c = new StringBuilder();
    for (World w : worlds) {
      List<Scenario.MxHost> hosts = w.scenario().mx();
      for (int i = 0; i < hosts.size(); i++) {
        Scenario.MxHost mx = hosts.get(i);
        if (mx.portClosed() || mx.noAddress()) {
          continue;
        }
        // A dripping MX: Postfix listens behind the relay (see RealServers), on the same address.
        c.append(w.mxAddress(i + 1))
            .append(mx.drip() == null ? ":smtp" : ":" + DRIP_BACKEND_PORT)
            .append(" inet n - n - - smtpd -o myhostname=")
            .append(mx.name().toLowerCase(Locale.ROOT));
        switch (mx.starttls()) {
          // Every certificate kind loads, a SHA-1 signed one too: Postfix 3.7 serves it (seen on
          // Debian 12, where nginx and openssl s_server refuse to load it), while its own SMTP
          // client, at level secure, refuses it ("CA signature digest algorithm too weak").
          case "true" ->
              c.append(" -o smtpd_tls_security_level=may -o smtpd_tls_cert_file=")
                  .append(files.chain(w, i + 1))
                  .append(" -o smtpd_tls_key_file=")
                  .append(files.key(w, i + 1));
          case "false" -> c.append(" -o smtpd_tls_security_level=none");
          // STARTTLS advertised, but the key and certificate cannot be read: Postfix answers
          // "454 4.7.0 TLS not available due to local problem", the scenario's story.
          case "refused" ->
              c.append(" -o smtpd_tls_security_level=may -o smtpd_tls_cert_file=")
                  .append(dir.resolve("missing-cert.pem"))
                  .append(" -o smtpd_tls_key_file=")
                  .append(dir.resolve("missing-key.pem"));
          default -> throw new IllegalArgumentException("starttls: " + mx.starttls());
        }
        if (mx.ehlo() != null) {
          // The HELO restrictions run at EHLO/HELO time (no delayed reject) and reject every
          // client: Postfix answers both EHLO and HELO with reject_code.
          c.append(" -o smtpd_helo_required=yes -o smtpd_helo_restrictions=reject")
              .append(" -o smtpd_delay_reject=no -o reject_code=")
              .append(mx.ehlo());
        }
        c.append("\n");
      }
    }
    c.append("anvil unix - - n - 1 anvil\n");
    c.append("scache unix - - n - 1 scache\n");
    c.append("tlsmgr unix - - n 1000? 1 tlsmgr\n");
    c.append("proxymap unix - - n - - proxymap\n");
    c.append("postlog unix-dgram n - n - 1 postlogd\n");
    return c.toString();
  }
}
