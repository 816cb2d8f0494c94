package org.stslens.engine.check;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.dane.DaneSettings;
import org.stslens.engine.dane.DaneTrustAnchors;
import org.stslens.engine.dns.DnsSettings;
import org.stslens.engine.fetch.FetchSettings;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.tls.TrustAnchors;

/**
 * Turns what the user set (the command line's options, the desktop's settings) into {@link
 * CheckOptions}: the one place both front ends build them, so that they cannot drift apart. Starts
 * from the defaults of {@link CheckOptions}; {@link #build} reads resolv.conf and the PEM files, so
 * call it off the FX thread.
 */
public final class CheckOptionsBuilder {

  /** Which of the user's settings could not be used. */
  public enum Setting {
    /** The DNS server given is not an address, or the system names none. */
    DNS_SERVER,
    /** A trust file could not be read or holds no valid certificate. */
    TRUST_FILE,
    /** A DNSSEC trust-anchor file could not be read or holds no DS or DNSKEY record. */
    TRUST_ANCHOR_FILE
  }

  /**
   * A setting that cannot be used, typed so that each front end names it in its own words ({@code
   * --trust FILE:} on the command line, "trust file" in the app).
   *
   * @see #setting()
   * @see #file()
   */
  public static final class UnusableSettingException extends Exception {
    private final Setting setting;
    private final transient Path file;

    UnusableSettingException(Setting setting, Path file, Exception cause) {
      super(
          (setting == Setting.DNS_SERVER
                  ? "DNS server: "
                  : (setting == Setting.TRUST_FILE ? "trust file " : "trust-anchor file ")
                      + file
                      + ": ")
              + cause.getMessage(),
          cause);
      this.setting = setting;
      this.file = file;
    }

    /** What went wrong, in the words of the resolver's or the PEM reader's exception. */
    public Exception reason() {
      return (Exception) getCause();
    }

    public Setting setting() {
      return setting;
    }

    /** The trust file at fault; empty for {@link Setting#DNS_SERVER}. */
    public Optional<Path> file() {
      return Optional.ofNullable(file);
    }
  }

  private String dnsServer = "";
  private List<Path> trustFiles = List.of();
  private Duration dnsTimeout = CheckOptions.DEFAULT_DNS_TIMEOUT;
  private Duration fetchTimeout = CheckOptions.DEFAULT_FETCH_TIMEOUT;
  private Duration smtpStepTimeout = CheckOptions.DEFAULT_SMTP_STEP_TIMEOUT;
  private Duration checkTimeout = CheckOptions.DEFAULT_CHECK_TIMEOUT;
  private Duration slowThreshold;
  private PortMap portMap = PortMap.standard();
  private boolean dane = true;
  private Path trustAnchorFile;

  /** {@code IP[:PORT]}; empty or blank for the system's resolvers. */
  public CheckOptionsBuilder dnsServer(String server) {
    this.dnsServer = server == null ? "" : server.strip();
    return this;
  }

  /** Extra trusted CA certificates, in addition to the JDK's trust store. */
  public CheckOptionsBuilder trustFiles(List<Path> files) {
    this.trustFiles = List.copyOf(files);
    return this;
  }

  public CheckOptionsBuilder dnsTimeout(Duration timeout) {
    this.dnsTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public CheckOptionsBuilder fetchTimeout(Duration timeout) {
    this.fetchTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public CheckOptionsBuilder smtpStepTimeout(Duration timeout) {
    this.smtpStepTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public CheckOptionsBuilder checkTimeout(Duration timeout) {
    this.checkTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** Above this fetch time fetch.slow is reported (the lab's scenarios lower it). */
  public CheckOptionsBuilder slowThreshold(Duration threshold) {
    this.slowThreshold = Objects.requireNonNull(threshold);
    return this;
  }

  public CheckOptionsBuilder portMap(PortMap map) {
    this.portMap = Objects.requireNonNull(map);
    return this;
  }

  /** False: no TLSA look-up ({@code --no-dane}). */
  public CheckOptionsBuilder dane(boolean enabled) {
    this.dane = enabled;
    return this;
  }

  /** DS or DNSKEY records (zone-file form) that replace the IANA root anchors; null for those. */
  public CheckOptionsBuilder trustAnchorFile(Path file) {
    this.trustAnchorFile = file;
    return this;
  }

  public CheckOptions build() throws UnusableSettingException {
    DnsSettings dns;
    try {
      dns =
          dnsServer.isEmpty()
              ? DnsSettings.system()
              : DnsSettings.server(DnsSettings.parseServer(dnsServer));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UnusableSettingException(Setting.DNS_SERVER, null, e);
    }
    TrustAnchors trust = TrustAnchors.jdkDefault();
    List<X509Certificate> extra = new ArrayList<>();
    for (Path pem : trustFiles) {
      try {
        extra.addAll(TrustAnchors.readPem(pem));
      } catch (IOException | IllegalArgumentException e) {
        throw new UnusableSettingException(Setting.TRUST_FILE, pem, e);
      }
    }
    if (!extra.isEmpty()) {
      trust = trust.withExtra(extra);
    }
    DaneSettings daneSettings = DaneSettings.defaults().withEnabled(dane);
    if (trustAnchorFile != null) {
      try {
        daneSettings = daneSettings.withAnchors(DaneTrustAnchors.read(trustAnchorFile));
      } catch (IOException | IllegalArgumentException e) {
        throw new UnusableSettingException(Setting.TRUST_ANCHOR_FILE, trustAnchorFile, e);
      }
    }
    FetchSettings defaults = FetchSettings.defaults();
    FetchSettings fetch =
        new FetchSettings(
            fetchTimeout,
            slowThreshold == null ? defaults.slowThreshold() : slowThreshold,
            defaults.maxBodyBytes());
    return CheckOptions.defaults(dns.withTimeout(dnsTimeout))
        .withTrust(trust)
        .withFetch(fetch)
        .withSmtpStepTimeout(smtpStepTimeout)
        .withCheckTimeout(checkTimeout)
        .withPortMap(portMap)
        .withDane(daneSettings);
  }
}
