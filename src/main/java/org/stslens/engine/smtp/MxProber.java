package org.stslens.engine.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.net.ConnectFailure;
import org.stslens.engine.net.HandshakeFailure;
import org.stslens.engine.net.PortMap;
import org.stslens.engine.net.Step;
import org.stslens.engine.net.StepDeadline;
import org.stslens.engine.net.StepListener;
import org.stslens.engine.tls.CertificateFindings;
import org.stslens.engine.tls.ChainValidator;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.engine.tls.CodeSet;
import org.stslens.engine.tls.TlsClientContexts;

/**
 * Probes one MX address the way an RFC 8461 sender does: connect, greeting, EHLO (HELO after a 5xx
 * to EHLO, as Postfix does), STARTTLS, TLS handshake with SNI = the MX name, chain validation (PKIX
 * + RFC 8461 names, never the JDK's hostname checker), EHLO again, QUIT. Every step has its own
 * time limit; bad input becomes a finding, never an exception.
 *
 * <p><b>Time limits.</b> Each step (the greeting, each reply, the TLS handshake) has a limit for
 * the whole step, not per read: a {@link StepDeadline} on the caller's timer closes the connection
 * when it runs out, which also ends a read blocked inside a TLS record. A server that drips one
 * byte at a time therefore ends the probe after one step limit, with {@code smtp.timeout} naming
 * the step and what arrived meanwhile. Connecting is one system call with its own whole limit.
 *
 * <p><b>Cancelling.</b> {@link #probe} runs on the calling thread. The socket is a {@link
 * SocketChannel}'s socket, and channel I/O is interruptible: interrupting the probing thread (e.g.
 * {@code Future.cancel(true)}) closes the socket at once, even mid-read or mid-handshake, and
 * {@code probe} then throws {@link CancellationException} with the thread's interrupt status still
 * set. The thread is also checked between steps.
 *
 * <p>Instances are immutable and may be shared between threads; each probe has its own socket, TLS
 * context and transcript.
 */
public final class MxProber {

  /**
   * The EHLO name used when none is given. A name under the reserved {@code .invalid} TLD (RFC
   * 2606): syntactically a domain as RFC 5321 wants, never resolvable, never someone else's name,
   * and plainly a test client in the server's logs.
   */
  public static final String DEFAULT_EHLO_NAME = "stslens.invalid";

  private static final Set<String> OLD_PROTOCOLS =
      Set.of("SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");

  private final PortMap portMap;
  private final ChainValidator validator;
  private final Duration stepTimeout;
  private final String ehloName;
  private final ScheduledExecutorService timer;
  private final Clock clock = Clock.systemUTC();

  /**
   * @param stepTimeout the limit of each whole step
   * @param timer enforces the step limits by closing the connection; owned by the caller
   */
  public MxProber(
      PortMap portMap,
      ChainValidator validator,
      Duration stepTimeout,
      String ehloName,
      ScheduledExecutorService timer) {
    this.portMap = Objects.requireNonNull(portMap, "portMap");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.stepTimeout = Objects.requireNonNull(stepTimeout, "stepTimeout");
    if (stepTimeout.isNegative() || stepTimeout.isZero()) {
      throw new IllegalArgumentException("stepTimeout must be positive: " + stepTimeout);
    }
    this.ehloName = Objects.requireNonNull(ehloName, "ehloName");
    if (ehloName.isBlank() || !ehloName.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("ehloName must be printable ASCII without spaces");
    }
  }

  /** A prober that says {@code EHLO stslens.invalid}. */
  public MxProber(
      PortMap portMap,
      ChainValidator validator,
      Duration stepTimeout,
      ScheduledExecutorService timer) {
    this(portMap, validator, stepTimeout, DEFAULT_EHLO_NAME, timer);
  }

  /**
   * Probes {@code address}, an address of {@code mxHost}, on port 25 (as routed by the port map).
   *
   * @throws CancellationException when the calling thread is interrupted
   */
  public EndpointProbe probe(String mxHost, InetAddress address) {
    return probe(mxHost, address, StepListener.NONE);
  }

