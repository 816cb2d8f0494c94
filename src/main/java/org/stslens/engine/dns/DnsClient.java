package org.stslens.engine.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.stslens.engine.net.CancelScope;
import org.stslens.engine.net.Step;
import org.stslens.engine.net.StepListener;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * All DNS of a check goes through here, never through the operating system's resolver, so every
 * question is evidence and every failure is classified. Thread-safe; one per check.
 *
 * <p>Truncated UDP answers are retried over TCP here rather than inside dnsjava, so that the
 * evidence says which transport gave the answer.
 */
public final class DnsClient {

  /** RFC 8461 asks for CNAMEs to be followed; more than 8 links is treated as a loop. */
  public static final int MAX_CNAME_LINKS = 8;

  /**
   * Runs each query of {@link #queryTogether} beyond the first on a thread of its own: a check asks
   * a few at a time, and a fresh daemon thread keeps no pool as shared state between checks.
   */
  private static final java.util.concurrent.Executor HELPERS =
      r -> {
        Thread t = new Thread(r, "stslens-dns");
        t.setDaemon(true);
        t.start();
      };

  private final DnsSettings settings;
  private final CancelScope scope;

  /** {@link System#nanoTime()} after which no query waits any longer; MAX_VALUE for none. */
  private final long deadlineNanos;

  private final StepListener steps;

  public DnsClient(DnsSettings settings, CancelScope scope) {
    this(settings, scope, Long.MAX_VALUE, StepListener.NONE);
  }

  private DnsClient(
      DnsSettings settings, CancelScope scope, long deadlineNanos, StepListener steps) {
    this.settings = settings;
    this.scope = scope;
    this.deadlineNanos = deadlineNanos;
    this.steps = steps;
  }

  /**
   * The same client telling {@code listener} of every attempt: sent, then answered or failed. A
   * stage looks up its names through one of these, so the steps are told under its name.
   */
  public DnsClient reporting(StepListener listener) {
    return new DnsClient(settings, scope, deadlineNanos, listener);
  }

  /**
   * The same client bounded by a deadline ({@link System#nanoTime()}): each attempt waits at most
   * until then, and once it has passed a query fails at once as a timeout. A step with a total time
   * limit (the policy fetch) looks up its names through this.
   */
  public DnsClient until(long deadlineNanos) {
    return new DnsClient(settings, scope, Math.min(deadlineNanos, this.deadlineNanos), steps);
  }

  public DnsSettings settings() {
    return settings;
  }

  /**
   * Asks for {@code name}/{@code type}, following CNAMEs the resolver did not already follow.
   *
   * @throws InterruptedException when the calling thread is interrupted (the check was cancelled)
   */
  public DnsQuery query(String name, int type) throws InterruptedException {
    Name qname;
    try {
      qname = Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      return failed(name, type, new DnsFailure(DnsFailure.Kind.INVALID_NAME, "", describe(e)));
    }
    List<DnsAnswer> answers = new ArrayList<>();
    List<String> chain = new ArrayList<>();
    chain.add(qname.toString());
    Set<Name> seen = new HashSet<>();
    seen.add(qname);
    Name current = qname;
    Attempt last = null;
    for (int hop = 0; hop <= MAX_CNAME_LINKS; hop++) {
      last = ask(current, type);
      // Resolvers answer a CNAME loop with SERVFAIL and the chain they walked. That is a broken
      // zone, not a temporary failure: walk the chain below so that the loop is reported.
      boolean loopAnswer = last.response() != null && cnameLoopIn(last.response(), current);
      if (last.outcome() != null && !loopAnswer) {
        return result(qname, type, last, answers, chain, last.outcome(), last.failure());
      }
      Message response = last.response();
      List<Record> section = response.getSection(Section.ANSWER);
      Name next = current;
      for (Record r : section) {
        answers.add(toAnswer(r));
      }
      // Walk the CNAMEs in the answer from the current name.
      boolean moved = true;
      while (moved) {
        moved = false;
        for (Record r : section) {
          if (r instanceof CNAMERecord cname && r.getName().equals(next)) {
            next = cname.getTarget();
            chain.add(next.toString());
            if (!seen.add(next) || chain.size() - 1 > MAX_CNAME_LINKS) {
              return result(
                  qname, type, last, answers, chain, DnsOutcome.NO_DATA, Optional.empty());
            }
            moved = true;
          }
        }
      }
      final Name owner = next;
      boolean hasFinal =
          section.stream().anyMatch(r -> r.getType() == type && r.getName().equals(owner));
      int rcode = response.getRcode();
      if (hasFinal) {
        return result(qname, type, last, answers, chain, DnsOutcome.ANSWER, Optional.empty());
      }
      if (next.equals(current) || rcode != Rcode.NOERROR) {
        DnsOutcome outcome = rcode == Rcode.NXDOMAIN ? DnsOutcome.NX_DOMAIN : DnsOutcome.NO_DATA;
        return result(qname, type, last, answers, chain, outcome, Optional.empty());
      }
      // The resolver stopped at a CNAME target: ask for the target ourselves.
      current = next;
    }
    return result(qname, type, last, answers, chain, DnsOutcome.NO_DATA, Optional.empty());
  }

