import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packaging only (scripts/package-linux.sh, run by JDK 25's source launcher: {@code java
 * scripts/UpgradeOldClassFiles.java JAR}): rewrites, in place, the class files of JAR older than
 * Java 6 (major version below 50) as Java 8 class files with stack maps. The bytecode is unchanged.
 *
 * <p>Why: an AOT cache (JEP 483) leaves such old classes out ("Old class has been linked"), so each
 * start loaded and verified them from the jar again. In stslens.jar they are picocli's 228 classes
 * (picocli is built for Java 5), which every command line run needs: about 60 ms of CPU of a cold
 * {@code stslens policy lint} (issue 14).
 */
public final class UpgradeOldClassFiles {

  private static final int JAVA_6 = 50;
  private static final int JAVA_8 = 52;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int upgraded = 0;
    try (FileSystem fs = FileSystems.newFileSystem(jar)) {
      // The stack maps need the common superclass of two types: the JDK's, else from the jar.
      ClassHierarchyResolver resolver =
          ClassHierarchyResolver.defaultResolver()
              .orElse(ClassHierarchyResolver.ofResourceParsing(desc -> open(fs, desc)));
      ClassFile classFile =
          ClassFile.of(
              ClassFile.ClassHierarchyResolverOption.of(resolver),
              ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
      List<Path> classes;
      try (Stream<Path> all = Files.walk(fs.getPath("/"))) {
        classes = all.filter(p -> p.toString().endsWith(".class")).toList();
      }
      for (Path path : classes) {
        ClassModel model = classFile.parse(Files.readAllBytes(path));
        if (model.majorVersion() >= JAVA_6) {
          continue;
        }
        // Rebuilding every method body makes the library compute its stack maps.
        ClassTransform toJava8 =
            ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                .andThen(
                    (builder, element) -> {
                      if (element instanceof ClassFileVersion) {
                        builder.withVersion(JAVA_8, 0);
                      } else {
                        builder.with(element);
                      }
                    });
        Files.write(path, classFile.transformClass(model, toJava8));
        upgraded++;
      }
    }
    System.out.println("class files upgraded to Java 8 in " + jar + ": " + upgraded);
  }

  private static InputStream open(FileSystem fs, ClassDesc desc) {
    String descriptor = desc.descriptorString();
    Path path = fs.getPath("/" + descriptor.substring(1, descriptor.length() - 1) + ".class");
    try {
      return Files.exists(path) ? Files.newInputStream(path) : null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
