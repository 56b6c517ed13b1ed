package org.safepassage.shared;

import java.time.Duration;

/**
 * Retry delays that double from a first delay up to a cap: 1st retry after {@code first},
 * then 2×, 4×, …
 */
public final class Backoff {

	private Backoff() {
	}

	public static Duration exponential(Duration first, Duration max, int attemptsSoFar) {
		long factor = 1L << Math.min(Math.max(attemptsSoFar - 1, 0), 20);
		Duration delay = first.multipliedBy(factor);
		return delay.compareTo(max) > 0 ? max : delay;
	}

}
