package org.stslens.engine.export;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson escapes C0 controls by itself; these escapes add C1 controls and the bidirectional
 * controls of {@link Visible#isControl}, as {@code \}{@code uXXXX}, so JSON printed to a terminal
 * holds no byte the terminal acts on, while a parser still reads the raw value.
 */
public final class JsonEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] ascii = standardAsciiEscapesForJSON();

  private JsonEscapes() {
    ascii[0x7f] = ESCAPE_STANDARD;
  }

  /** The mapper with these escapes installed. */
  public static ObjectMapper install(ObjectMapper mapper) {
    mapper.getFactory().setCharacterEscapes(new JsonEscapes());
    return mapper;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return ch <= 0xFFFF && Visible.isControl((char) ch)
        ? new SerializedString(String.format("\\u%04X", ch))
        : null;
  }
}
