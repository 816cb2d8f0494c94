package org.stslens.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The one way the product reads a file (trust PEMs, policies, drafts, settings, imports): regular
 * files only, at most a given number of bytes, counted while reading.
 *
 * <p>The size a file system reports is not trusted: {@code /dev/zero} and {@code /proc} files say 0
 * and never end, or end later. A FIFO, a device or a directory is refused before it is opened,
 * because opening a FIFO blocks until a writer appears. The check and the open are two steps: a
 * file replaced by a FIFO in between would still block. That race needs someone who can already
 * rewrite the user's own files, and Java offers no non-blocking open, so it is accepted.
 */
public final class BoundedFile {

  /** Why a file was not read. */
  public enum Problem {
    MISSING,
    NOT_REGULAR,
    TOO_LARGE,
    NOT_UTF8,
    UNREADABLE
  }

  /** A file the reader refused or could not read; the message names the file and the reason. */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final String reason;

    RefusedException(Problem problem, Path file, String reason, Throwable cause) {
      super(file + " " + reason, cause);
      this.problem = problem;
      this.reason = reason;
    }

    public Problem problem() {
      return problem;
    }

    /** The message without the file's name, for callers that name the file themselves. */
    public String reason() {
      return reason;
    }
  }

  private static final int CHUNK = 64 * 1024;

  private BoundedFile() {}

  /**
   * The bytes of a regular file (links followed) of at most {@code maxBytes} bytes.
   *
   * @throws RefusedException when it is missing, not a regular file, larger, or unreadable
   */
  public static byte[] read(Path file, int maxBytes) throws RefusedException {
    checkRegular(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] data = new byte[(int) Math.min(CHUNK, (long) maxBytes + 1)];
      int length = 0;
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (true) {
        if (length == data.length) {
          if (length > maxBytes) {
            throw tooLarge(file, maxBytes);
          }
          data = Arrays.copyOf(data, (int) Math.min((long) data.length * 2, (long) maxBytes + 1));
          buffer = ByteBuffer.wrap(data);
          buffer.position(length);
        }
        int n = channel.read(buffer);
        if (n < 0) {
          break;
        }
        length += n;
      }
      if (length > maxBytes) {
        throw tooLarge(file, maxBytes);
      }
      return Arrays.copyOf(data, length);
    } catch (RefusedException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new RefusedException(Problem.MISSING, file, "does not exist", e);
    } catch (AccessDeniedException e) {
      throw new RefusedException(Problem.UNREADABLE, file, "cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new RefusedException(Problem.UNREADABLE, file, "cannot be read: " + describe(e), e);
    }
  }

  /** The file as strict UTF-8 text: a byte that is not UTF-8 is refused, never replaced. */
  public static String readUtf8(Path file, int maxBytes) throws RefusedException {
    byte[] bytes = read(file, maxBytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RefusedException(Problem.NOT_UTF8, file, "is not UTF-8 text", e);
    }
  }

  /** Refuses what is not a regular file, without opening it (a FIFO would block the open). */
  private static void checkRegular(Path file) throws RefusedException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new RefusedException(Problem.MISSING, file, "does not exist", e);
    } catch (IOException e) {
      throw new RefusedException(Problem.UNREADABLE, file, "cannot be read: " + describe(e), e);
    }
    if (!attributes.isRegularFile()) {
      String kind = attributes.isDirectory() ? "a directory" : special(file);
      throw new RefusedException(
          Problem.NOT_REGULAR,
          file,
          "is " + kind + ", not a regular file; only regular files are read",
          null);
    }
  }

  /** What a special file is, from the Unix mode where the platform tells it. */
  private static String special(Path file) {
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private static RefusedException tooLarge(Path file, int maxBytes) {
    return new RefusedException(
        Problem.TOO_LARGE, file, "is larger than " + size(maxBytes) + "; it was not read", null);
  }

  private static String size(int bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  private static String describe(IOException e) {
    String reason =
        e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : e.getMessage();
    return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : reason;
  }
}
