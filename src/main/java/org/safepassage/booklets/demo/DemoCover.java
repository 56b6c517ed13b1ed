package org.safepassage.booklets.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo booklet's cover, drawn here rather than shipped: a night sky turning to dawn
 * over a line of hills, a path climbing towards the light, and the title. Nothing comes
 * from outside the code.
 */
final class DemoCover {

	static final int WIDTH = 600;

	static final int HEIGHT = 850;

	private DemoCover() {
	}

	static BufferedImage draw(String title, String subtitle) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setPaint(new GradientPaint(0, 0, new Color(0x14, 0x1f, 0x3d), 0, 560, new Color(0xe8, 0x9f, 0x5c)));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(new Color(255, 236, 190));
			g.fill(new Ellipse2D.Double(WIDTH / 2.0 - 70, 470, 140, 140));
			g.setColor(new Color(0x2d, 0x3a, 0x2e));
			g.fill(hills(540, 60));
			g.setColor(new Color(0x1e, 0x29, 0x21));
			g.fill(hills(600, 40));
			g.setColor(new Color(255, 236, 190, 200));
			g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			Path2D path = new Path2D.Double();
			path.moveTo(WIDTH / 2.0 - 120, HEIGHT);
			path.curveTo(WIDTH / 2.0 + 80, 760, WIDTH / 2.0 - 60, 680, WIDTH / 2.0, 600);
			g.draw(path);
			g.setColor(Color.WHITE);
			for (int i = 0; i < 40; i++) {
				int x = (i * 137) % WIDTH;
				int y = (i * 71) % 300 + 20;
				g.fillOval(x, y, 3, 3);
			}
			g.setFont(new Font(Font.SERIF, Font.BOLD, 44));
			int y = 110;
			for (String line : wrap(g, title, WIDTH - 80)) {
				g.drawString(line, 40, y);
				y += 54;
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
			for (String line : wrap(g, subtitle, WIDTH - 80)) {
				y += 8;
				g.drawString(line, 40, y + 10);
				y += 26;
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static Path2D hills(int base, int height) {
		Path2D hills = new Path2D.Double();
		hills.moveTo(0, HEIGHT);
		hills.lineTo(0, base);
		for (int x = 0; x <= WIDTH; x += 50) {
			hills.lineTo(x, base - height * Math.abs(Math.sin(x / 90.0)));
		}
		hills.lineTo(WIDTH, HEIGHT);
		hills.closePath();
		return hills;
	}

	private static List<String> wrap(Graphics2D g, String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (g.getFontMetrics().stringWidth(candidate) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

}
