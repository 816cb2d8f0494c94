package org.stslens.workbench.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a publishing kit to a folder: {@code mta-sts.txt} (the exact bytes), {@code
 * txt-record.txt}, one file per snippet, {@code CHECKLIST.md}, the withdrawal plan ({@code
 * WITHDRAW.md} with {@code withdraw-mta-sts.txt}) and, when the user made them, the DANE TLSA
 * records ({@code tlsa-records.txt}). It never overwrites: when any of these names already exists
 * in the chosen folder, the kit goes to a new subfolder {@code mta-sts-kit-<id>} (then {@code -2},
 * {@code -3}...), and every file is created with CREATE_NEW so that a file appearing meanwhile
 * fails the export instead of being replaced.
 */
public final class KitExporter {

  public static final String POLICY_FILE = "mta-sts.txt";
  public static final String TXT_RECORD_FILE = "txt-record.txt";
  public static final String CHECKLIST_FILE = "CHECKLIST.md";

  /** The withdrawal plan: its steps, dated, with the mode none file and TXT record. */
  public static final String WITHDRAW_FILE = "WITHDRAW.md";

  /** The mode none policy of the withdrawal plan, to serve as mta-sts.txt when withdrawing. */
  public static final String WITHDRAW_POLICY_FILE = "withdraw-mta-sts.txt";

  /**
   * Writes {@code kit} into {@code folder} (created if missing) or into a new subfolder of it.
   *
   * @return the folder the files were written to
   * @throws FileAlreadyExistsException when a file appeared while writing (nothing is replaced)
   * @throws IOException when the folder cannot be created or written
   */
  public Path export(PublishingKit kit, Path folder) throws IOException {
    Map<String, byte[]> files = files(kit);
    Files.createDirectories(folder);
    Path target = folder;
    if (files.keySet().stream().anyMatch(name -> Files.exists(folder.resolve(name)))) {
      target = freeSubfolder(folder, "mta-sts-kit-" + kit.id().value());
    }
    Files.createDirectories(target);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(target.resolve(file.getKey()), file.getValue(), StandardOpenOption.CREATE_NEW);
    }
    return target;
  }

  /** The files of the kit by name, in the order they are written. */
  public static Map<String, byte[]> files(PublishingKit kit) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(POLICY_FILE, kit.fileBytes());
    files.put(TXT_RECORD_FILE, utf8(txtRecord(kit)));
    for (Snippet snippet : kit.snippets()) {
      files.put(snippet.fileName(), utf8(snippet.text()));
    }
    files.put(CHECKLIST_FILE, utf8(kit.checklist().toMarkdown()));
    files.put(WITHDRAW_FILE, utf8(kit.withdrawal().toMarkdown()));
    files.put(WITHDRAW_POLICY_FILE, kit.withdrawal().fileBytes());
    kit.tlsa().ifPresent(t -> files.put(DaneTlsaRecords.FILE_NAME, utf8(t.fileText())));
    return files;
  }

  private static String txtRecord(PublishingKit kit) {
    return "name:  "
        + kit.txtName()
        + "\ntype:  TXT\nvalue: "
        + kit.txtValue()
        + "\n\nPublish it only after "
        + kit.policyUrl()
        + " serves the new mta-sts.txt (RFC 8461 §8.1).\n";
  }

  private static Path freeSubfolder(Path folder, String name) {
    Path candidate = folder.resolve(name);
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = folder.resolve(name + "-" + n);
    }
    return candidate;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