  /**
   * Asks for {@code name} with each of {@code types} at once, e.g. A and AAAA of a host: neither
   * needs the other, and asking one after the other cost a round trip. The first on the calling
   * thread, the others on helper threads; the answers come in the order of {@code types}.
   *
   * @throws InterruptedException when the calling thread is interrupted or the check cancelled
   */
  public List<DnsQuery> queryTogether(String name, int... types) throws InterruptedException {
    List<CompletableFuture<DnsQuery>> others = new ArrayList<>();
    for (int i = 1; i < types.length; i++) {
      int type = types[i];
      others.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return query(name, type);
                } catch (InterruptedException e) {
                  throw new CompletionException(e);
                }
              },
              HELPERS));
    }
    List<DnsQuery> answers = new ArrayList<>();
    try {
      answers.add(query(name, types[0]));
      for (CompletableFuture<DnsQuery> other : others) {
        answers.add(other.get());
      }
      return answers;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CompletionException c
          && c.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      // a cancelled check closes their sockets through the scope; this only drops the waiting
      others.forEach(f -> f.cancel(true));
    }
  }

  /** True when the CNAMEs of the answer section, walked from {@code start}, loop or run long. */
  private static boolean cnameLoopIn(Message response, Name start) {
    Map<Name, Name> targets = new HashMap<>();
    for (Record r : response.getSection(Section.ANSWER)) {
      if (r instanceof CNAMERecord cname) {
        targets.putIfAbsent(cname.getName(), cname.getTarget());
      }
    }
    Set<Name> seen = new HashSet<>();
    seen.add(start);
    Name current = start;
    for (int links = 0; targets.containsKey(current); links++) {
      current = targets.get(current);
      if (!seen.add(current) || links + 1 > MAX_CNAME_LINKS) {
        return true;
      }
    }
    return false;
  }

  /** True when the chain of this query loops or is longer than {@link #MAX_CNAME_LINKS}. */
  public static boolean cnameLoop(DnsQuery query) {
    List<String> chain = query.cnameChain();
    return chain.size() - 1 > MAX_CNAME_LINKS || new HashSet<>(chain).size() < chain.size();
  }

  /** The addresses in an A or AAAA answer. */
  public static List<InetAddress> addresses(DnsQuery query) {
    List<InetAddress> out = new ArrayList<>();
    for (DnsAnswer a : query.records()) {
      try {
        out.add(InetAddress.getByName(a.data()));
      } catch (IOException e) {
        // data of an A/AAAA record is always a literal; nothing to resolve
      }
    }
    return List.copyOf(out);
  }

  private record Attempt(
      Message response,
      String server,
      String transport,
      long rttMillis,
      DnsOutcome outcome,
      Optional<DnsFailure> failure) {}

  private Attempt ask(Name name, int type) throws InterruptedException {
    Attempt last = null;
    for (InetSocketAddress server : settings.servers()) {
      for (int attempt = 0; attempt <= settings.retries(); attempt++) {
        last = askOnce(server, name, type);
        boolean retryable = last.outcome() == DnsOutcome.TEMPORARY;
        if (!retryable) {
          return last;
        }
        if (!last.failure().map(DnsFailure::isTimeout).orElse(false)) {
          break; // SERVFAIL/REFUSED: the same server will say the same; try the next one
        }
      }
    }
    return last;
  }

  /** The wait of one attempt: the configured timeout, cut to what is left before the deadline. */
  private Duration attemptTimeout() {
    if (deadlineNanos == Long.MAX_VALUE) {
      return settings.timeout();
    }
    long left = deadlineNanos - System.nanoTime();
    return left >= settings.timeout().toNanos() ? settings.timeout() : Duration.ofNanos(left);
  }

  /** One attempt, told to the step listener: sent, then answered or failed. */
  private Attempt askOnce(InetSocketAddress server, Name name, int type)
      throws InterruptedException {
    String question = name + " " + Type.string(type);
    steps.step(Step.DNS_QUERY_SENT, question + " to " + format(server));
    Attempt attempt = exchangeOnce(server, name, type);
    if (attempt.outcome() == null) {
      steps.step(
          Step.DNS_ANSWER_RECEIVED,
          question
              + ": "
              + Rcode.string(attempt.response().getRcode())
              + ", "
              + attempt.response().getSection(Section.ANSWER).size()
              + " records over "
              + attempt.transport()
              + " in "
              + attempt.rttMillis()
              + " ms");
    } else {
      steps.step(
          Step.DNS_QUERY_FAILED,
          question + ": " + attempt.failure().map(DnsFailure::message).orElse(""));
    }
    return attempt;
  }

  private Attempt exchangeOnce(InetSocketAddress server, Name name, int type)
      throws InterruptedException {
    String serverText = format(server);
    Duration timeout = attemptTimeout();
    if (timeout.toMillis() <= 0) {
      return new Attempt(
          null,
          serverText,
          "udp",
          0,
          DnsOutcome.TEMPORARY,
          Optional.of(
              new DnsFailure(DnsFailure.Kind.TIME_LIMIT_SPENT, serverText, name.toString())));
    }
    boolean cut = timeout.compareTo(settings.timeout()) < 0;
    String waited = human(timeout) + (cut ? " (what was left of the time limit)" : "");
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    query.getHeader().setFlag(Flags.AD); // RFC 6840 §5.7: ask the resolver to report AD
    long start = System.nanoTime();
    try {
      Message response = send(server, query, false, timeout);
      String transport = "udp";
      if (response.getHeader().getFlag(Flags.TC)) {
        response = send(server, query, true, attemptTimeout());
        transport = "tcp";
      }
      long rtt = millisSince(start);
      int rcode = response.getRcode();
      if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
        return new Attempt(response, serverText, transport, rtt, null, Optional.empty());
      }
      return new Attempt(
          response,
          serverText,
          transport,
          rtt,
          DnsOutcome.TEMPORARY,
          Optional.of(DnsFailure.ofRcode(rcode, serverText)));
    } catch (TimeoutException e) {
      return new Attempt(
          null,
          serverText,
          "udp",
          millisSince(start),
          DnsOutcome.TEMPORARY,
          Optional.of(new DnsFailure(DnsFailure.Kind.TIMEOUT, serverText, waited)));
    } catch (ExecutionException e) {
      return new Attempt(
          null,
          serverText,
          "udp",
          millisSince(start),
          DnsOutcome.TEMPORARY,
          Optional.of(failure(e, serverText, waited)));
    }
  }

  private Message send(InetSocketAddress server, Message query, boolean tcp, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (timeout.toMillis() <= 0) {
      throw new TimeoutException("time limit reached");
    }
    if (!tcp) {
      return sendUdp(server, query, timeout);
    }
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTimeout(timeout);
    resolver.setTCP(tcp);
    resolver.setIgnoreTruncation(true);
    scope.checkpoint();
    CompletableFuture<Message> future = resolver.sendAsync(query).toCompletableFuture();
    try (CancelScope.Registration registration = scope.register(() -> future.cancel(true))) {
      // A little slack over dnsjava's own timeout so that its exception wins when it fires.
      return future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (InterruptedException | TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (java.util.concurrent.CancellationException e) {
      throw new InterruptedException("check cancelled");
    }
  }

  /** UDP through {@link UdpExchange}: a reply with a wrong id is dropped, not taken as failure. */
  private Message sendUdp(InetSocketAddress server, Message query, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    scope.checkpoint();
    try (UdpExchange udp = UdpExchange.open(server);
        CancelScope.Registration registration = scope.register(udp)) {
      return udp.exchange(query, timeout);
    } catch (java.io.IOException e) {
      scope.checkpoint(); // a cancel closes the socket: say cancelled, not a network error
      throw new ExecutionException(e);
    }
  }

  private DnsQuery result(
      Name qname,
      int type,
      Attempt last,
      List<DnsAnswer> answers,
      List<String> chain,
      DnsOutcome outcome,
      Optional<DnsFailure> failure) {
    Message response = last.response();
    boolean ad = response != null && response.getHeader().getFlag(Flags.AD);
    String rcode =
        response != null
            ? Rcode.string(response.getRcode())
            : failure.map(DnsFailure::rcodeWord).orElse("ERROR");
    return new DnsQuery(
        qname.toString(),
        Type.string(type),
        last.server(),
        last.transport(),
        last.rttMillis(),
        outcome,
        rcode,
        ad,
        answers,
        chain,
        failure,
        response == null ? List.of() : additionalAddresses(response));
  }

  /** The A and AAAA records of the additional section; {@link AdditionalAddresses} reads them. */
  private static List<DnsAnswer> additionalAddresses(Message response) {
    List<DnsAnswer> out = new ArrayList<>();
    for (Record r : response.getSection(Section.ADDITIONAL)) {
      if (r.getDClass() == DClass.IN && (r instanceof ARecord || r instanceof AAAARecord)) {
        out.add(toAnswer(r));
      }
    }
    return out;
  }

  private DnsQuery failed(String name, int type, DnsFailure failure) {
    return new DnsQuery(
        name,
        Type.string(type),
        failure.server(),
        "udp",
        0,
        DnsOutcome.TEMPORARY,
        "ERROR",
        false,
        List.of(),
        List.of(name),
        Optional.of(failure));
  }

  private static DnsAnswer toAnswer(Record r) {
    // Raw bytes, decoded as UTF-8: getStrings() would escape non-ASCII as \ddd and hide it.
    List<String> strings =
        r instanceof TXTRecord txt
            ? txt.getStringsAsByteArrays().stream()
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                .toList()
            : List.of();
    String data;
    if (r instanceof ARecord a) {
      data = a.getAddress().getHostAddress();
    } else if (r instanceof AAAARecord aaaa) {
      data = aaaa.getAddress().getHostAddress();
    } else {
      data = r.rdataToString();
    }
    return new DnsAnswer(
        r.getName().toString(), Type.string(r.getType()), r.getTTL(), data, strings);
  }

  /**
   * The failure of an exchange that threw. dnsjava reports a TCP timeout as a {@link
   * java.net.SocketTimeoutException}; our UDP exchange as a {@link TimeoutException}.
   */
  static DnsFailure failure(ExecutionException e, String server, String waited) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof java.net.SocketTimeoutException || cause instanceof TimeoutException) {
      return new DnsFailure(DnsFailure.Kind.TIMEOUT, server, waited);
    }
    if (cause instanceof java.net.PortUnreachableException) {
      return new DnsFailure(DnsFailure.Kind.PORT_UNREACHABLE, server, "");
    }
    return new DnsFailure(DnsFailure.Kind.NETWORK_ERROR, server, describe(cause));
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  private static String format(InetSocketAddress server) {
    String host = server.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
