package org.stslens.engine.tlsrpt.reports;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decompression with a budget: the bytes are counted while they are inflated and the work stops as
 * soon as the budget is spent, so a small bomb never becomes a large array. Sizes written in the
 * archive are not trusted.
 */
final class Inflation {

  /** The most a file, with everything inside it, may inflate to. */
  static final int LIMIT = 20 * 1024 * 1024;

  private static final int CHUNK = 64 * 1024;

  /** Inflated bytes still allowed for one imported file (shared by its nested archives). */
  static final class Budget {
    private long remaining;

    Budget(long remaining) {
      this.remaining = remaining;
    }
  }

  /** The budget was spent: the content inflates past {@link #LIMIT}. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("too large after decompression: more than " + LIMIT / (1024 * 1024) + " MiB; refused");
    }
  }

  private Inflation() {}

  static boolean isGzip(byte[] data) {
    return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
  }

  static boolean isZip(byte[] data) {
    return data.length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
  }

  /** The gunzipped bytes, within the budget. */
  static byte[] gunzip(byte[] data, Budget budget) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), CHUNK)) {
      return drain(in, budget);
    } catch (EOFException e) {
      throw new IOException("truncated gzip: the compressed data ends early");
    } catch (ZipException e) {
      throw new IOException("damaged gzip: " + e.getMessage());
    }
  }

  /**
   * Reads {@code in} to its end, counting against the budget; stops when it is spent. The chunks
   * are joined only at the end, so a refused bomb never costs more than the budget plus a chunk (a
   * growing array would briefly hold its old and new copies).
   */
  static byte[] drain(InputStream in, Budget budget) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    int total = 0;
    while (true) {
      byte[] chunk = in.readNBytes(CHUNK);
      if (chunk.length == 0) {
        break;
      }
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) {
        throw new TooLargeException();
      }
      chunks.add(chunk);
      total += chunk.length;
    }
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, out, at, chunk.length);
      at += chunk.length;
    }
    return out;
  }
}
