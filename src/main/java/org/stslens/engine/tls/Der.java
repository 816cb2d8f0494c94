package org.stslens.engine.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One DER element (tag, content), enough to read the X.509 extensions the JDK has no getter for.
 * Single-byte tags and definite lengths only, as DER requires; anything else throws {@link
 * IllegalArgumentException}, which callers turn into "show the hex".
 */
record Der(int tag, byte[] content) {

  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;

  /** The one element that fills {@code bytes}. */
  static Der read(byte[] bytes) {
    List<Der> all = readAll(bytes);
    if (all.size() != 1) {
      throw new IllegalArgumentException(all.size() + " elements where one was expected");
    }
    return all.get(0);
  }

  /** The elements one after the other in {@code bytes}. */
  static List<Der> readAll(byte[] bytes) {
    List<Der> out = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int tag = bytes[at++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        throw new IllegalArgumentException("multi-byte tag");
      }
      if (at >= bytes.length) {
        throw new IllegalArgumentException("truncated length");
      }
      int first = bytes[at++] & 0xFF;
      int length;
      if (first < 0x80) {
        length = first;
      } else {
        int count = first & 0x7F;
        if (count == 0 || count > 3 || at + count > bytes.length) {
          throw new IllegalArgumentException("unsupported length");
        }
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (bytes[at++] & 0xFF);
        }
      }
      if (length > bytes.length - at) {
        throw new IllegalArgumentException("element longer than its container");
      }
      out.add(new Der(tag, Arrays.copyOfRange(bytes, at, at + length)));
      at += length;
    }
    return out;
  }

  /** The elements inside a constructed element. */
  List<Der> children() {
    if ((tag & 0x20) == 0) {
      throw new IllegalArgumentException("primitive element has no children");
    }
    return readAll(content);
  }

  /** Context-specific tag number, or -1 for any other class. */
  int contextNumber() {
    return (tag & 0xC0) == 0x80 ? tag & 0x1F : -1;
  }

  /** The dotted form of an OBJECT IDENTIFIER's content. */
  String oid() {
    if (tag != OID || content.length == 0) {
      throw new IllegalArgumentException("not an OID");
    }
    StringBuilder text = new StringBuilder();
    long value = 0;
    boolean first = true;
    for (byte b : content) {
      value = (value << 7) | (b & 0x7F);
      if (value > Long.MAX_VALUE >> 7) {
        throw new IllegalArgumentException("OID arc too large");
      }
      if ((b & 0x80) == 0) {
        if (first) {
          long top = Math.min(value / 40, 2);
          text.append(top).append('.').append(value - top * 40);
          first = false;
        } else {
          text.append('.').append(value);
        }
        value = 0;
      }
    }
    if ((content[content.length - 1] & 0x80) != 0) {
      throw new IllegalArgumentException("OID ends inside an arc");
    }
    return text.toString();
  }

  /** The value of an INTEGER that fits an int. */
  int integer() {
    if (tag != INTEGER || content.length == 0) {
      throw new IllegalArgumentException("not an INTEGER");
    }
    return new java.math.BigInteger(content).intValueExact();
  }

  /** The whole element again: tag, length and content. */
  byte[] encoded() {
    int n = content.length;
    byte[] length =
        n < 0x80
            ? new byte[] {(byte) n}
            : n < 0x100
                ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000
                    ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                    : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    byte[] out = new byte[1 + length.length + n];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(content, 0, out, 1 + length.length, n);
    return out;
  }

  /** The content as ASCII text (IA5String, and the context-tagged strings of a GeneralName). */
  String ascii() {
    return new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
