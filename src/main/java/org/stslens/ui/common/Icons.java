package org.stslens.ui.common;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.report.StageStatus;

/**
 * The icons of the application, from the Material Design 2 pack of Ikonli. Each call returns a new
 * node (a node has one parent). Colours come from the style classes in stslens.css, so light and
 * dark themes both work.
 */
public final class Icons {

  private Icons() {}

  /** The icon of a stage status: pending, running, pass, warn, fail, skipped, not applied. */
  public static FontIcon status(StageStatus status) {
    FontIcon icon =
        switch (status) {
          case PENDING -> new FontIcon(MaterialDesignC.CIRCLE_OUTLINE);
          case RUNNING -> new FontIcon(MaterialDesignP.PROGRESS_CLOCK);
          case PASS -> new FontIcon(MaterialDesignC.CHECK_CIRCLE);
          case WARN -> new FontIcon(MaterialDesignA.ALERT);
          case FAIL -> new FontIcon(MaterialDesignC.CLOSE_CIRCLE);
          case SKIPPED -> new FontIcon(MaterialDesignM.MINUS_CIRCLE_OUTLINE);
          case NOT_APPLIED -> new FontIcon(MaterialDesignS.SHIELD_OFF_OUTLINE);
        };
    icon.getStyleClass().addAll("status-icon", "status-" + status.word());
    return icon;
  }

  /** The icon of a finding's severity. */
  public static FontIcon severity(Severity severity) {
    FontIcon icon =
        switch (severity) {
          case ERROR -> new FontIcon(MaterialDesignC.CLOSE_OCTAGON);
          case WARNING -> new FontIcon(MaterialDesignA.ALERT);
          case INFO -> new FontIcon(MaterialDesignI.INFORMATION_OUTLINE);
        };
    icon.getStyleClass().addAll("severity-icon", "severity-" + severity.word());
    return icon;
  }

  public static FontIcon copy() {
    return new FontIcon(MaterialDesignC.CONTENT_COPY);
  }

  public static FontIcon save() {
    return new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE);
  }

  public static FontIcon certificate() {
    return new FontIcon(MaterialDesignC.CERTIFICATE_OUTLINE);
  }

  public static FontIcon settings() {
    return new FontIcon(MaterialDesignC.COG_OUTLINE);
  }

  public static FontIcon learn() {
    return new FontIcon(MaterialDesignS.SCHOOL_OUTLINE);
  }

  public static FontIcon lab() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FLASK_OUTLINE);
  }

  public static FontIcon play() {
    return new FontIcon(MaterialDesignP.PLAY);
  }

  public static FontIcon stop() {
    return new FontIcon(MaterialDesignS.STOP);
  }

  public static FontIcon next() {
    return new FontIcon(MaterialDesignS.SKIP_NEXT);
  }

  public static FontIcon editor() {
    return new FontIcon(MaterialDesignP.PENCIL_OUTLINE);
  }

  public static FontIcon open() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FOLDER_OPEN_OUTLINE);
  }

  public static FontIcon undo() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignU.UNDO);
  }

  public static FontIcon redo() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignR.REDO);
  }

  public static FontIcon fix() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignW.WRENCH_OUTLINE);
  }

  public static FontIcon newDraft() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FILE_DOCUMENT_OUTLINE);
  }

  public static FontIcon delete() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignD.DELETE_OUTLINE);
  }

  public static FontIcon walkthrough() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FORMAT_LIST_CHECKS);
  }

  public static FontIcon export() {
    return new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignE.EXPORT_VARIANT);
  }
}
