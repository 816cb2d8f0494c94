package org.stslens.ui.certificate;

/** A node of the chain tree: a certificate the server sent, or one it should have sent. */
sealed interface ChainNode permits ChainEntry, MissingIssuer {

  /** What the tree shows. */
  String name();
}
