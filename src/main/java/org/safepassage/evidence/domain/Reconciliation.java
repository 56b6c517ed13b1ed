package org.safepassage.evidence.domain;

import java.util.Comparator;
import java.util.List;

/**
 * One incident's figure from its disagreeing sources. Only the best-graded readable
 * reports count (the reliable ones when there are any): low is their smallest lower
 * bound, high their largest upper bound (the low when none gives one), best the middle of
 * their figures, the lower one when two are in the middle, so an estimate never leans
 * towards the larger claim. A researcher's override replaces all three.
 */
public final class Reconciliation {

	private Reconciliation() {
	}

	/** A report's figure and grade, as far as reconciliation cares. */
	public record Claim(ReportedFigure figure, Reliability reliability) {
	}

	/** A researcher's own figure, with the reason for it. */
	public record Override(long low, long best, long high, String note) {
	}

	public static ReconciledFigure reconcile(List<Claim> claims, Override override) {
		List<Claim> readable = claims.stream().filter(c -> c.figure().readable()).toList();
		Reliability top = readable.stream().map(Claim::reliability).min(Comparator.naturalOrder()).orElse(null);
		List<Claim> counted = readable.stream().filter(c -> c.reliability() == top).toList();
		int unreadable = claims.size() - readable.size();
		if (override != null) {
			return new ReconciledFigure(override.low(), override.best(), override.high(), false, counted.size(), top,
					unreadable, override.note());
		}
		if (counted.isEmpty()) {
			return ReconciledFigure.unknown(unreadable);
		}
		long low = counted.stream().mapToLong(c -> c.figure().low()).min().orElseThrow();
		boolean openEnded = counted.stream().allMatch(c -> c.figure().high() == null);
		long high = openEnded ? low
				: counted.stream()
					.filter(c -> c.figure().high() != null)
					.mapToLong(c -> c.figure().high())
					.max()
					.orElseThrow();
		long[] points = counted.stream().mapToLong(c -> point(c.figure())).sorted().toArray();
		long best = Math.clamp(points[(points.length - 1) / 2], low, high);
		return new ReconciledFigure(low, best, high, openEnded, counted.size(), top, unreadable, null);
	}

	/**
	 * What one report says as a single number: its figure, or the middle of its range.
	 */
	private static long point(ReportedFigure figure) {
		return figure.high() == null ? figure.low() : figure.low() + (figure.high() - figure.low()) / 2;
	}

}
