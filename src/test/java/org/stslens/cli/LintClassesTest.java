package org.stslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold {@code policy lint} loads only what it uses (issue 14): not the other commands' classes,
 * and no Jackson for text output. Each run gets a class loader of its own that defines every class
 * outside the JDK again, so what it defined is what a new process would load.
 */
class LintClassesTest {

  /** Defines every non-JDK class itself, from the test class path, and remembers which. */
  private static final class FreshLoader extends ClassLoader {
    final Set<String> defined = ConcurrentHashMap.newKeySet();

    FreshLoader() {
      super(LintClassesTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("java.")
          || name.startsWith("javax.")
          || name.startsWith("jdk.")
          || name.startsWith("sun.")
          || name.startsWith("com.sun.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in =
              getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
            defined.add(name);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }

  /** Runs {@code stslens ARGS} as {@code stslens.sh} does, in a fresh loader; its classes. */
  private static Set<String> classesOf(String... args) throws Exception {
    FreshLoader loader = new FreshLoader();
    Class<?> command = loader.loadClass(StsLensCommand.class.getName());
    Method commandLine =
        command.getMethod("commandLine", PrintWriter.class, PrintWriter.class, String[].class);
    StringWriter out = new StringWriter();
    Object cli =
        commandLine.invoke(
            null, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    int exit = (int) cli.getClass().getMethod("execute", String[].class).invoke(cli, (Object) args);
    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).isNotEmpty();
    return loader.defined;
  }

  @Test
  void aTextPolicyLintLoadsNoOtherCommandAndNoJackson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(
        file, "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n");

    Set<String> text = classesOf("policy", "lint", file.toString());
    assertThat(text).contains(PolicyCommand.Lint.class.getName());
    assertThat(text)
        .doesNotContain(
            CheckCommand.class.getName(),
            TxtCommand.class.getName(),
            LabCommand.class.getName(),
            TlsRptCommand.class.getName(),
            "com.fasterxml.jackson.databind.ObjectMapper");

    // the detector sees Jackson when it is used
    assertThat(classesOf("policy", "lint", "--format", "json", file.toString()))
        .contains("com.fasterxml.jackson.databind.ObjectMapper");
  }

  @Test
  void aTextTxtLintLoadsNoOtherCommandAndNoJackson() throws Exception {
    assertThat(classesOf("txt", "lint", "v=STSv1; id=20261205T0000"))
        .contains(TxtCommand.Lint.class.getName())
        .doesNotContain(
            CheckCommand.class.getName(),
            PolicyCommand.class.getName(),
            "com.fasterxml.jackson.databind.ObjectMapper");
  }
}
