package org.safepassage.petitions.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Signatures per UTC day as a bar chart: the numbers, and the bars already placed in a
 * {@link #WIDTH} × {@link #HEIGHT} drawing so the template only writes them out.
 */
public record DailyChart(List<Day> days, long total, Day busiest, long max) {

	public static final int WIDTH = 640;

	public static final int HEIGHT = 200;

	/** Room under the bars for the first and last dates. */
	public static final int AXIS = 20;

	/** Room left of the bars for the scale (0 and the largest day's number). */
	public static final int LEFT = 56;

	/** Room above the bars, so the scale's top number is not cut. */
	public static final int TOP = 8;

	/** Bars no wider than this, so a petition a few days old does not draw blocks. */
	static final double WIDEST_BAR = 24;

	public record Day(LocalDate date, long signatures, double x, double y, double width, double height) {
	}

	/** {@code counts} holds one number per day from {@code first}, zero days included. */
	static DailyChart of(LocalDate first, long[] counts) {
		long max = 0;
		long total = 0;
		for (long n : counts) {
			max = Math.max(max, n);
			total += n;
		}
		double slot = counts.length == 0 ? 0 : (double) (WIDTH - LEFT) / counts.length;
		double barWidth = Math.max(1, Math.min(WIDEST_BAR, slot * 0.8));
		int plot = HEIGHT - AXIS - TOP;
		Day busiest = null;
		List<Day> days = new ArrayList<>(counts.length);
		for (int i = 0; i < counts.length; i++) {
			double height = max == 0 ? 0 : (double) counts[i] * plot / max;
			Day day = new Day(first.plusDays(i), counts[i], round(LEFT + i * slot + (slot - barWidth) / 2),
					round(TOP + plot - height), round(barWidth), round(height));
			days.add(day);
			if (busiest == null || day.signatures() > busiest.signatures()) {
				busiest = day;
			}
		}
		return new DailyChart(List.copyOf(days), total, busiest, max);
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int top() {
		return TOP;
	}

	/** Where the bars stand. */
	public int baseline() {
		return HEIGHT - AXIS;
	}

	public boolean isEmpty() {
		return total == 0;
	}

	public Day first() {
		return days.getFirst();
	}

	public Day last() {
		return days.getLast();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
