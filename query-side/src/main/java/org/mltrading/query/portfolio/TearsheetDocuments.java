package org.mltrading.query.portfolio;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/**
 * A tearsheet as files: CSV (the equity curve with each period's return and drawdown, figures as leading
 * comment lines) and PDF (figures, attribution and the equity curve drawn as a line, OpenPDF).
 */
final class TearsheetDocuments {

    private TearsheetDocuments() {
    }

    static String csv(TearsheetService.Report report, String currency) {
        Tearsheet.Figures figures = report.figures();
        StringBuilder csv = new StringBuilder();
        for (String[] line : summary(report, currency)) {
            csv.append("# ").append(line[0]).append(": ").append(line[1]).append('\n');
        }
        csv.append("time,equity,cash,return,drawdown\n");
        double peak = Double.NEGATIVE_INFINITY;
        Tearsheet.Point previous = null;
        for (Tearsheet.Point point : figures.curve()) {
            peak = Math.max(peak, point.equity());
            String periodReturn = previous == null || previous.equity() <= 0 ? ""
                    : number(point.equity() / previous.equity() - 1, 8);
            csv.append(point.time()).append(',').append(number(point.equity(), 2)).append(',')
                    .append(number(point.cash(), 2)).append(',').append(periodReturn).append(',')
                    .append(number(peak > 0 ? (peak - point.equity()) / peak : 0, 8)).append('\n');
            previous = point;
        }
        return csv.toString();
    }

    static byte[] pdf(TearsheetService.Report report, String currency) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
            document.add(new Paragraph("Tearsheet: account " + report.accountId(), title));
            document.add(new Paragraph(report.from() + " to " + report.to() + ", marked on " + report.interval()
                    + " closes", body));
            document.add(new Paragraph(" ", body));
            PdfPTable figures = new PdfPTable(2);
            figures.setWidthPercentage(60);
            figures.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (String[] line : summary(report, currency)) {
                figures.addCell(new Paragraph(line[0], bold));
                figures.addCell(new Paragraph(line[1], body));
            }
            document.add(figures);
            document.add(new Paragraph(" ", body));
            drawCurve(writer.getDirectContent(), report.figures().curve(), document.left(), 330, document.right() - document.left(), 180);
            document.add(new Paragraph("Equity curve", bold));
            for (int i = 0; i < 15; i++) {
                document.add(new Paragraph(" ", body)); // room for the chart drawn above
            }
            document.add(new Paragraph("P&L attribution by instrument (" + currency + ")", bold));
            PdfPTable attribution = new PdfPTable(4);
            attribution.setWidthPercentage(80);
            attribution.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (String header : new String[] {"Instrument", "P&L", "Fees", "Share of P&L"}) {
                attribution.addCell(new Paragraph(header, bold));
            }
            for (Tearsheet.Attribution line : report.figures().attribution()) {
                attribution.addCell(new Paragraph(line.symbol(), body));
                attribution.addCell(new Paragraph(number(line.pnl(), 2), body));
                attribution.addCell(new Paragraph(number(line.fees(), 2), body));
                attribution.addCell(new Paragraph(percent(line.share()), body));
            }
            document.add(attribution);
        } catch (DocumentException e) {
            throw new IllegalStateException("tearsheet PDF not written: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void drawCurve(PdfContentByte canvas, List<Tearsheet.Point> curve, float x, float y, float width, float height) {
        double min = curve.stream().mapToDouble(Tearsheet.Point::equity).min().orElse(0);
        double max = curve.stream().mapToDouble(Tearsheet.Point::equity).max().orElse(1);
        double range = max - min == 0 ? 1 : max - min;
        canvas.saveState();
        canvas.setColorStroke(Color.LIGHT_GRAY);
        canvas.rectangle(x, y, width, height);
        canvas.stroke();
        canvas.setColorStroke(new Color(0x1f, 0x6f, 0xd0));
        canvas.setLineWidth(1f);
        for (int i = 0; i < curve.size(); i++) {
            float px = x + width * i / Math.max(1, curve.size() - 1);
            float py = (float) (y + height * (curve.get(i).equity() - min) / range);
            if (i == 0) {
                canvas.moveTo(px, py);
            } else {
                canvas.lineTo(px, py);
            }
        }
        canvas.stroke();
        canvas.beginText();
        canvas.setFontAndSize(FontFactory.getFont(FontFactory.HELVETICA).getBaseFont(), 7);
        canvas.setColorFill(Color.DARK_GRAY);
        canvas.showTextAligned(Element.ALIGN_LEFT, number(max, 2), x + 2, y + height - 9, 0);
        canvas.showTextAligned(Element.ALIGN_LEFT, number(min, 2), x + 2, y + 2, 0);
        canvas.endText();
        canvas.restoreState();
    }

    static List<String[]> summary(TearsheetService.Report report, String currency) {
        Tearsheet.Figures f = report.figures();
        List<Tearsheet.Point> curve = f.curve();
        return List.of(
                new String[] {"Account", report.accountId()},
                new String[] {"Window", report.from() + " to " + report.to()},
                new String[] {"Marked on", report.interval() + " closes (" + curve.size() + " points)"},
                new String[] {"Start equity", number(curve.get(0).equity(), 2) + " " + currency},
                new String[] {"End equity", number(curve.get(curve.size() - 1).equity(), 2) + " " + currency},
                new String[] {"Total return", percent(f.totalReturn())},
                new String[] {"Annualised return", f.annualisedReturn() == null ? "n/a" : percent(f.annualisedReturn())},
                new String[] {"Volatility (annualised)", f.volatility() == null ? "n/a" : percent(f.volatility())},
                new String[] {"Sharpe ratio", f.sharpeRatio() == null ? "n/a" : number(f.sharpeRatio(), 2)},
                new String[] {"Sortino ratio", f.sortinoRatio() == null ? "n/a" : number(f.sortinoRatio(), 2)},
                new String[] {"Max drawdown", percent(f.maxDrawdown())},
                new String[] {"Turnover", number(f.turnover(), 4) + " x average equity"},
                new String[] {"Fills", Integer.toString(f.fills())});
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }
}
