package org.stslens.ui.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.stslens.engine.tls.CertificateExtensions;
import org.stslens.engine.tls.ChainVerdict;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The placeholder for a missing issuer, fingerprints, extensions and text that is never cut. */
@ExtendWith(ApplicationExtension.class)
class CertificateViewerDetailsTest {

  private final Chains chains = new Chains();
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Stage stage;
  private CertificateViewer viewer;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new Label("empty"), 1024, 700));
    stage.show();
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void open(FxRobot robot, ChainVerdict verdict, double width, double height) {
    robot.interact(
        () -> {
          viewer = new CertificateViewer(verdict, Chains.CLOCK, background);
          Scene scene = new Scene(viewer, width, height);
          scene
              .getStylesheets()
              .add(getClass().getResource("/org/stslens/ui/stslens.css").toExternalForm());
          stage.setScene(scene);
          stage.setWidth(width);
          stage.setHeight(height);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void open(FxRobot robot, ChainVerdict verdict) {
    open(robot, verdict, CertificateWindow.WIDTH, CertificateWindow.HEIGHT);
  }

  private static List<TreeCell<?>> treeCells(FxRobot robot) {
    return robot.lookup("#certificate-tree .tree-cell").queryAll().stream()
        .<TreeCell<?>>map(n -> (TreeCell<?>) n)
        .filter(c -> !c.isEmpty())
        .toList();
  }

  /** What the skin draws: with an ellipsis where the text was cut, without a mnemonic's "_". */
  private static String shown(Labeled labeled) {
    return labeled.getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof Text && !(n instanceof FontIcon))
        .map(n -> ((Text) n).getText())
        .findFirst()
        .orElse("");
  }

  private static String clipboardText(FxRobot robot) {
    AtomicReference<String> text = new AtomicReference<>();
    robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
    return text.get();
  }

  private static List<Node> all(Node root) {
    List<Node> out = new ArrayList<>();
    out.add(root);
    if (root instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        out.addAll(all(child));
      }
    }
    return out;
  }

  /**
   * Issue 14, item 6: a chain row keeps one tooltip and changes its text (a tooltip builds and
   * styles a popup scene of its own).
   */
  @Test
  void aChainRowKeepsItsTooltipWhenItShowsAnotherCertificate(FxRobot robot) {
    open(robot, chains.missingIntermediate());
    List<TreeCell<?>> before = treeCells(robot);
    Map<TreeCell<?>, Tooltip> tips = new java.util.IdentityHashMap<>();
    before.forEach(c -> tips.put(c, c.getTooltip()));
    // collapsed, the second row is empty; expanded again, it shows its certificate again
    javafx.scene.control.TreeItem<?> top = before.get(0).getTreeItem();
    robot.interact(() -> top.setExpanded(false));
    robot.interact(() -> top.setExpanded(true));
    List<TreeCell<?>> after = treeCells(robot);
    assertThat(after).hasSize(2);
    for (TreeCell<?> cell : after) {
      assertThat(tips).containsKey(cell);
      assertThat(cell.getTooltip()).isSameAs(tips.get(cell));
    }
    assertThat(after.get(1).getTooltip().getText()).contains(Chains.HOST);
    assertThat(after.get(0).getTooltip().getText()).contains("did not send it");
  }

  @Test
  void aMissingIntermediateIsAPlaceholderAboveTheLeaf(FxRobot robot) {
    open(robot, chains.missingIntermediate());

    List<TreeCell<?>> cells = treeCells(robot);
    assertThat(cells)
        .extracting(TreeCell::getText)
        .containsExactly("missing: “Lab Intermediate” (the server did not send it)", Chains.HOST);
    assertThat(cells.get(0).getStyleClass()).contains(CertificateViewer.MISSING_CLASS);
    assertThat(cells.get(1).getStyleClass()).doesNotContain(CertificateViewer.MISSING_CLASS);
    assertThat(cells.get(0).getTooltip().getText())
        .contains("the certificate that issued “" + Chains.HOST + "”")
        .contains("CN=Lab Intermediate")
        .contains("did not send it");
    assertThat(cells.get(0).getTreeItem().getChildren()).hasSize(1);
  }

  @Test
  void selectingThePlaceholderExplainsIntermediatesAndTheFix(FxRobot robot) {
    open(robot, chains.missingIntermediate());

    robot.clickOn("missing: “Lab Intermediate” (the server did not send it)");

    assertThat(robot.lookup("#certificate-title").queryLabeled().getText())
        .isEqualTo("Missing: “Lab Intermediate”");
    String explanation =
        String.join(
            "\n",
            robot.lookup("#certificate-missing-details .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList());
    assertThat(explanation)
        .contains("intermediate certificate")
        .contains("fullchain.pem")
        .contains("ssl_certificate")
        .contains("“" + Chains.HOST + "” was issued by “Lab Intermediate”");
    assertThat(robot.lookup("#copy-pem").queryButton().isDisabled()).isTrue();
    assertThat(viewer.selectedCertificate()).isEmpty();

    robot.clickOn("#copy-details");
    assertThat(clipboardText(robot)).contains("fullchain.pem").contains("CN=Lab Intermediate");
  }

  @Test
  void aCompleteChainHasNoPlaceholder(FxRobot robot) {
    open(robot, chains.valid());

    assertThat(treeCells(robot))
        .noneSatisfy(c -> assertThat(c.getStyleClass()).contains(CertificateViewer.MISSING_CLASS));
  }

  @Test
  void sha1FingerprintIsShownAndCopied(FxRobot robot) throws Exception {
    open(robot, chains.valid());
    byte[] der = CertificateExtensions.der(viewer.selectedCertificate().orElseThrow().pem());
    String sha1 =
        HexFormat.ofDelimiter(":")
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(der));

    TextInputControl field = robot.lookup("#certificate-sha1").queryTextInputControl();
    assertThat(field.getText()).isEqualTo(sha1).matches("([0-9A-F]{2}:){19}[0-9A-F]{2}");

    robot.interact(() -> robot.lookup("#copy-sha1").queryButton().fire());
    assertThat(clipboardText(robot)).isEqualTo(sha1);
    assertThat(robot.lookup("#certificate-status").queryLabeled().getText())
        .isEqualTo("SHA-1 fingerprint copied to the clipboard.");
  }

  @Test
  void everyExtensionIsListedWithOidCriticalFlagAndValue(FxRobot robot) {
    open(robot, chains.valid());

    List<String> texts =
        robot.lookup("#certificate-extensions .label").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertThat(robot.lookup("#certificate-extensions").queryParent().getChildrenUnmodifiable())
        .hasSize(6);
    assertThat(texts)
        .containsSubsequence(
            "basicConstraints",
            "OID 2.5.29.19 · critical",
            "CA:FALSE",
            "keyUsage",
            "OID 2.5.29.15 · critical",
            "digitalSignature, keyAgreement",
            "extendedKeyUsage",
            "OID 2.5.29.37 · not critical",
            "serverAuth (1.3.6.1.5.5.7.3.1), clientAuth (1.3.6.1.5.5.7.3.2)",
            "subjectAltName",
            "OID 2.5.29.17 · not critical",
            "DNS:" + Chains.HOST + ", DNS:mx2.example.com",
            "subjectKeyIdentifier",
            "authorityKeyIdentifier");
    assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("keyid:"));
    assertThat(robot.lookup("#certificate-extensions .certificate-extension-critical").queryAll())
        .hasSize(2);

    robot.clickOn("Lab Root");
    assertThat(robot.lookup("#certificate-extensions").queryParent().getChildrenUnmodifiable())
        .hasSize(3);
  }

  @Test
  void copyDetailsPutsEveryFieldOnTheClipboard(FxRobot robot) {
    open(robot, chains.valid());

    robot.interact(() -> robot.lookup("#copy-details").queryButton().fire());

    assertThat(clipboardText(robot))
        .contains(
            "Subject: " + viewer.selectedCertificate().orElseThrow().subject().replace(",", ", "))
        .contains("SHA-256: " + viewer.selectedCertificate().orElseThrow().sha256())
        .contains("SHA-1: ")
        .contains("subjectAltName (2.5.29.17): DNS:" + Chains.HOST)
        .contains("basicConstraints (2.5.29.19), critical: CA:FALSE")
        .contains("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void longNamesWrapInTheDetailsAndStayWholeInTheTree(FxRobot robot) {
    for (double[] size : new double[][] {{1024, 700}, {1920, 1200}}) {
      open(robot, chains.longName(), size[0], size[1]);

      Label subject = robot.lookup("#certificate-subject").queryAs(Label.class);
      String dn = viewer.selectedCertificate().orElseThrow().subject();
      assertThat(subject.getText()).isEqualTo(dn.replace(",", ", ")).contains(Chains.LONG_NAME);
      assertThat(shown(subject)).isEqualTo(subject.getText());
      assertThat(subject.getHeight()).isGreaterThan(subject.getFont().getSize() * 2);
      Label sans = robot.lookup("#certificate-sans").queryAs(Label.class);
      assertThat(shown(sans)).isEqualTo(Chains.LONG_NAME);
      Labeled title = robot.lookup("#certificate-title").queryLabeled();
      assertThat(shown(title)).isEqualTo(Chains.LONG_NAME);

      TreeCell<?> leaf = treeCells(robot).get(2);
      assertThat(leaf.getText()).isEqualTo(Chains.LONG_NAME);
      assertThat(shown(leaf)).isEqualTo(Chains.LONG_NAME);
      assertThat(leaf.getTooltip().getText()).contains(Chains.LONG_NAME);
    }
  }

  @Test
  void textFromDataKeepsItsUnderscoresAndNoTextHasABacktick(FxRobot robot) {
    open(robot, chains.longName());

    for (Node node : all(viewer)) {
      if ((node instanceof Label || node instanceof TreeCell<?>)
          && ((Labeled) node).getText() != null) {
        Labeled labeled = (Labeled) node;
        assertThat(labeled.isMnemonicParsing())
            .as("mnemonic parsing of “%s”", labeled.getText())
            .isFalse();
        assertThat(labeled.getText()).doesNotContain("`");
      }
      if (node instanceof TextInputControl input) {
        assertThat(input.getText()).doesNotContain("`");
      }
      if (node instanceof Button button && button.getTooltip() != null) {
        assertThat(button.getTooltip().getText()).doesNotContain("`");
      }
    }
    assertThat(shown(robot.lookup("#certificate-title").queryLabeled())).contains("long_label");
    robot.clickOn(treeCells(robot).get(0));
    List<Tooltip> tips = treeCells(robot).stream().map(TreeCell::getTooltip).toList();
    assertThat(tips).allSatisfy(t -> assertThat(t.getText()).doesNotContain("`"));
  }
}
