package org.safepassage.system.sharing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Card images (1200 × 630 PNG, the size Open Graph and Twitter cards show) drawn by the
 * server: the site's name, a title wrapped over up to four lines, one line of figures
 * and, for petitions, a progress bar. Drawn with the font shipped in the jar, so Korean
 * and Chinese titles render on any server. Kept in memory by key, so a page shared widely
 * is drawn once per change of its figures.
 */
@Service
public class CardImages {

	private static final Logger log = LoggerFactory.getLogger(CardImages.class);

	static final int WIDTH = 1200;

	static final int HEIGHT = 630;

	private static final Color BACKGROUND = new Color(0x12, 0x2B, 0x45);

	private static final Color ACCENT = new Color(0xF2, 0xB1, 0x34);

	private static final int MARGIN = 72;

	/**
	 * What a card shows.
	 *
	 * @param site the site's name, top left
	 * @param title the subject, wrapped
	 * @param line one line under the title (a count, a date), or null
	 * @param progress from 0 to 1 for a progress bar, or null for none
	 * @param locale the language of the text, for line breaking
	 */
	public record Card(String site, String title, String line, Double progress, Locale locale) {
	}

	private final Font font;

	private final Cache<String, byte[]> drawn;

	CardImages(SharingProperties properties) {
		this.font = load(properties.cardFont());
		this.drawn = Caffeine.newBuilder().maximumSize(properties.cardImages()).build();
	}

	private static Font load(String resource) {
		try (InputStream in = CardImages.class.getResourceAsStream(resource)) {
			if (in == null) {
				log.warn("No card font at {}: card images fall back to the JVM's sans-serif font, which may lack "
						+ "Korean and Chinese characters", resource);
				return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
			}
			return Font.createFonts(in)[0];
		}
		catch (IOException | FontFormatException ex) {
			throw new IllegalStateException("The card font " + resource + " cannot be read", ex);
		}
	}

	/** Whether the card font has a glyph for every character of {@code text}. */
	boolean canDraw(String text) {
		return this.font.canDisplayUpTo(text) == -1;
	}

	/** The title as the card wraps it, line by line. */
	List<String> titleLines(String title, Locale locale) {
		Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			String text = title.strip();
			List<String> lines = new ArrayList<>();
			int position = 0;
			for (TextLayout layout : wrap(text, this.font.deriveFont(Font.PLAIN, 64f), locale, g.getFontRenderContext(),
					4)) {
				int end = Math.min(text.length(), position + layout.getCharacterCount());
				lines.add(text.substring(position, end));
				position = end;
			}
			return lines;
		}
		finally {
			g.dispose();
		}
	}

	/** The card as PNG; {@code key} must change whenever what the card shows changes. */
	public byte[] png(String key, Card card) {
		return this.drawn.get(key, k -> draw(card));
	}

	private byte[] draw(Card card) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setColor(BACKGROUND);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(ACCENT);
			g.fillRect(0, 0, 16, HEIGHT);
			g.setFont(this.font.deriveFont(Font.PLAIN, 34f));
			g.drawString(card.site(), MARGIN, MARGIN + 20);
			g.setColor(Color.WHITE);
			float y = MARGIN + 110;
			for (TextLayout line : wrap(card.title(), this.font.deriveFont(Font.PLAIN, 64f), card.locale(),
					g.getFontRenderContext(), 4)) {
				y += line.getAscent();
				line.draw(g, MARGIN, y);
				y += line.getDescent() + line.getLeading() + 8;
			}
			if (card.line() != null) {
				g.setColor(ACCENT);
				g.setFont(this.font.deriveFont(Font.PLAIN, 40f));
				g.drawString(card.line(), MARGIN, HEIGHT - MARGIN - ((card.progress() != null) ? 56 : 0));
			}
			if (card.progress() != null) {
				drawProgress(g, Math.max(0, Math.min(1, card.progress())));
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void drawProgress(Graphics2D g, double progress) {
		int width = WIDTH - 2 * MARGIN;
		int top = HEIGHT - MARGIN - 24;
		g.setColor(new Color(0xFF, 0xFF, 0xFF, 0x40));
		g.fill(new RoundRectangle2D.Double(MARGIN, top, width, 24, 24, 24));
		g.setColor(ACCENT);
		g.fill(new RoundRectangle2D.Double(MARGIN, top, Math.max(24, width * progress), 24, 24, 24));
		g.setStroke(new BasicStroke(1));
	}

	/**
	 * The text in lines of the card's width, at most {@code max}, the last cut with "…".
	 */
	private static List<TextLayout> wrap(String text, Font font, Locale locale, FontRenderContext frc, int max) {
		List<TextLayout> lines = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return lines;
		}
		AttributedString attributed = new AttributedString(text.strip());
		attributed.addAttribute(TextAttribute.FONT, font);
		// Korean breaks lines between words, as Chinese need not: the line iterator would
		// split
		// 난민으로 after any syllable, so Korean wraps at word boundaries instead.
		BreakIterator breaks = "ko".equals(locale.getLanguage()) ? BreakIterator.getWordInstance(locale)
				: BreakIterator.getLineInstance(locale);
		LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), breaks, frc);
		float width = WIDTH - 2 * MARGIN;
		while (measurer.getPosition() < text.strip().length() && lines.size() < max) {
			int start = measurer.getPosition();
			TextLayout line = measurer.nextLayout(width);
			if (lines.size() == max - 1 && measurer.getPosition() < text.strip().length()) {
				String rest = text.strip().substring(start);
				line = lastLine(rest, font, frc, width);
			}
			lines.add(line);
		}
		return lines;
	}

	private static TextLayout lastLine(String rest, Font font, FontRenderContext frc, float width) {
		for (int end = rest.length(); end > 1; end--) {
			TextLayout candidate = new TextLayout(rest.substring(0, end).stripTrailing() + "…", font, frc);
			if (candidate.getAdvance() <= width) {
				return candidate;
			}
		}
		return new TextLayout("…", font, frc);
	}

}
