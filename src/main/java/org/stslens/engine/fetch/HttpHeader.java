package org.stslens.engine.fetch;

/** One response header as the server sent it. */
public record HttpHeader(String name, String value) {}
