package org.stslens.ui.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stslens.engine.tls.ChainVerdict;
import org.stslens.ui.common.DialogService;
import org.stslens.ui.common.FakeDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CertificateViewerTest {

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

  private final Chains chains = new Chains();
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Stage stage;
  private CertificateViewer viewer;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(
        new Scene(new Label("empty"), CertificateWindow.WIDTH, CertificateWindow.HEIGHT));
    stage.show();
  }

  @AfterEach
  void stopBackground() throws InterruptedException {
    background.shutdownNow();
    background.awaitTermination(5, TimeUnit.SECONDS);
  }

  private void open(FxRobot robot, ChainVerdict verdict) {
    open(robot, verdict, null);
  }

  /** With {@code dialogs} null, the real OS dialogs (never opened by these tests). */
  private void open(FxRobot robot, ChainVerdict verdict, DialogService dialogs) {
    robot.interact(
        () -> {
          viewer = new CertificateViewer(verdict, Chains.CLOCK, background, dialogs);
          Scene scene = new Scene(viewer, CertificateWindow.WIDTH, CertificateWindow.HEIGHT);
          scene
              .getStylesheets()
              .add(getClass().getResource("/org/stslens/ui/stslens.css").toExternalForm());
          stage.setScene(scene);
        });
  }

  private static String text(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    return node instanceof TextInputControl field ? field.getText() : ((Label) node).getText();
  }

  private static String verdictText(FxRobot robot) {
    return String.join(
        "\n",
        robot.lookup("#certificate-verdict .label").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList());
  }

  private static List<TreeCell<?>> treeCells(FxRobot robot) {
    return robot.lookup("#certificate-tree .tree-cell").queryAll().stream()
        .<TreeCell<?>>map(n -> (TreeCell<?>) n)
        .filter(c -> !c.isEmpty())
        .toList();
  }

  private static String clipboardText(FxRobot robot) {
    AtomicReference<String> text = new AtomicReference<>();
    robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
    return text.get();
  }

  @Test
  void validChainShowsTheNamesTheDaysLeftAndTheWholeChainRootFirst(FxRobot robot) {
    open(robot, chains.valid());

    assertThat(verdictText(robot)).contains("Valid for " + Chains.HOST);
    assertThat(text(robot, "#certificate-sans")).contains(Chains.HOST, "mx2.example.com");
    assertThat(text(robot, "#certificate-days-left")).isEqualTo("expires in 87 days");
    assertThat(robot.lookup("#certificate-days-left").query().getStyleClass())
        .contains(Validity.OK);
    assertThat(treeCells(robot))
        .extracting(TreeCell::getText)
        .containsExactly("Lab Root", "Lab Intermediate", Chains.HOST);
    assertThat(treeCells(robot))
        .allSatisfy(c -> assertThat(c.getGraphic().getStyleClass()).contains("status-pass"));
    assertThat(text(robot, "#certificate-subject")).contains("CN=" + Chains.HOST);
    assertThat(text(robot, "#certificate-key")).isEqualTo("EC, 256 bits");
    assertThat(text(robot, "#certificate-signature")).isEqualTo("SHA256withECDSA");
    assertThat(text(robot, "#certificate-eku")).isEqualTo("serverAuth, clientAuth");
    assertThat(text(robot, "#certificate-fingerprint"))
        .matches("([0-9A-F]{2}:){15}[0-9A-F]{2}\n([0-9A-F]{2}:){15}[0-9A-F]{2}");
    assertThat(robot.lookup("#certificate-pem").queryTextInputControl().getText())
        .startsWith(BEGIN);
  }

  @Test
  void expiredLeafIsNamedInTheVerdictAndMarkedInTheTree(FxRobot robot) {
    open(robot, chains.expiredLeaf());

    assertThat(verdictText(robot))
        .contains("Senders refuse this chain for " + Chains.HOST)
        .contains("Valid for " + Chains.HOST + " (the name matches); expired on ")
        .doesNotContain("Not valid for")
        .contains("Leaf certificate “" + Chains.HOST + "”: expired")
        .contains("expired 12 days ago");
    assertThat(text(robot, "#certificate-days-left")).isEqualTo("expired 12 days ago");
    assertThat(robot.lookup("#certificate-days-left").query().getStyleClass())
        .contains(Validity.BAD);
    List<TreeCell<?>> cells = treeCells(robot);
    assertThat(cells).extracting(TreeCell::getText).containsExactly("Lab Root", Chains.HOST);
    assertThat(cells.get(1).getGraphic().getStyleClass()).contains("status-fail");
    assertThat(cells.get(0).getGraphic().getStyleClass()).contains("status-pass");
  }

  @Test
  void expiredIntermediateIsTheOneThatFails(FxRobot robot) {
    open(robot, chains.expiredIntermediate());

    assertThat(verdictText(robot)).contains("Intermediate certificate “Old Intermediate”: expired");
    List<TreeCell<?>> cells = treeCells(robot);
    assertThat(cells)
        .extracting(TreeCell::getText)
        .containsExactly("Lab Root", "Old Intermediate", Chains.HOST);
    assertThat(cells.get(1).getGraphic().getStyleClass()).contains("status-fail");
    assertThat(cells.get(2).getGraphic().getStyleClass()).contains("status-pass");

    robot.clickOn("Intermediate certificate “Old Intermediate”: expired");

    assertThat(text(robot, "#certificate-subject")).contains("CN=Old Intermediate");
    assertThat(text(robot, "#certificate-days-left")).isEqualTo("expired 5 days ago");
  }

  @Test
  void wrongNameSaysTheLeafDoesNotMatchTheHost(FxRobot robot) {
    open(robot, chains.wrongName());

    assertThat(verdictText(robot))
        .contains("Leaf certificate “mail.other.example”: not valid for the name " + Chains.HOST)
        .contains("it covers mail.other.example");
  }

  @Test
  void selfSignedLeafIsAloneInTheTreeAndNotTrusted(FxRobot robot) {
    open(robot, chains.selfSigned());

    assertThat(treeCells(robot)).extracting(TreeCell::getText).containsExactly(Chains.HOST);
    assertThat(verdictText(robot))
        .contains("Leaf certificate “" + Chains.HOST + "”: not trusted")
        .contains("self-signed");
  }

  @Test
  void leafWithoutSubjectAltNameGetsANote(FxRobot robot) {
    open(robot, chains.commonNameOnly());

    assertThat(text(robot, "#certificate-sans")).contains("None").contains("subject CN");
  }

  @Test
  void selectingTheRootInTheTreeShowsTheRoot(FxRobot robot) {
    open(robot, chains.valid());

    robot.clickOn("Lab Root");

    assertThat(text(robot, "#certificate-subject")).contains("CN=Lab Root");
    assertThat(text(robot, "#certificate-issuer")).contains("CN=Lab Root");
    assertThat(text(robot, "#certificate-title")).isEqualTo("Lab Root");
    assertThat(text(robot, "#certificate-key-usage")).isEqualTo("keyCertSign, cRLSign");
    assertThat(text(robot, "#certificate-sans")).contains("None");
    assertThat(viewer.selectedCertificate()).hasValueSatisfying(c -> assertThat(c.isCa()).isTrue());
  }

  @Test
  void clientAuthOnlyLeafIsNotValidAndShowsItsPurpose(FxRobot robot) {
    open(robot, chains.clientAuthOnly());

    assertThat(verdictText(robot))
        .contains("Senders refuse this chain for " + Chains.HOST)
        .contains("Valid for " + Chains.HOST + " (the name matches)")
        .contains("Leaf certificate “" + Chains.HOST + "”: not for a TLS server")
        .contains("TLS client authentication only");
    assertThat(text(robot, "#certificate-eku")).isEqualTo("clientAuth");
    assertThat(text(robot, "#certificate-key-usage")).isEqualTo("digitalSignature");
    assertThat(text(robot, "#certificate-basic-constraints")).isEqualTo("not a CA (CA:FALSE)");
    List<TreeCell<?>> cells = treeCells(robot);
    assertThat(cells).extracting(TreeCell::getText).containsExactly("Lab Root", Chains.HOST);
    assertThat(cells.get(1).getGraphic().getStyleClass()).contains("status-fail");
  }

  @Test
  void caCertificateSentAsTheLeafShowsItsBasicConstraints(FxRobot robot) {
    open(robot, chains.caLeaf());

    assertThat(verdictText(robot))
        .contains("Senders refuse this chain for " + Chains.HOST)
        .contains("Valid for " + Chains.HOST + " (the name matches)")
        .contains("Leaf certificate “" + Chains.HOST + "”: not for a TLS server")
        .contains("is a CA certificate");
    assertThat(text(robot, "#certificate-basic-constraints")).isEqualTo("CA (CA:TRUE)");
    assertThat(text(robot, "#certificate-key-usage")).isEqualTo("keyCertSign, cRLSign");
    assertThat(text(robot, "#certificate-eku")).isEqualTo("(none)");
  }

  @Test
  void basicConstraintsOfEveryCertificateAreShown(FxRobot robot) {
    open(robot, chains.valid());

    assertThat(text(robot, "#certificate-basic-constraints")).isEqualTo("not a CA (CA:FALSE)");
    robot.clickOn("Lab Intermediate");
    assertThat(text(robot, "#certificate-basic-constraints"))
        .isEqualTo("CA (CA:TRUE), path length 0");
    robot.clickOn("Lab Root");
    assertThat(text(robot, "#certificate-basic-constraints")).isEqualTo("CA (CA:TRUE)");
  }

  @Test
  void treeCanBeWalkedWithTheKeyboard(FxRobot robot) {
    open(robot, chains.valid());
    robot.clickOn("Lab Root");

    robot.type(KeyCode.DOWN);

    assertThat(text(robot, "#certificate-title")).isEqualTo("Lab Intermediate");
    assertThat(robot.lookup("#certificate-tree").query().isFocused()).isTrue();
  }

  @Test
  void copyPemPutsTheSelectedCertificateOnTheClipboard(FxRobot robot) {
    open(robot, chains.valid());

    robot.clickOn("#copy-pem");

    assertThat(clipboardText(robot)).startsWith(BEGIN).isEqualTo(viewerPem());
    assertThat(text(robot, "#certificate-status")).contains("copied");
  }

  @Test
  void shortcutCopiesThePemOfTheSelectedCertificate(FxRobot robot) {
    open(robot, chains.valid());
    robot.clickOn("Lab Root");

    robot.press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);

    assertThat(clipboardText(robot)).startsWith(BEGIN).isEqualTo(viewerPem());
    assertThat(viewer.selectedCertificate().orElseThrow().subject()).contains("CN=Lab Root");
  }

  @Test
  void savePemWritesTheFileInTheBackground(FxRobot robot, @TempDir Path dir) throws Exception {
    open(robot, chains.valid());
    Path target = dir.resolve("leaf.pem");
    AtomicReference<CompletableFuture<Path>> saved = new AtomicReference<>();

    robot.interact(() -> saved.set(viewer.savePem(target)));
    saved.get().get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(Files.readString(target, StandardCharsets.US_ASCII))
        .startsWith(BEGIN)
        .isEqualTo(viewerPem());
    assertThat(text(robot, "#certificate-status")).contains("Saved", target.toString());
  }

  @Test
  void theSavePemButtonWritesWhereTheUserChose(FxRobot robot, @TempDir Path dir) throws Exception {
    Path target = dir.resolve("chosen.pem");
    FakeDialogService dialogs = new FakeDialogService().choose(target);
    open(robot, chains.valid(), dialogs);

    robot.interact(() -> robot.lookup("#save-pem").queryButton().fire());
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> text(robot, "#certificate-status").startsWith("Saved"));

    assertThat(dialogs.fileDialogs)
        .singleElement()
        .satisfies(d -> assertThat(d.initialFileName()).endsWith(".pem"));
    assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo(viewerPem());
  }

  @Test
  void aFailedSaveIsReported(FxRobot robot, @TempDir Path dir) throws Exception {
    open(robot, chains.valid());
    Path target = dir.resolve("missing").resolve("leaf.pem");
    AtomicReference<CompletableFuture<Path>> saved = new AtomicReference<>();

    robot.interact(() -> saved.set(viewer.savePem(target)));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.get().isDone());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(saved.get()).isCompletedExceptionally();
    assertThat(text(robot, "#certificate-status")).startsWith("Could not save");
    assertThat(Files.exists(target)).isFalse();
  }

  @Test
  void fingerprintIsCopiedOnOneLine(FxRobot robot) {
    open(robot, chains.valid());
    // Below the fold at this size: fire it as a keyboard user would after scrolling.
    robot.interact(() -> robot.lookup("#copy-fingerprint").queryButton().fire());

    assertThat(clipboardText(robot))
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
        .isEqualTo(viewer.selectedCertificate().orElseThrow().sha256());
  }

  private String viewerPem() {
    return viewer.selectedCertificate().orElseThrow().pem();
  }
}
