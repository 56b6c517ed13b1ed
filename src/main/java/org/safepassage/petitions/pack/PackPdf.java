package org.safepassage.petitions.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The pack's PDF, written as the rows come: a cover, then the list, about sixty names a
 * page, each page sent to the output stream once full (OpenPDF keeps only the fonts' used
 * glyphs and the page offsets). Text is drawn in WenQuanYi Micro Hei, embedded as a
 * subset with a ToUnicode map, so Latin, Cyrillic, Hangul and Chinese names print and can
 * be searched and copied; names with Arabic, Hebrew, Thai or Devanagari letters are drawn
 * by {@link ScriptFonts}, in the Noto font of each script.
 * <p>
 * A few lines over the ~300 a class should have: the cover and the list share the page
 * geometry, fonts and the page-number footer, which splitting would pass between classes.
 */
final class PackPdf {

	static final String FONT = "/fonts/wqy-microhei.ttc";

	private static final float MARGIN = 40;

	private static final float SIZE = 9;

	private static final float LEADING = 12.5f;

	private static final float NUMBER_X = MARGIN;

	private static final float NAME_X = MARGIN + 52;

	private static final float NAME_WIDTH = 310;

	private static final float COUNTRY_X = NAME_X + NAME_WIDTH + 12;

	private static final float DATE_X = COUNTRY_X + 60;

	private final Document document;

	private final PdfWriter writer;

	private final BaseFont font;

	private final ScriptFonts scripts;

	private final BiFunction<String, Object[], String> text;

	private final Rectangle page = PageSize.A4;

	private PdfContentByte content;

	private float y;

	private long number;

	/** What the cover says. */
	record Cover(String title, List<String> demands, String target, String period, long signatures,
			Map<String, Long> byCountry, Map<String, String> countryNames, String digest, String verifyAt,
			String generatedAt) {
	}

	/**
	 * @param text a message by key and arguments, in the pack's language
	 */
	PackPdf(OutputStream out, Cover cover, BiFunction<String, Object[], String> text) {
		this.text = text;
		this.font = loadFont();
		this.scripts = new ScriptFonts(font);
		this.document = new Document(page, MARGIN, MARGIN, MARGIN, MARGIN + 20);
		this.writer = PdfWriter.getInstance(document, out);
		writer.setFullCompression();
		writer.setPageEvent(new Footer(font, cover.title(), cover.digest(), text));
		document.addTitle(cover.title());
		document.addCreator("SafePassage");
		document.open();
		writeCover(cover);
		document.newPage();
		startListPage();
	}

