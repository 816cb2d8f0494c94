package org.stslens.engine.dns;

import java.util.List;

/**
 * One resource record of an answer, as evidence.
 *
 * @param name owner name, absolute (with trailing dot)
 * @param type record type mnemonic (TXT, MX, CNAME, A, AAAA...)
 * @param ttl time to live in seconds
 * @param data presentation form of the record data
 * @param strings for TXT records the character-strings, unquoted; empty otherwise
 */
public record DnsAnswer(String name, String type, long ttl, String data, List<String> strings) {
  public DnsAnswer {
    strings = List.copyOf(strings);
  }
}