  /**
   * Probes {@code address} as {@link #probe(String, InetAddress)} does, telling {@code steps} of
   * each step as it happens: connect, greeting, each command and reply, the TLS handshake.
   *
   * @throws CancellationException when the calling thread is interrupted
   */
  public EndpointProbe probe(String mxHost, InetAddress address, StepListener steps) {
    Objects.requireNonNull(mxHost, "mxHost");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(steps, "steps");
    return new Run(mxHost, address, steps).execute();
  }

  /** The mutable state of one probe, confined to the probing thread. */
  private final class Run {
    private final String mxHost;
    private final InetAddress address;
    private final String target;
    private final Transcript transcript = new Transcript(clock);
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private InetSocketAddress destination;
    private SocketChannel channel;
    private MeteredSocket metered;
    private String greeting;
    private boolean starttlsOffered;
    private String tlsVersion;
    private String cipherSuite;
    private ChainVerdict verdict;
    private ConnectFailure connectFailure;

    /** The chain of a completed handshake until it is judged, while the EHLO reply travels. */
    private List<X509Certificate> chainToJudge;

    private final StepListener steps;

    Run(String mxHost, InetAddress address, StepListener steps) {
      this.mxHost = mxHost;
      this.address = address;
      this.steps = steps;
      this.target = EndpointProbe.target(mxHost, address);
    }

    EndpointProbe execute() {
      try {
        destination = portMap.route(address, 25);
      } catch (RuntimeException e) {
        destination = new InetSocketAddress(address, 25);
        fail(Code.SMTP_CONNECT_FAILED, "Could not route " + target + ": " + e.getMessage(), "");
        return result();
      }
      SSLSocket tls = null;
      try (SocketChannel opened = SocketChannel.open()) {
        channel = opened;
        tls = converse(opened.socket());
      } catch (IOException e) {
        checkCancelled(e);
        transcript.note("connection failed: " + e.getMessage());
        if (findings.stream().noneMatch(Finding::isError)) {
          fail(
              Code.SMTP_BANNER,
              "The connection to " + target + " broke: " + e.getMessage() + ".",
              "Make sure port 25 reaches the mail server itself and that it stays connected.");
        }
      } finally {
        closeQuietly(tls);
      }
      checkCancelled(null);
      return result();
    }

    /** Runs the conversation; returns the TLS socket (to close) if one was made. */
    private SSLSocket converse(Socket raw) throws IOException {
      if (!connect(raw)) {
        return null;
      }
      metered = new MeteredSocket(raw);
      SmtpConnection smtp = new SmtpConnection(metered, transcript);
      if (!greeting(smtp) || !ehlo(smtp, "ehlo") || !starttls(smtp)) {
        return null;
      }
      byte[] discarded = smtp.discardPending();
      if (discarded.length > 0) {
        transcript.note(
            "discarded "
                + discarded.length
                + " bytes received after the STARTTLS answer and before the TLS handshake"
                + " (never read as replies, against STARTTLS command injection): "
                + Transcript.sanitize(new String(discarded, StandardCharsets.ISO_8859_1)));
      }
      SSLSocket tls = handshake(metered);
      if (tls == null) {
        return null;
      }
      smtp.upgrade(tls);
      try {
        if (ehlo(smtp, null)) {
          quit(smtp);
        }
      } finally {
        judgeHandshakeChain(); // when the EHLO could not be sent
      }
      return tls;
    }

    private boolean connect(Socket raw) {
      checkCancelled(null);
      long t = System.nanoTime();
      String where = target + " on port " + destination.getPort();
      steps.step(
          Step.CONNECT_STARTED,
          destination.getAddress().getHostAddress() + " port " + destination.getPort());
      try {
        raw.connect(destination, timeoutMillis());
        timings.put("connect", millisSince(t));
        steps.step(Step.CONNECTED, "in " + millisSince(t) + " ms");
        transcript.note(
            "connected to "
                + destination.getAddress().getHostAddress()
                + " port "
                + destination.getPort()
                + " in "
                + millisSince(t)
                + " ms");
        return true;
      } catch (IOException e) {
        checkCancelled(e);
        timings.put("connect", millisSince(t));
        connectFailure = ConnectFailure.of(e);
        String why = connectFailureText(connectFailure, e);
        transcript.note("connect to " + destination + " failed: " + why);
        steps.step(Step.CONNECT_FAILED, why);
        fail(
            Code.SMTP_CONNECT_FAILED,
            "Could not connect to " + where + ": " + why + ".",
            "Make sure the mail server runs and that port 25 is open to the internet for this"
                + " address. If every MX times out, your own network may block outbound port 25.");
        return false;
      }
    }

