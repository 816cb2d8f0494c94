package org.stslens.engine.dane;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;

/**
 * The head resolver of a {@link org.xbill.DNS.dnssec.ValidatingResolver}, recording every question
 * the validator sends and the answer it got: the chain of trust is built from what was really
 * asked, not from what a validator would be expected to ask. Thread-safe: the validator's queries
 * may overlap.
 */
final class RecordingResolver implements Resolver {

  /**
   * One question and its answer, as received (before validation).
   *
   * @param name the name asked
   * @param type the type asked
   * @param rcode the answer's rcode, or -1 when no answer came
   * @param answer the answer section
   * @param authority the authority section (the NSEC/NSEC3 and SOA of a denial)
   * @param sentNanos when it was sent ({@link System#nanoTime()})
   * @param answeredNanos when the answer (or the failure) came
   */
  record Exchange(
      Name name,
      int type,
      int rcode,
      List<Record> answer,
      List<Record> authority,
      long sentNanos,
      long answeredNanos) {
    Exchange {
      answer = List.copyOf(answer);
      authority = List.copyOf(authority);
    }
  }

  private final Resolver head;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  RecordingResolver(Resolver head) {
    this.head = head;
  }

  /** What was asked so far, in the order the answers came. */
  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /**
   * The round trips one after another: the most exchanges of which each was sent after the one
   * before was answered (earliest answer first). Queries sent together count once.
   */
  static int roundTrips(List<Exchange> exchanges) {
    List<Exchange> byAnswer =
        exchanges.stream()
            .sorted(java.util.Comparator.comparingLong(Exchange::answeredNanos))
            .toList();
    int count = 0;
    long free = Long.MIN_VALUE;
    for (Exchange e : byAnswer) {
      if (e.sentNanos() >= free) {
        count++;
        free = e.answeredNanos();
      }
    }
    return count;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    Record q = query.getQuestion();
    long sent = System.nanoTime();
    return head.sendAsync(query, executor)
        .whenComplete(
            (response, failure) -> {
              if (q == null) {
                return;
              }
              if (response == null) {
                exchanges.add(
                    new Exchange(
                        q.getName(),
                        q.getType(),
                        -1,
                        List.of(),
                        List.of(),
                        sent,
                        System.nanoTime()));
              } else {
                exchanges.add(
                    new Exchange(
                        q.getName(),
                        q.getType(),
                        response.getRcode(),
                        response.getSection(Section.ANSWER),
                        response.getSection(Section.AUTHORITY),
                        sent,
                        System.nanoTime()));
              }
            });
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return sendAsync(query, java.util.concurrent.ForkJoinPool.commonPool());
  }

  @Override
  public void setPort(int port) {
    head.setPort(port);
  }

  @Override
  public void setTCP(boolean flag) {
    head.setTCP(flag);
  }

  @Override
  public void setIgnoreTruncation(boolean flag) {
    head.setIgnoreTruncation(flag);
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    head.setEDNS(version, payloadSize, flags, options);
  }

  @Override
  public void setTSIGKey(TSIG key) {
    head.setTSIGKey(key);
  }

  @Override
  public void setTimeout(Duration timeout) {
    head.setTimeout(timeout);
  }

  @Override
  public Duration getTimeout() {
    return head.getTimeout();
  }
}
