package org.stslens.ui.certificate;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.stslens.engine.tls.ChainVerdict;

/** A window of its own around a {@link CertificateViewer}; Esc closes it. */
public final class CertificateWindow {

  static final double WIDTH = 900;
  static final double HEIGHT = 600;
  private static final String APP_STYLESHEET = "/org/stslens/ui/stslens.css";

  private CertificateWindow() {}

  /**
   * Opens a non-modal window over {@code owner} (may be null) showing {@code verdict}, once what it
   * shows of each certificate (decoded, parsed, hashed, formatted) is ready: that work runs on
   * {@code background}, and the FX thread only builds and shows the window.
   */
  public static void show(
      Window owner, String title, ChainVerdict verdict, Clock clock, Executor background) {
    CompletableFuture.supplyAsync(() -> PreparedChain.of(verdict, clock), background)
        .whenComplete(
            (prepared, error) ->
                Platform.runLater(
                    () -> {
                      // should the preparation fail, the viewer does the work itself
                      Stage stage =
                          prepared != null
                              ? create(owner, title, prepared, background)
                              : create(owner, title, verdict, clock, background);
                      stage.show();
                      stage.toFront();
                    }));
  }

  /** The window, not yet shown. */
  static Stage create(
      Window owner, String title, ChainVerdict verdict, Clock clock, Executor background) {
    return create(owner, title, PreparedChain.of(verdict, clock), background);
  }

  private static Stage create(
      Window owner, String title, PreparedChain prepared, Executor background) {
    CertificateViewer viewer = new CertificateViewer(prepared, background, null);
    Scene scene = new Scene(viewer, WIDTH, HEIGHT);
    scene
        .getStylesheets()
        .add(CertificateWindow.class.getResource(APP_STYLESHEET).toExternalForm());
    Stage stage = new Stage();
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.initModality(Modality.NONE);
    stage.setTitle(title);
    stage.setScene(scene);
    stage.setMinWidth(560);
    stage.setMinHeight(360);
    // A filter: the tree would otherwise take Esc for itself (to cancel an edit it never starts).
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            stage.close();
            e.consume();
          }
        });
    stage.setOnShown(e -> viewer.requestFocus());
    return stage;
  }
}