	private static BaseFont loadFont() {
		try (InputStream in = PackPdf.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IllegalStateException("The pack's font " + FONT + " is missing from the application");
			}
			return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
					in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String message(String key, Object... args) {
		return text.apply(key, args);
	}

	private void writeCover(Cover cover) {
		Font title = new Font(font, 18);
		Font heading = new Font(font, 12);
		Font body = new Font(font, 10);
		Font small = new Font(font, 8);
		document.add(paragraph(cover.title(), title, 12));
		document.add(paragraph(message("pack.pdf.to", cover.target()), body, 10));
		document.add(paragraph(message("pack.pdf.demands"), heading, 4));
		int n = 1;
		for (String demand : cover.demands()) {
			document.add(paragraph(n++ + ". " + demand, body, 2));
		}
		Paragraph period = paragraph(message("pack.pdf.period", cover.period()), body, 10);
		period.setSpacingBefore(8);
		document.add(period);
		document.add(paragraph(message("pack.pdf.total", cover.signatures()), heading, 10));
		document.add(paragraph(message("pack.pdf.digest"), body, 2));
		document.add(paragraph(cover.digest(), heading, 4));
		document.add(paragraph(message("pack.pdf.howToCheck", cover.verifyAt()), small, 10));
		document.add(paragraph(message("pack.pdf.byCountry"), heading, 4));
		PdfPTable table = new PdfPTable(new float[] { 5, 1, 2 });
		table.setWidthPercentage(70);
		table.setHorizontalAlignment(Element.ALIGN_LEFT);
		for (Map.Entry<String, Long> entry : byCountryLargestFirst(cover.byCountry())) {
			table.addCell(
					cell(cover.countryNames().getOrDefault(entry.getKey(), entry.getKey()), body, Element.ALIGN_LEFT));
			table.addCell(cell(entry.getKey(), body, Element.ALIGN_LEFT));
			table.addCell(cell(String.format("%,d", entry.getValue()), body, Element.ALIGN_RIGHT));
		}
		document.add(table);
		document.add(paragraph(message("pack.pdf.generated", cover.generatedAt()), small, 10));
	}

	private static List<Map.Entry<String, Long>> byCountryLargestFirst(Map<String, Long> byCountry) {
		List<Map.Entry<String, Long>> entries = new ArrayList<>(byCountry.entrySet());
		entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		return entries;
	}

	private static Paragraph paragraph(String value, Font font, float after) {
		Paragraph paragraph = new Paragraph(value, font);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	private static PdfPCell cell(String value, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(value, font));
		cell.setHorizontalAlignment(alignment);
		cell.setBorderWidth(0.3f);
		cell.setPadding(3);
		return cell;
	}

	private void startListPage() {
		content = writer.getDirectContent();
		y = page.getHeight() - MARGIN;
		content.beginText();
		content.setFontAndSize(font, SIZE);
		show(NUMBER_X, y, message("pack.pdf.column.number"));
		show(NAME_X, y, message("pack.pdf.column.name"));
		show(COUNTRY_X, y, message("pack.pdf.column.country"));
		show(DATE_X, y, message("pack.pdf.column.signedOn"));
		content.endText();
		content.setLineWidth(0.4f);
		content.moveTo(MARGIN, y - 4);
		content.lineTo(page.getWidth() - MARGIN, y - 4);
		content.stroke();
		y -= LEADING + 4;
		content.beginText();
		content.setFontAndSize(font, SIZE);
	}

	void write(PackRow row) {
		List<String> lines = wrap(row.name());
		if (y - (lines.size() - 1) * LEADING < MARGIN + 20) {
			content.endText();
			document.newPage();
			startListPage();
		}
		number++;
		show(NUMBER_X, y, Long.toString(number));
		show(COUNTRY_X, y, row.country());
		show(DATE_X, y, row.signedOn().toString());
		boolean otherScripts = scripts.needsScripts(row.name());
		for (String line : lines) {
			if (otherScripts) {
				scripts.show(content, NAME_X, y, SIZE, line);
				content.setFontAndSize(font, SIZE);
			}
			else {
				show(NAME_X, y, line);
			}
			y -= LEADING;
		}
	}

	/** Lines of a name that fit its column, broken at spaces where possible. */
	private List<String> wrap(String name) {
		ToDoubleFunction<String> width = scripts.needsScripts(name) ? text -> scripts.width(text, SIZE)
				: text -> font.getWidthPoint(text, SIZE);
		if (width.applyAsDouble(name) <= NAME_WIDTH) {
			return List.of(name);
		}
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		int lastSpace = -1;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			line.append(c);
			if (c == ' ') {
				lastSpace = line.length();
			}
			boolean splitsPair = Character.isHighSurrogate(c) && i + 1 < name.length();
			if (!splitsPair && width.applyAsDouble(line.toString()) > NAME_WIDTH && line.length() > 1) {
				String carried;
				if (lastSpace > 0 && lastSpace < line.length()) {
					carried = line.substring(lastSpace);
					line.setLength(lastSpace);
				}
				else {
					int cut = line.length() - (Character.isLowSurrogate(c) ? 2 : 1);
					carried = line.substring(cut);
					line.setLength(cut);
				}
				lines.add(line.toString());
				line = new StringBuilder(carried);
				lastSpace = -1;
			}
		}
		lines.add(line.toString());
		return lines;
	}

	private void show(float x, float atY, String value) {
		content.setTextMatrix(x, atY);
		content.showText(value);
	}

	/** Ends the list and the document, writing the last pages and the fonts. */
	void finish() {
		content.endText();
		document.close();
	}

	/**
	 * "Page N of M" and the digest at the foot of every page; M is filled in at the end.
	 */
	private static final class Footer extends PdfPageEventHelper {

		private final BaseFont font;

		private final String title;

		private final String digest;

		private final BiFunction<String, Object[], String> text;

		private PdfTemplate total;

		Footer(BaseFont font, String title, String digest, BiFunction<String, Object[], String> text) {
			this.font = font;
			this.title = title;
			this.digest = digest;
			this.text = text;
		}

		@Override
		public void onOpenDocument(PdfWriter writer, Document document) {
			total = writer.getDirectContent().createTemplate(60, 12);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte cb = writer.getDirectContent();
			String prefix = text.apply("pack.pdf.page", new Object[] { String.valueOf(writer.getPageNumber()) });
			float y = MARGIN - 8;
			cb.beginText();
			cb.setFontAndSize(font, 7);
			cb.setTextMatrix(MARGIN, y);
			cb.showText(abbreviate(title) + "  ·  SHA-256 " + digest.substring(0, 16) + "…");
			float width = font.getWidthPoint(prefix, 7);
			float x = document.getPageSize().getWidth() - MARGIN - 60;
			cb.setTextMatrix(x - width, y);
			cb.showText(prefix);
			cb.endText();
			cb.addTemplate(total, x + 2, y);
		}

		@Override
		public void onCloseDocument(PdfWriter writer, Document document) {
			total.beginText();
			total.setFontAndSize(font, 7);
			total.setTextMatrix(0, 0);
			total.showText(String.valueOf(writer.getPageNumber() - 1));
			total.endText();
		}

		private static String abbreviate(String value) {
			return value.length() > 70 ? value.substring(0, 69) + "…" : value;
		}

	}

}
