package org.safepassage.petitions.pack;

import java.awt.font.GlyphVector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutFontManager.FontLoadException;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;

/**
 * Draws a name whose letters the main font lacks: each character in the font of its
 * script (Noto Sans Arabic, Hebrew, Thai, Devanagari, shipped in the jar), right-to-left
 * runs placed by the Unicode bidirectional algorithm, and each run in a Noto font shaped
 * by the JDK's text layout (Arabic letters join, Devanagari vowel signs and conjuncts
 * take their places). The glyphs go into the fonts' embedded subsets with ToUnicode
 * entries, so the name can still be searched and copied.
 * <p>
 * Names the main font covers alone and that need no reordering (nearly all of them) take
 * the fast path: {@link #needsScripts} is false and the caller draws them as before. The
 * Noto fonts are loaded on the first name that needs one, so a pack without such names
 * embeds nothing more.
 */
final class ScriptFonts {

	/** The font of each script the main font lacks, in src/main/resources/fonts/. */
	private static final Map<UnicodeScript, String> FILES = new EnumMap<>(Map.of(UnicodeScript.ARABIC,
			"NotoSansArabic-Regular.ttf", UnicodeScript.HEBREW, "NotoSansHebrew-Regular.ttf", UnicodeScript.THAI,
			"NotoSansThai-Regular.ttf", UnicodeScript.DEVANAGARI, "NotoSansDevanagari-Regular.ttf"));

	private final BaseFont main;

	private final GlyphLayoutManager layout = new GlyphLayoutManager().setWriteActualText(true);

	private final Map<UnicodeScript, BaseFont> loaded = new EnumMap<>(UnicodeScript.class);

	ScriptFonts(BaseFont main) {
		this.main = main;
	}

	/**
	 * Whether the name has a character of another script's font, or right-to-left text.
	 */
	boolean needsScripts(String name) {
		for (int i = 0; i < name.length();) {
			int c = name.codePointAt(i);
			if (FILES.containsKey(UnicodeScript.of(c)) || !main.charExists(c)) {
				return true;
			}
			i += Character.charCount(c);
		}
		return Bidi.requiresBidi(name.toCharArray(), 0, name.length());
	}

	/** The width of the text, in points, as {@link #show} draws it. */
	float width(String text, float size) {
		float width = 0;
		for (Segment segment : segments(text)) {
			width += segment.width(size);
		}
		return width;
	}

	/**
	 * Draws the text with its left edge at (x, y), inside the caller's text object; the
	 * caller sets its own font again before drawing anything else.
	 */
	void show(PdfContentByte content, float x, float y, float size, String text) {
		List<Segment> logical = segments(text);
		Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
		Segment[] visual = logical.toArray(Segment[]::new);
		byte[] levels = new byte[visual.length];
		for (int i = 0; i < visual.length; i++) {
			levels[i] = (byte) bidi.getLevelAt(visual[i].start);
		}
		Bidi.reorderVisually(levels, 0, visual, 0, visual.length);
		float at = x;
		for (Segment segment : visual) {
			content.setFontAndSize(segment.font, size);
			content.setTextMatrix(at, y);
			if (segment.font == main) {
				content.showText(segment.text);
			}
			else {
				layout.showText(content, segment.font, size, segment.text);
			}
			at += segment.width(size);
		}
	}

	/**
	 * The text cut where the font or the bidirectional level changes, in logical order.
	 * Spaces, punctuation and combining marks stay in the font of the letters before them
	 * when it has them, so a run of Arabic words is shaped as one.
	 */
	private List<Segment> segments(String text) {
		Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
		List<Segment> segments = new ArrayList<>();
		int start = 0;
		BaseFont current = null;
		int level = -1;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			BaseFont font = fontFor(c, current);
			int at = bidi.getLevelAt(i);
			if (current != null && (font != current || at != level)) {
				segments.add(new Segment(text.substring(start, i), current, start));
				start = i;
			}
			current = font;
			level = at;
			i += Character.charCount(c);
		}
		if (current != null) {
			segments.add(new Segment(text.substring(start), current, start));
		}
		return segments;
	}

	private BaseFont fontFor(int c, BaseFont current) {
		UnicodeScript script = UnicodeScript.of(c);
		String file = FILES.get(script);
		if (file != null) {
			return loaded.computeIfAbsent(script, s -> load(file));
		}
		boolean neutral = script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED;
		if (neutral && current != null && current != main && current.charExists(c)) {
			return current;
		}
		return main;
	}

	private BaseFont load(String file) {
		String path = "/fonts/" + file;
		try (InputStream in = ScriptFonts.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("The pack's font " + path + " is missing from the application");
			}
			return layout.loadFont(file, in, 10).getBaseFont();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontLoadException ex) {
			throw new IllegalStateException("The pack's font " + path + " cannot be read", ex);
		}
	}

	/** Part of a name in one font at one bidirectional level. */
	private final class Segment {

		final String text;

		final BaseFont font;

		final int start;

		Segment(String text, BaseFont font, int start) {
			this.text = text;
			this.font = font;
			this.start = start;
		}

		float width(float size) {
			if (font == main) {
				return main.getWidthPoint(text, size);
			}
			GlyphVector glyphs = layout.computeGlyphVector(font, size, text);
			return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
		}

	}

}