    private boolean greeting(SmtpConnection smtp) throws IOException {
      long t = System.nanoTime();
      Optional<SmtpReply> reply = exchange(smtp, null, Code.SMTP_BANNER, "the greeting");
      timings.put("greeting", millisSince(t));
      if (reply.isEmpty()) {
        return false;
      }
      greeting = String.join("\n", reply.get().lines().stream().map(Transcript::sanitize).toList());
      if (reply.get().code() != 220) {
        fail(
            Code.SMTP_BANNER,
            target + " greeted with '" + shown(reply.get()) + "' instead of 220: it refuses mail.",
            "Configure the mail server to greet with 220 for connections from the internet.");
        quit(smtp);
        return false;
      }
      return true;
    }

    /**
     * EHLO; before TLS (timingKey "ehlo") it must advertise STARTTLS. After TLS the certificate
     * chain is judged while the reply travels: judging first held the EHLO back by the validation's
     * CPU time.
     */
    private boolean ehlo(SmtpConnection smtp, String timingKey) throws IOException {
      String when = timingKey == null ? " after STARTTLS" : "";
      long t = System.nanoTime();
      Optional<SmtpReply> reply =
          exchange(
              smtp,
              "EHLO " + ehloName,
              Code.SMTP_BANNER,
              "the answer to EHLO" + when,
              timingKey == null ? this::judgeHandshakeChain : () -> {});
      timings.put(timingKey == null ? "ehlo-tls" : timingKey, millisSince(t));
      if (reply.isEmpty()) {
        return false;
      }
      if (timingKey != null && reply.get().code() / 100 == 5) {
        // RFC 5321 §3.2: a client whose EHLO is rejected may fall back to HELO; Postfix does.
        return helo(smtp, reply.get());
      }
      if (reply.get().code() != 250) {
        fail(
            Code.SMTP_BANNER,
            target + " answered EHLO" + when + " with '" + shown(reply.get()) + "' instead of 250.",
            "Configure the mail server to accept EHLO from any client.");
        quit(smtp);
        return false;
      }
      if (timingKey == null) {
        return true;
      }
      starttlsOffered = reply.get().ehloKeywords().contains("STARTTLS");
      if (!starttlsOffered) {
        fail(
            Code.SMTP_STARTTLS_MISSING,
            target
                + " does not offer STARTTLS in its EHLO answer: MTA-STS senders will not"
                + " deliver to it.",
            "Enable STARTTLS with a valid certificate for " + mxHost + " on this server.");
        quit(smtp);
        return false;
      }
      return true;
    }

    /**
     * The HELO fallback after a 5xx to EHLO, as real senders do. Always false: HELO opens no
     * extensions, so there is no STARTTLS to go on with.
     */
    private boolean helo(SmtpConnection smtp, SmtpReply ehloReply) {
      String ehloAnswer = shown(ehloReply);
      Optional<SmtpReply> reply =
          exchange(smtp, "HELO " + ehloName, Code.SMTP_BANNER, "the answer to HELO");
      if (reply.isEmpty()) {
        return false;
      }
      int code = reply.get().code();
      if (code == 250) {
        fail(
            Code.SMTP_STARTTLS_MISSING,
            target
                + " rejected EHLO with '"
                + ehloAnswer
                + "' and accepted HELO, which has no extensions: there is no STARTTLS, so"
                + " MTA-STS senders will not deliver to it.",
            "Configure the mail server to accept EHLO from any client and to offer STARTTLS.");
      } else if (code / 100 == 5) {
        fail(
            Code.SMTP_EHLO_REJECTED,
            target
                + " rejected EHLO with '"
                + ehloAnswer
                + "' and HELO with '"
                + shown(reply.get())
                + "': no sender can open an SMTP session with it, from anywhere.",
            "Configure the mail server to accept EHLO from any client (check its HELO/EHLO"
                + " restrictions, e.g. Postfix's smtpd_helo_restrictions).");
      } else {
        fail(
            Code.SMTP_BANNER,
            target
                + " rejected EHLO with '"
                + ehloAnswer
                + "' and answered HELO with '"
                + shown(reply.get())
                + "' instead of 250.",
            "Configure the mail server to accept EHLO from any client.");
      }
      quit(smtp);
      return false;
    }

