package org.stslens.engine.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.finding.Excerpt;

/**
 * The field list shared by MTA-STS (RFC 8461 §3.1) and TLSRPT (RFC 8460 §3) TXT records: after the
 * version tag come one or more {@code *WSP ";" *WSP name=value}, with one optional trailing {@code
 * *WSP ";" *WSP}. A name is {@code (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")}; an
 * extension value is {@code 1*(%x21-3A / %x3C / %x3E-7E)}. The tokenizer stops at the first place
 * the grammar breaks and says where (1-based column in the joined record) and why.
 *
 * <p>Values of the names the caller lists as {@code checkedByCaller} (the MTA-STS {@code id}, the
 * TLSRPT {@code rua}) are not checked here, because their own grammar and error codes differ.
 */
public final class TxtFieldList {

  private static final int MAX_NAME = 32;

  private TxtFieldList() {}

  /**
   * One {@code name=value} field.
   *
   * @param nameColumn 1-based column of the name in the joined record
   * @param valueColumn 1-based column of the first character after {@code =}
   */
  public record Field(String name, String value, int nameColumn, int valueColumn) {}

  /** Where (1-based column in the joined record) and why the record leaves the grammar. */
  public record SyntaxError(int column, String problem) {}

  /** The fields read up to the end, or up to the first syntax error. */
  public record Fields(List<Field> fields, Optional<SyntaxError> error) {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** SP or HTAB, the only whitespace the TXT grammars allow. */
  public static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * Reads the fields of {@code record} after its version tag ({@code versionLength} characters,
   * already checked by {@link TxtRecords#isCandidate}).
   */
  public static Fields parse(String record, int versionLength, Set<String> checkedByCaller) {
    List<Field> fields = new ArrayList<>();
    int n = record.length();
    int pos = versionLength;
    boolean first = true;
    while (true) {
      int delimiter = skipWsp(record, pos);
      if (delimiter == n) {
        if (delimiter > pos) {
          return failed(fields, pos, "there is a space or tab at the end of the record");
        }
        return new Fields(fields, Optional.empty());
      }
      if (record.charAt(delimiter) != ';') {
        String problem =
            first
                ? "the version tag must be followed by `;` before the next field"
                : "fields must be separated by `;`";
        return failed(fields, delimiter, problem);
      }
      int start = skipWsp(record, delimiter + 1);
      if (start == n) {
        return new Fields(fields, Optional.empty()); // the one optional trailing `;`
      }
      if (record.charAt(start) == ';') {
        return failed(fields, start, "there is an empty field (`;;`)");
      }
      int end = record.indexOf(';', start);
      end = end < 0 ? n : end;
      int fieldEnd = end;
      while (fieldEnd > start && isWsp(record.charAt(fieldEnd - 1))) {
        fieldEnd--;
      }
      Optional<SyntaxError> error = readField(record, start, fieldEnd, checkedByCaller, fields);
      if (error.isPresent()) {
        return new Fields(fields, error);
      }
      pos = fieldEnd;
      first = false;
    }
  }

  private static Optional<SyntaxError> readField(
      String record, int start, int end, Set<String> checkedByCaller, List<Field> fields) {
    int equals = record.indexOf('=', start);
    if (equals < 0 || equals >= end) {
      return error(
          start,
          "the field " + Excerpt.quote(record.substring(start, end)) + " has no `=` and no value");
    }
    if (equals == start) {
      return error(start, "a field has a value but no name before `=`");
    }
    for (int i = start; i < equals; i++) {
      char c = record.charAt(i);
      if (isWsp(c)) {
        return error(i, "there is a space or tab before `=`; none is allowed around `=`");
      }
      boolean ok = isAlnum(c) || i > start && (c == '_' || c == '-' || c == '.');
      if (!ok) {
        return error(i, describe(record, i) + " is not allowed in a field name");
      }
    }
    if (equals - start > MAX_NAME) {
      return error(start + MAX_NAME, "a field name is longer than 32 characters");
    }
    String name = record.substring(start, equals);
    String value = record.substring(equals + 1, end);
    if (!checkedByCaller.contains(name)) {
      Optional<SyntaxError> valueError = checkExtensionValue(record, name, equals + 1, end);
      if (valueError.isPresent()) {
        return valueError;
      }
    }
    fields.add(new Field(name, value, start + 1, equals + 2));
    return Optional.empty();
  }

  private static Optional<SyntaxError> checkExtensionValue(
      String record, String name, int start, int end) {
    if (start == end) {
      return error(start, "the field `" + name + "=` has an empty value");
    }
    for (int i = start; i < end; i++) {
      char c = record.charAt(i);
      if (isWsp(c)) {
        return error(i, "the value of `" + name + "` contains a space or tab");
      }
      if (c == '=') {
        return error(i, "the value of `" + name + "` contains a second `=`");
      }
      if (c < 0x21 || c > 0x7e) {
        return error(i, describe(record, i) + " is not allowed in the value of `" + name + "`");
      }
    }
    return Optional.empty();
  }

  /** Names a character for a message: {@code `*`}, or {@code non-ASCII character U+00E9}. */
  static String describe(String record, int index) {
    int cp = record.codePointAt(index);
    if (cp > 0x7e) {
      return "the non-ASCII character " + Excerpt.codePointName(cp);
    }
    if (cp < 0x21 || cp == 0x7f) {
      return "the control character " + Excerpt.codePointName(cp);
    }
    return "the character `" + (char) cp + "`";
  }

  private static boolean isAlnum(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static int skipWsp(String s, int pos) {
    while (pos < s.length() && isWsp(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static Fields failed(List<Field> fields, int index, String problem) {
    return new Fields(fields, error(index, problem));
  }

  private static Optional<SyntaxError> error(int index, String problem) {
    return Optional.of(new SyntaxError(index + 1, problem));
  }
}
