package org.safepassage.evidence.timeline;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.safepassage.shared.LocalDates;

/**
 * The geometry of the timeline's two SVG charts, computed on the server so the page needs
 * no JavaScript: monthly bars (best estimate) with a low–high whisker, and the cumulative
 * total as a line in its band. The template only places these numbers; every label is
 * generated here, none comes from a reader.
 */
public record TimelineChart(int width, int height, int plotLeft, int plotTop, int plotWidth, int plotHeight,
		List<Tick> monthlyTicks, List<Bar> bars, List<Tick> cumulativeTicks, String cumulativeLine,
		String cumulativeBand, List<Label> labels) {

	static final int WIDTH = 720;

	static final int HEIGHT = 260;

	static final int LEFT = 64;

	static final int TOP = 16;

	static final int RIGHT = 16;

	static final int BOTTOM = 48;

	record Tick(double y, String label) {
	}

	record Bar(double x, double y, double width, double height, double whiskerX, double whiskerTop,
			double whiskerBottom, String title) {
	}

	record Label(double x, String text) {
	}

	public static TimelineChart of(Timeline timeline, Locale locale) {
		List<Timeline.Month> months = timeline.months();
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		double slot = months.isEmpty() ? plotWidth : (double) plotWidth / months.size();
		long monthlyMax = niceCeiling(months.stream().mapToLong(Timeline.Month::high).max().orElse(0));
		long cumulativeMax = niceCeiling(months.isEmpty() ? 0 : months.getLast().cumulativeHigh());
		NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
		DateTimeFormatter monthFormat = LocalDates.formatter(locale, LocalDates.Style.SHORT_MONTH);

		List<Bar> bars = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		List<String> upper = new ArrayList<>();
		List<String> lower = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			Timeline.Month m = months.get(i);
			double x = LEFT + i * slot;
			double centre = x + slot / 2;
			double barWidth = Math.max(1, slot * 0.7);
			double top = y(m.best(), monthlyMax, plotHeight);
			bars.add(new Bar(round(centre - barWidth / 2), round(top), round(barWidth), round(TOP + plotHeight - top),
					round(centre), round(y(m.high(), monthlyMax, plotHeight)),
					round(y(m.low(), monthlyMax, plotHeight)),
					m.month().format(monthFormat) + ": " + range(numbers, m.low(), m.best(), m.high())));
			line.append(line.isEmpty() ? "" : " ")
				.append(point(centre, y(m.cumulativeBest(), cumulativeMax, plotHeight)));
			upper.add(point(centre, y(m.cumulativeHigh(), cumulativeMax, plotHeight)));
			lower.addFirst(point(centre, y(m.cumulativeLow(), cumulativeMax, plotHeight)));
		}
		List<String> band = new ArrayList<>(upper);
		band.addAll(lower);
		return new TimelineChart(WIDTH, HEIGHT, LEFT, TOP, plotWidth, plotHeight,
				ticks(monthlyMax, plotHeight, numbers), bars, ticks(cumulativeMax, plotHeight, numbers),
				line.toString(), String.join(" ", band), labels(months, slot, monthFormat));
	}

	public int plotBottom() {
		return plotTop + plotHeight;
	}

	public int plotRight() {
		return plotLeft + plotWidth;
	}

	private static String range(NumberFormat numbers, long low, long best, long high) {
		return low == high ? numbers.format(best)
				: numbers.format(best) + " (" + numbers.format(low) + "–" + numbers.format(high) + ")";
	}

	/** About eight labels at most, so they do not overlap. */
	private static List<Label> labels(List<Timeline.Month> months, double slot, DateTimeFormatter format) {
		int every = Math.max(1, (int) Math.ceil(months.size() / 8.0));
		List<Label> labels = new ArrayList<>();
		for (int i = 0; i < months.size(); i += every) {
			labels.add(new Label(round(LEFT + i * slot + slot / 2), months.get(i).month().format(format)));
		}
		return labels;
	}

	private static List<Tick> ticks(long max, int plotHeight, NumberFormat numbers) {
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			long value = max * i / 4;
			ticks.add(new Tick(round(y(value, max, plotHeight)), numbers.format(value)));
		}
		return ticks;
	}

	private static double y(long value, long max, int plotHeight) {
		return max == 0 ? TOP + plotHeight : TOP + plotHeight - (double) value / max * plotHeight;
	}

	private static String point(double x, double y) {
		return round(x) + "," + round(y);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * 1, 2 or 5 times a power of ten, and a multiple of 4 so the four gridlines fall on
	 * whole numbers.
	 */
	static long niceCeiling(long value) {
		if (value <= 4) {
			return 4;
		}
		long magnitude = 1;
		while (magnitude * 10 < value) {
			magnitude *= 10;
		}
		for (long step : new long[] { 1, 2, 5, 10 }) {
			long candidate = step * magnitude;
			if (candidate >= value && candidate % 4 == 0) {
				return candidate;
			}
		}
		long candidate = 10 * magnitude;
		while (candidate < value || candidate % 4 != 0) {
			candidate += magnitude;
		}
		return candidate;
	}
}