    private boolean starttls(SmtpConnection smtp) throws IOException {
      long t = System.nanoTime();
      Optional<SmtpReply> reply =
          exchange(smtp, "STARTTLS", Code.SMTP_STARTTLS_REFUSED, "the answer to STARTTLS");
      timings.put("starttls", millisSince(t));
      if (reply.isEmpty()) {
        return false;
      }
      if (reply.get().code() != 220) {
        fail(
            Code.SMTP_STARTTLS_REFUSED,
            target + " offered STARTTLS but answered it with '" + shown(reply.get()) + "'.",
            "Check the TLS setup of the mail server (certificate and key files readable, TLS"
                + " library working); its log says why STARTTLS fails.");
        quit(smtp);
        return false;
      }
      return true;
    }

    private SSLSocket handshake(Socket raw) throws IOException {
      checkCancelled(null);
      long t = System.nanoTime();
      TlsClientContexts.Capturing context = TlsClientContexts.capturing();
      String sniName = mxHost.endsWith(".") ? mxHost.substring(0, mxHost.length() - 1) : mxHost;
      SSLSocket tls =
          (SSLSocket)
              context.context().getSocketFactory().createSocket(raw, sniName, raw.getPort(), true);
      try {
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        // No endpoint identification: the JDK's checker is not RFC 8461's; ChainValidator judges.
        parameters.setEndpointIdentificationAlgorithm(null);
        try {
          parameters.setServerNames(List.of(new SNIHostName(sniName)));
        } catch (IllegalArgumentException e) {
          transcript.note("no SNI sent: '" + sniName + "' is not a valid SNI host name");
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(timeoutMillis());
        transcript.note("TLS handshake (SNI " + sniName + ")");
        steps.step(Step.TLS_HANDSHAKE_STARTED, "SNI " + sniName);
        long before = metered.received();
        try (StepDeadline deadline = deadline(stepTimeout)) {
          boolean late;
          try {
            tls.startHandshake();
            late = deadline.expired(); // finished as the timer closed the connection
          } catch (IOException e) {
            checkCancelled(e);
            if (!deadline.expired() && !(e instanceof SocketTimeoutException)) {
              throw e;
            }
            late = true;
          }
          if (late) {
            timings.put("handshake", millisSince(t));
            timedOut("the TLS handshake", deadline, before);
            steps.step(Step.TLS_HANDSHAKE_FAILED, "time limit");
            // A chain received before the time ran out still says something useful.
            context.trustManager().serverChain().ifPresent(this::judge);
            closeQuietly(tls);
            return null;
          }
        }
      } catch (IOException e) {
        checkCancelled(e);
        timings.put("handshake", millisSince(t));
        String why =
            e instanceof SSLException || e instanceof EOFException
                ? String.valueOf(e.getMessage())
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        transcript.note("TLS handshake failed: " + why);
        steps.step(Step.TLS_HANDSHAKE_FAILED, why);
        if (HandshakeFailure.of(e) == HandshakeFailure.PROTOCOL_VERSION) {
          // Our client offers TLS 1.2 and 1.3 only (as RFC 8996 requires), so a server that
          // answers with an older version, or a protocol_version alert, speaks only TLS < 1.2.
          fail(
              Code.TLS_VERSION_OLD,
              target
                  + " does not speak TLS 1.2 or 1.3 ("
                  + why
                  + "): it offers only older TLS"
                  + " versions, which RFC 8996 forbids and MTA-STS senders refuse.",
              "Enable TLS 1.2 and 1.3 on the mail server.");
          closeQuietly(tls);
          return null;
        }
        fail(
            Code.TLS_HANDSHAKE_FAILED,
            "The TLS handshake with " + target + " failed: " + why + ".",
            "Offer TLS 1.2 or 1.3 with current cipher suites and a certificate for "
                + mxHost
                + "; the server log shows why the handshake fails.");
        // A chain received before the failure still says something useful.
        context.trustManager().serverChain().ifPresent(this::judge);
        closeQuietly(tls);
        return null;
      }
      timings.put("handshake", millisSince(t));
      SSLSession session = tls.getSession();
      tlsVersion = session.getProtocol();
      cipherSuite = session.getCipherSuite();
      transcript.note("TLS established: " + tlsVersion + ", " + cipherSuite);
      steps.step(Step.TLS_HANDSHAKE_DONE, tlsVersion + ", " + cipherSuite);
      if (OLD_PROTOCOLS.contains(tlsVersion)) {
        fail(
            Code.TLS_VERSION_OLD,
            target + " negotiated " + tlsVersion + ", below TLS 1.2.",
            "Enable TLS 1.2 and 1.3 on the mail server.");
      }
      chainToJudge = context.trustManager().serverChain().orElseGet(() -> peerChain(session));
      return tls;
    }

    /** Judges the chain of the completed handshake, once; the time it took is "validation". */
    private void judgeHandshakeChain() {
      if (chainToJudge == null) {
        return;
      }
      List<X509Certificate> chain = chainToJudge;
      chainToJudge = null;
      long t = System.nanoTime();
      judge(chain);
      timings.put("validation", millisSince(t));
    }

    private void judge(List<X509Certificate> chain) {
      verdict = validator.validate(chain, mxHost);
      transcript.note(
          "certificate chain of "
              + chain.size()
              + (verdict.valid() ? ": valid for " + mxHost : ": not valid for " + mxHost));
      for (Finding f : CertificateFindings.findings(verdict, CodeSet.TLS)) {
        findings.add(f.withTarget(target));
      }
    }

    /**
     * Sends QUIT and does not wait for its reply: nothing the probe judges depends on it, and
     * waiting cost a round trip on every probe. RFC 5321 §4.1.1.10 says a client SHOULD wait; a
     * probe delivers no mail, so not waiting loses nothing but a line in the server's log. The
     * caller closes the connection right after.
     */
    private void quit(SmtpConnection smtp) {
      try (StepDeadline deadline = deadline(stepTimeout)) {
        smtp.send("QUIT");
        steps.step(Step.SMTP_COMMAND_SENT, "QUIT");
        transcript.note("QUIT sent; its reply is not awaited");
      } catch (IOException e) {
        checkCancelled(e);
        transcript.note("QUIT could not be sent (" + e.getMessage() + "); not a problem");
      }
    }

    /** The whole-step limit of a step on this connection. */
    private StepDeadline deadline(Duration limit) {
      return StepDeadline.start(timer, limit, channel);
    }

    /**
     * Adds smtp.timeout for {@code step}: which step, its limit, and what arrived meanwhile (a drip
     * shows as bytes, a stall as nothing).
     */
    private void timedOut(String step, StepDeadline deadline, long receivedBefore) {
      long sent = metered.received() - receivedBefore;
      String why =
          step
              + " did not finish within "
              + duration(deadline.limit())
              + ": the server sent "
              + (sent == 0 ? "nothing" : sent + (sent == 1 ? " byte" : " bytes"))
              + " in "
              + duration(deadline.elapsed());
      transcript.note(why);
      fail(
          Code.SMTP_TIMEOUT,
          target + ": " + why + ".",
          "Make sure port 25 reaches the mail server itself (no firewall, proxy or tarpit that"
              + " slows SMTP down) and that the server answers each step promptly. Senders give"
              + " each step a limit too (Postfix: smtp_helo_timeout, smtp_starttls_timeout) and"
              + " defer the mail when it runs out.");
    }

    /**
     * Sends {@code command} (unless null) and reads the reply; on failure adds a finding with
     * {@code code} and returns empty.
     */
    private Optional<SmtpReply> exchange(
        SmtpConnection smtp, String command, Code code, String what) {
      return exchange(smtp, command, code, what, () -> {});
    }

    /**
     * {@link #exchange(SmtpConnection, String, Code, String)}, doing {@code meanwhile} once the
     * command is sent, before its reply is read.
     */
    private Optional<SmtpReply> exchange(
        SmtpConnection smtp, String command, Code code, String what, Runnable meanwhile) {
      checkCancelled(null);
      long before = metered.received();
      try (StepDeadline deadline = deadline(stepTimeout)) {
        try {
          if (command != null) {
            smtp.send(command);
            steps.step(Step.SMTP_COMMAND_SENT, command);
          }
          meanwhile.run();
          SmtpReply reply = smtp.readReply(stepTimeout);
          if (!deadline.expired()) {
            steps.step(command == null ? Step.SMTP_GREETING : Step.SMTP_REPLY, shown(reply));
            return Optional.of(reply);
          }
        } catch (IOException e) {
          checkCancelled(e);
          if (!deadline.expired() && !(e instanceof SocketTimeoutException)) {
            failed(e, code, what);
            steps.step(Step.SMTP_NO_REPLY, what);
            return Optional.empty();
          }
        }
        // The connection is closed (or about to be): the reply came too late, or not at all.
        timedOut(what, deadline, before);
        steps.step(Step.SMTP_NO_REPLY, what + ": time limit");
        return Optional.empty();
      }
    }

    /** Adds the finding for a reply that did not come for another reason than time. */
    private void failed(IOException e, Code code, String what) {
      String why;
      if (e instanceof EOFException) {
        why = "closed the connection instead of sending " + what;
      } else if (e instanceof SmtpProtocolException) {
        why = "sent garbage instead of " + what + ": " + e.getMessage();
      } else {
        why = "failed while waiting for " + what + ": " + e.getMessage();
      }
      transcript.note(target + " " + why);
      fail(
          code,
          target + " " + why + ".",
          code == Code.SMTP_BANNER
              ? "Make sure port 25 reaches the mail server itself (not a firewall or proxy that"
                  + " stalls or mangles SMTP) and that it answers promptly."
              : "Check the mail server's STARTTLS setup; its log says why it does not answer.");
    }

    private void fail(Code code, String message, String fix) {
      findings.add(Finding.of(code, target, message, fix));
    }

    private EndpointProbe result() {
      timings.put("total", millisSince(started));
      return new EndpointProbe(
          mxHost,
          address,
          destination,
          transcript.lines(),
          Optional.ofNullable(greeting),
          starttlsOffered,
          Optional.ofNullable(tlsVersion),
          Optional.ofNullable(cipherSuite),
          Optional.ofNullable(verdict),
          findings,
          timings,
          Optional.ofNullable(connectFailure));
    }

    /** Why the connection failed, in the words of the finding. */
    private String connectFailureText(ConnectFailure failure, IOException e) {
      return switch (failure) {
        case TIMED_OUT ->
            e instanceof SocketTimeoutException
                ? "the connection timed out after " + seconds() + " (no answer at all)"
                // the system gave up before our limit (ETIMEDOUT): say it in its words
                : "the connection failed (" + e.getMessage() + ")";
        case HOST_UNREACHABLE, NETWORK_UNREACHABLE ->
            "the host is unreachable (" + e.getMessage() + ")";
        case REFUSED -> "the connection was refused (nothing listens on that port)";
        case RESET, OTHER -> "the connection failed (" + e.getMessage() + ")";
      };
    }
  }

  /** Throws CancellationException when the thread was interrupted (leaving the flag set). */
  private static void checkCancelled(IOException cause) {
    if (Thread.currentThread().isInterrupted() || cause instanceof ClosedByInterruptException) {
      CancellationException cancelled = new CancellationException("MX probe cancelled");
      if (cause != null) {
        cancelled.initCause(cause);
      }
      throw cancelled;
    }
  }

  private static List<X509Certificate> peerChain(SSLSession session) {
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : session.getPeerCertificates()) {
        if (c instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing left to do with a connection we are abandoning
      }
    }
  }

  private static String shown(SmtpReply reply) {
    return Transcript.sanitize(reply.text());
  }

  private int timeoutMillis() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, stepTimeout.toMillis()));
  }

  private String seconds() {
    return duration(stepTimeout);
  }

  /**
   * {@code 5 s}, {@code 1.5 s}, {@code 300 ms}: whole seconds, tenths, or milliseconds below 1 s.
   */
  static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }
}
