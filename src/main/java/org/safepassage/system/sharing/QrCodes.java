package org.safepassage.system.sharing;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes as SVG, for posters and leaflets: black modules on white with the quiet zone
 * the standard asks for, crisp at any print size.
 */
final class QrCodes {

	private static final int BORDER = 4;

	private QrCodes() {
	}

	static String svg(String text, String title) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int size = qr.size + 2 * BORDER;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
				}
			}
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" \
				aria-labelledby="t" shape-rendering="crispEdges"><title id="t">%s</title>\
				<rect width="100%%" height="100%%" fill="#fff"/><path d="%s" fill="#000"/></svg>
				""".formatted(size, size, size * 8, size * 8, escape(title), path);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
