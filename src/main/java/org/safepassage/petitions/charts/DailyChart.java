package org.safepassage.petitions.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Signatures per UTC day as a bar chart: the numbers, and the bars already placed in a
 * {@link #WIDTH} × {@link #HEIGHT} drawing so the template only writes them out.
 */
public record DailyChart(List<Day> days, long total, Day busiest) {

	public static final int WIDTH = 640;

	public static final int HEIGHT = 200;

	/** Room under the bars for the first and last dates. */
	public static final int AXIS = 20;

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
		double slot = counts.length == 0 ? 0 : (double) WIDTH / counts.length;
		double barWidth = Math.max(1, slot * 0.8);
		int plot = HEIGHT - AXIS;
		Day busiest = null;
		List<Day> days = new ArrayList<>(counts.length);
		for (int i = 0; i < counts.length; i++) {
			double height = max == 0 ? 0 : (double) counts[i] * plot / max;
			Day day = new Day(first.plusDays(i), counts[i], round(i * slot + (slot - barWidth) / 2),
					round(plot - height), round(barWidth), round(height));
			days.add(day);
			if (busiest == null || day.signatures() > busiest.signatures()) {
				busiest = day;
			}
		}
		return new DailyChart(List.copyOf(days), total, busiest);
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
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
