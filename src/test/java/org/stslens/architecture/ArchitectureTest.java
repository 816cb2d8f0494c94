package org.stslens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/style.md, checked on every build. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stslens");
  }

  @Test
  void engineAndLabKnowNothingOfTheUserInterface() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("org.stslens.engine..", "org.stslens.lab..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.stslens.ui..",
                "org.stslens.app..",
                "org.stslens.cli..",
                "javafx..",
                "org.controlsfx..");
    rule.check(classes);
  }

  @Test
  void workbenchModelKnowsNothingOfTheUserInterface() {
    // the editor's model is plain Java so that it can be tested with plain JUnit
    noClasses()
        .that()
        .resideInAPackage("org.stslens.workbench..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.stslens.ui..",
            "org.stslens.app..",
            "org.stslens.cli..",
            "javafx..",
            "org.controlsfx..")
        .check(classes);
  }

  @Test
  void engineDoesNotDependOnTheLab() {
    noClasses()
        .that()
        .resideInAPackage("org.stslens.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.stslens.lab..")
        .check(classes);
  }

  @Test
  void userInterfaceDoesNoNetworking() {
    noClasses()
        .that()
        .resideInAPackage("org.stslens.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.xbill.DNS..", "org.apache.hc..", "javax.net.ssl..", "java.net.http..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            java.net.Socket.class,
            java.net.ServerSocket.class,
            java.net.DatagramSocket.class,
            java.net.URLConnection.class,
            java.nio.channels.SocketChannel.class)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void userInterfaceDoesNoFileIo() {
    // file rules live in plain Java (workbench.draft.DraftFiles, engine.io) where they are tested
    noClasses()
        .that()
        .resideInAPackage("org.stslens.ui..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            java.nio.file.Files.class,
            java.io.FileInputStream.class,
            java.io.FileOutputStream.class)
        .check(classes);
  }

  @Test
  void viewModelsUseNoSceneGraphTypes() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.fxml..", "org.controlsfx..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheCommandLineWritesToStandardOutput() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.stslens.cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(classes);
  }

  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching("org.stslens.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void enginePackagesAreFreeOfCycles() {
    slices().matching("org.stslens.engine.(*)..").should().beFreeOfCycles().check(classes);
  }
}
