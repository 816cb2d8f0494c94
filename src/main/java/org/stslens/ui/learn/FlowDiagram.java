package org.stslens.ui.learn;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * Who talks to whom when a server sends mail to a domain with MTA-STS: the sending server on the
 * left, the receiving domain's DNS, policy host, MX host and TLS-RPT address on the right, one
 * numbered arrow per conversation. Drawn with shapes and laid out by the pane itself, so it follows
 * the width it is given (at least {@value #MIN_WIDTH} pixels) and both themes.
 */
public final class FlowDiagram extends Pane {

  /** The narrowest width at which every label still fits. */
  public static final double MIN_WIDTH = 640;

  private static final double PREF_WIDTH = 920;
  private static final double ROW_GAP = 18;
  private static final double GROUP_PAD = 10;
  private static final double LABEL_GAP = 6;
  private static final double ARROW_INSET = 12;
  private static final double HEAD_LENGTH = 10;
  private static final double HEAD_HALF_WIDTH = 5;
  private static final double BADGE_SIZE = 20;
  private static final double BADGE_GAP = 8;
  private static final double BADGE_INDENT = BADGE_SIZE + BADGE_GAP;

  private final Participant sender;
  private final Label senderCaption = caption();
  private final Label groupCaption = caption();
  private final Rectangle group = new Rectangle();
  private final List<Row> rows;
  private String domain;

  /** A diagram about example.com. */
  public FlowDiagram() {
    this(LearnContent.EXAMPLE_DOMAIN);
  }

  /** A diagram about {@code domain}, the receiving domain. */
  public FlowDiagram(String domain) {
    getStyleClass().add("flow-diagram");
    getStylesheets().add(FlowDiagram.class.getResource("learn.css").toExternalForm());
    setPadding(new Insets(16));
    group.getStyleClass().add("flow-group");
    group.setArcWidth(16);
    group.setArcHeight(16);
    group.setManaged(false);

    sender = new Participant(MaterialDesignE.EMAIL_FAST_OUTLINE, "Sending mail server");
    sender.getStyleClass().add("flow-sender");
    sender.title.setContentDisplay(ContentDisplay.TOP);
    rows =
        List.of(
            new Row(new Participant(MaterialDesignD.DNS, "DNS"), "1", false),
            new Row(new Participant(MaterialDesignW.WEB, "Policy host"), "2", false),
            new Row(new Participant(MaterialDesignM.MAILBOX_OUTLINE, "MX host"), "3", false),
            new Row(
                new Participant(MaterialDesignC.CHART_BOX_OUTLINE, "TLS-RPT report address"),
                "5",
                true));
    rows.get(2).below.setGraphic(badge("4"));
    rows.get(2).below.setPadding(Insets.EMPTY);
    rows.get(2).below.getStyleClass().remove("flow-detail");
    rows.get(2).below.getStyleClass().add("flow-step");

    getChildren().addAll(group, groupCaption, senderCaption, sender);
    for (Row row : rows) {
      getChildren().addAll(row.line, row.head, row.above, row.below, row.target);
    }
    setDomain(domain);
  }

  /** Shows {@code domain} as the receiving domain in every label. */
  public void setDomain(String domain) {
    this.domain = Objects.requireNonNull(domain, "domain");
    senderCaption.setText("The sender enforces the policy on its outbound delivery");
    groupCaption.setText("Published by " + domain + " to protect its inbound mail");
    sender.subtitle.setText("delivering a message to someone@" + domain);
    rows.get(0).target.subtitle.setText("zone of " + domain);
    rows.get(0).above.setText("TXT _mta-sts." + domain + " and MX " + domain);
    rows.get(0).below.setText("DNS query, port 53");
    rows.get(1).target.subtitle.setText("mta-sts." + domain);
    rows.get(1).above.setText("GET /.well-known/mta-sts.txt");
    rows.get(1).below.setText("HTTPS, port 443, certificate for mta-sts." + domain);
    rows.get(2).target.subtitle.setText("each MX of " + domain);
    rows.get(2).above.setText("Does the MX host match an mx: pattern of the policy?");
    rows.get(2).below.setText("SMTP port 25, STARTTLS: verify its certificate");
    rows.get(3).target.subtitle.setText("rua= of _smtp._tls." + domain);
    rows.get(3).above.setText("Optional: a daily report of TLS successes and failures");
    rows.get(3).below.setText("by e-mail or HTTPS POST");
    requestLayout();
  }

  /** The receiving domain shown. */
  public String getDomain() {
    return domain;
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  @Override
  protected double computeMinWidth(double height) {
    return MIN_WIDTH;
  }

  @Override
  protected double computePrefWidth(double height) {
    return PREF_WIDTH;
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected double computePrefHeight(double width) {
    return geometry(width < 0 ? PREF_WIDTH : Math.max(width, MIN_WIDTH)).height;
  }

  @Override
  protected void layoutChildren() {
    Geometry g = geometry(Math.max(getWidth(), MIN_WIDTH));
    Insets in = getInsets();
    double left = in.getLeft();
    double top = in.getTop();

    senderCaption.resizeRelocate(left, top + GROUP_PAD, g.senderCaptionW, g.captionH);
    group.setX(g.groupX);
    group.setY(top);
    group.setWidth(g.groupW);
    group.setHeight(g.rowsBottom + GROUP_PAD - top);
    groupCaption.resizeRelocate(g.groupX + GROUP_PAD, top + GROUP_PAD, g.targetW, g.captionH);
    sender.resizeRelocate(left, g.rowsTop, g.senderW, g.rowsBottom - g.rowsTop);

    double x1 = left + g.senderW;
    double x2 = g.groupX + GROUP_PAD;
    double y = g.rowsTop;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double h = g.rowHeights[i];
      double mid = snapPositionY(y + h / 2);
      row.target.resizeRelocate(x2, y, g.targetW, h);
      row.line.setStartX(x1 + 1);
      row.line.setStartY(mid);
      row.line.setEndX(x2 - HEAD_LENGTH);
      row.line.setEndY(mid);
      row.head
          .getPoints()
          .setAll(
              x2 - HEAD_LENGTH,
              mid - HEAD_HALF_WIDTH,
              x2 - 1,
              mid,
              x2 - HEAD_LENGTH,
              mid + HEAD_HALF_WIDTH);
      double aboveH = row.above.prefHeight(g.labelW);
      double belowH = row.below.prefHeight(g.labelW);
      row.above.resizeRelocate(x1 + ARROW_INSET, mid - LABEL_GAP - aboveH, g.labelW, aboveH);
      row.below.resizeRelocate(x1 + ARROW_INSET, mid + LABEL_GAP, g.labelW, belowH);
      y += h + ROW_GAP;
    }
  }

  /** Where everything goes at a given total width. */
  private Geometry geometry(double width) {
    Insets in = getInsets();
    double inner = width - in.getLeft() - in.getRight();
    Geometry g = new Geometry();
    g.senderW = clamp(inner * 0.2, 150, 200);
    g.targetW = clamp(inner * 0.28, 190, 260);
    g.groupW = g.targetW + 2 * GROUP_PAD;
    g.groupX = in.getLeft() + inner - g.groupW;
    g.labelW = Math.max(80, g.groupX + GROUP_PAD - (in.getLeft() + g.senderW) - 2 * ARROW_INSET);
    g.senderCaptionW = g.groupX - in.getLeft() - 2 * ARROW_INSET;
    g.captionH =
        Math.max(senderCaption.prefHeight(g.senderCaptionW), groupCaption.prefHeight(g.targetW));
    g.rowsTop = in.getTop() + GROUP_PAD + g.captionH + 10;
    g.rowHeights = new double[rows.size()];
    double y = g.rowsTop;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double labels =
          2 * (Math.max(row.above.prefHeight(g.labelW), row.below.prefHeight(g.labelW)))
              + 2 * LABEL_GAP;
      g.rowHeights[i] = Math.max(row.target.prefHeight(g.targetW), labels);
      y += g.rowHeights[i] + (i < rows.size() - 1 ? ROW_GAP : 0);
    }
    g.rowsTop = snapPositionY(g.rowsTop);
    g.rowsBottom = y;
    double senderMin = sender.minHeight(g.senderW);
    if (g.rowsBottom - g.rowsTop < senderMin) {
      g.rowsBottom = g.rowsTop + senderMin;
    }
    g.height = g.rowsBottom + GROUP_PAD + in.getBottom();
    return g;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  private static Label caption() {
    Label label = new Label();
    label.getStyleClass().add("flow-caption");
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }

  private static StackPane badge(String number) {
    Circle circle = new Circle(BADGE_SIZE / 2);
    circle.getStyleClass().add("flow-badge-circle");
    Label text = new Label(number);
    text.getStyleClass().add("flow-badge-text");
    StackPane badge = new StackPane(circle, text);
    badge.getStyleClass().add("flow-badge");
    badge.setMinSize(BADGE_SIZE, BADGE_SIZE);
    return badge;
  }

  /** The computed positions; plain fields, rebuilt on each layout. */
  private static final class Geometry {
    double senderW;
    double targetW;
    double groupW;
    double groupX;
    double labelW;
    double senderCaptionW;
    double captionH;
    double rowsTop;
    double rowsBottom;
    double[] rowHeights;
    double height;
  }

  /** A box: an icon, a name and one line that says which host it is. */
  static final class Participant extends VBox {
    final Label title;
    final Label subtitle = new Label();

    Participant(Ikon icon, String name) {
      getStyleClass().add("flow-participant");
      FontIcon graphic = new FontIcon(icon);
      graphic.getStyleClass().add("flow-icon");
      title = new Label(name, graphic);
      title.getStyleClass().add("flow-participant-title");
      title.setWrapText(true);
      subtitle.getStyleClass().add("flow-participant-subtitle");
      subtitle.setWrapText(true);
      setSpacing(2);
      setFillWidth(true);
      getChildren().addAll(title, subtitle);
    }
  }

  /** One conversation: an arrow from the sender to a participant, with two labels. */
  private static final class Row {
    final Participant target;
    final Line line = new Line();
    final Polygon head = new Polygon();
    final Label above = new Label();
    final Label below = new Label();

    Row(Participant target, String step, boolean optional) {
      this.target = target;
      line.getStyleClass().add("flow-arrow");
      head.getStyleClass().add("flow-arrow-head");
      if (optional) {
        line.getStyleClass().add("flow-arrow-optional");
      }
      line.setManaged(false);
      head.setManaged(false);
      above.setGraphic(badge(step));
      above.getStyleClass().add("flow-step");
      below.getStyleClass().add("flow-detail");
      below.setPadding(new Insets(0, 0, 0, BADGE_INDENT));
      for (Label label : List.of(above, below)) {
        label.setWrapText(true);
        label.setGraphicTextGap(BADGE_GAP);
      }
    }
  }
}
