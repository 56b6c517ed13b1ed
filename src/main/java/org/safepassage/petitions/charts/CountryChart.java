package org.safepassage.petitions.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.shared.Countries;

/**
 * The countries with most signatures as horizontal bars, the rest summed as "others"
 * (code null), placed in a {@link #WIDTH}-wide drawing of {@link #ROW}-high rows.
 */
public record CountryChart(List<Bar> bars, long total) {

	public static final int WIDTH = 640;

	public static final int ROW = 28;

	/** Room on the left for the country's name, on the right for the number. */
	public static final int LABEL = 180;

	public static final int NUMBER = 80;

	public record Bar(String code, String name, long signatures, double y, double width) {

		public boolean others() {
			return code == null;
		}

	}

	/** {@code byCountry} largest first, as the counts give it. */
	static CountryChart of(Map<String, Long> byCountry, int top, Locale locale) {
		List<Map.Entry<String, Long>> entries = new ArrayList<>(byCountry.entrySet());
		entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		long total = 0;
		long others = 0;
		List<Map.Entry<String, Long>> shown = new ArrayList<>();
		for (Map.Entry<String, Long> e : entries) {
			total += e.getValue();
			if (shown.size() < top) {
				shown.add(e);
			}
			else {
				others += e.getValue();
			}
		}
		long max = Math.max(others, shown.isEmpty() ? 0 : shown.getFirst().getValue());
		double room = WIDTH - LABEL - NUMBER;
		List<Bar> bars = new ArrayList<>();
		for (Map.Entry<String, Long> e : shown) {
			bars.add(new Bar(e.getKey(), Countries.name(e.getKey(), locale), e.getValue(), bars.size() * ROW,
					width(e.getValue(), max, room)));
		}
		if (others > 0) {
			bars.add(new Bar(null, null, others, bars.size() * ROW, width(others, max, room)));
		}
		return new CountryChart(List.copyOf(bars), total);
	}

	public int height() {
		return bars.size() * ROW;
	}

	public int width() {
		return WIDTH;
	}

	public int label() {
		return LABEL;
	}

	public int row() {
		return ROW;
	}

	public boolean isEmpty() {
		return bars.isEmpty();
	}

	private static double width(long value, long max, double room) {
		return max == 0 ? 0 : Math.max(1, Math.round(value * room * 10 / max) / 10.0);
	}

}
