package org.safepassage.alerts.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of an alert mail as quoted-printable text with gaps for each subscriber's name
 * and links. Each constant piece is encoded once and closed with a soft line break, so
 * each gap's value starts at column 0 and lines never pass 76.
 */
record QuotedPrintableTemplate(List<byte[]> pieces, List<Integer> gaps, int size) {

	/**
	 * The gaps are where the rendered content has the name, preferences and unsubscribe
	 * markers.
	 */
	static QuotedPrintableTemplate of(String content, AlertMails.Rendered markers) {
		List<String> names = List.of(markers.nameMarker(), markers.preferencesMarker(), markers.unsubscribeMarker());
		List<byte[]> pieces = new ArrayList<>();
		List<Integer> gaps = new ArrayList<>();
		int from = 0;
		int size = 0;
		while (true) {
			int next = -1;
			int which = -1;
			for (int i = 0; i < names.size(); i++) {
				int at = content.indexOf(names.get(i), from);
				if (at >= 0 && (next < 0 || at < next)) {
					next = at;
					which = i;
				}
			}
			String piece = content.substring(from, next < 0 ? content.length() : next);
			MimeBytes encoded = new MimeBytes(piece.length() * 2 + 8);
			encoded.quotedPrintable(piece);
			if (next >= 0 && !piece.isEmpty() && !piece.endsWith("\n")) {
				encoded.softBreak();
			}
			byte[] bytes = encoded.toByteArray();
			pieces.add(bytes);
			size += bytes.length;
			if (next < 0) {
				return new QuotedPrintableTemplate(pieces, gaps, size);
			}
			gaps.add(which);
			from = next + names.get(which).length();
		}
	}

	/** Writes the part with the name, preferences URL and unsubscribe URL in its gaps. */
	void write(MimeBytes out, String... values) {
		for (int i = 0; i < pieces.size(); i++) {
			out.writeBytes(pieces.get(i));
			if (i < gaps.size()) {
				String value = values[gaps.get(i)];
				out.quotedPrintable(value);
				if (!value.isEmpty() && !value.endsWith("\n")) {
					out.softBreak();
				}
			}
		}
	}

}
